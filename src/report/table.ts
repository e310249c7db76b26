import { displayWidth, padToWidth } from '../textWidth.js';

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
  rows: string[][],
  style: (text: string, row: number, col: number) => string = (t) => t,
): string {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (text: string, i: number) => padToWidth(text, widths[i], columns[i].align);
  const head = columns.map((c, i) => pad(c.header, i)).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const body = rows.map((r, ri) => r.map((cell, ci) => style(pad(cell ?? '', ci), ri, ci)).join('  '));
  return [head, rule, ...body].map((l) => l.trimEnd()).join('\n');
}

/** The same table as GitHub-flavoured Markdown. */
export function markdownTable(columns: TableColumn[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const head = `| ${columns.map((c) => esc(c.header)).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}
