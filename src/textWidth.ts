import stringWidth from 'string-width';

/**
 * Width of text in terminal columns, not UTF-16 units: 王小明 takes 6 columns and "José 🎧" 7
 * (a CJK character or an emoji is two columns wide, a combining accent none, colour codes
 * none). `.length` got both wrong, and the tables beside them slid out of line.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Pads with spaces to `width` columns, on the right (left-aligned) or on the left. */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Text cut to at most `width` columns, ending in "…" when cut, never splitting a character
 * (an emoji with its modifiers, a letter with its accent) or leaving half of a wide one.
 */
export function cutToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return out + '…';
}
