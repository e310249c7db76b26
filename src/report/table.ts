import { displayWidth, padToWidth } from '../textWidth.js';
import { markdownCell, terminalText } from './escape.js';

/**
 * Plain-text tables for the terminal. Column widths are measured on the visible text in
 * terminal columns (CJK and emoji count two), so callers may pass already-coloured cells via
 * `style` and data labels in any script without breaking alignment.
 */
export interface TableColumn {
  header: string;
  align?: 'left' | 'right';
}

export function renderTable(
  columns: TableColumn[],
  textRows: string[][],
  style: (text: string, row: number, col: number) => string = (t) => t,
): string {
  // Cells are text from the data: one line each, with no escape sequence (see escape.ts).
  const rows = textRows.map((r) => r.map((cell) => terminalText(cell ?? '')));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (text: string, i: number) => padToWidth(text, widths[i], columns[i].align);
  const head = columns.map((c, i) => pad(c.header, i)).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const body = rows.map((r, ri) => r.map((cell, ci) => style(pad(cell ?? '', ci), ri, ci)).join('  '));
  return [head, rule, ...body].map((l) => l.trimEnd()).join('\n');
}

/** The same table as GitHub-flavoured Markdown; every cell is text, escaped (a | or a line break cannot add a column or a row). */
export function markdownTable(columns: TableColumn[], rows: string[][]): string {
  const esc = markdownCell;
  const head = `| ${columns.map((c) => esc(c.header)).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}
