/**
 * Contact reasons are text from the data: a reason holding a control character, a pipe or
 * Markdown syntax must not break the terminal or the document it is printed in.
 */

/** For the terminal: control characters (ESC, CR, …) shown as \u escapes instead of acting. */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * For Markdown: control characters escaped, and the characters that would start emphasis, code,
 * a link or raw HTML backslashed. `|` is left to markdownTable (cells), and the rest (`_`, `#`,
 * parentheses) is kept, since report.html's converter (markdownHtml.ts) shows text literally and
 * does not undo backslashes.
 */
export function markdownText(text: string): string {
  return terminalText(text).replace(/[`*[\]<>]/g, (c) => `\\${c}`);
}

/** 1234.5 → "1,234.50": money in the data's own currency, so without a symbol. */
export function plainAmount(x: number): string {
  const sign = x < 0 && Math.abs(x).toFixed(2) !== '0.00' ? '-' : '';
  const [int, frac] = Math.abs(x).toFixed(2).split('.');
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}
