import { SaxesParser } from 'saxes';

/** Throws with saxes's message (line and column) unless `xml` is well-formed XML 1.0, control characters included. */
export function assertWellFormedXml(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.write(xml).close();
  if (error) throw error;
}

/** The unescaped | of a Markdown table row: its column count plus one. */
export function pipes(row: string): number {
  return row.replace(/\\./g, '').split('|').length - 1;
}

/** Characters no terminal output may hold: ESC and the other C0 controls but newline, DEL, C1. */
export const TERMINAL_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;
