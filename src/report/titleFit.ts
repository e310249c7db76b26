import { textWidth } from './fontMetrics.js';

/**
 * Titles and subtitles broken into lines that fit the canvas. Vega draws a title on one line
 * whatever its length and the canvas clips it, and an action title ("CSAT by weekday and hour
 * opened: no slice differs significantly from 69% overall") is often wider than a chart. Lines
 * break between words, measured with Inter's advance widths (fontMetrics.ts), the same
 * measure vega lays out with.
 */
export function wrapText(text: string, fontSize: number, fontWeight: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize, fontWeight) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

interface TitledSpec {
  width?: unknown;
  padding?: unknown;
  title?: { text?: string | string[]; subtitle?: string | string[]; fontSize?: number; fontWeight?: number; subtitleFontSize?: number };
}

/**
 * The spec with its title and subtitle lines wrapped to the canvas width less the padding.
 * Specs without a numeric width (sized by their content) are returned as they are.
 */
export function fitTitles<T extends object>(spec: T): T {
  const s = spec as TitledSpec;
  const title = s.title;
  if (typeof s.width !== 'number' || title === undefined) return spec;
  const padding = typeof s.padding === 'number' ? s.padding : 5;
  const room = s.width - 2 * padding;
  const wrap = (value: string | string[] | undefined, size: number, weight: number) =>
    value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((line) => wrapText(line, size, weight, room));
  const text = wrap(title.text, title.fontSize ?? 13, title.fontWeight ?? 700);
  const subtitle = wrap(title.subtitle, title.subtitleFontSize ?? 11, 400);
  return {
    ...spec,
    title: { ...title, ...(text ? { text: text.length === 1 ? text[0] : text } : {}), ...(subtitle ? { subtitle } : {}) },
  } as T;
}
