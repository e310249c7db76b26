import type { ChalkInstance } from 'chalk';
import type { ColumnProfile } from '../ingest/load.js';
import { count, pct } from './format.js';
import { renderTable } from './table.js';
import { cellsEmptiedCount, validationExitCode, type FileValidation, type ValidationReport } from './validateResult.js';
import { terminalText } from './escape.js';

/**
 * The terminal page of `loyalty validate` (stdout): per file that could be read, how it was
 * read, a table of what each canonical column was understood as, and every problem row as
 * file:line, reason, value; then the verdict when it is good. Files that could not be read and
 * a failing verdict are errors, which the command writes to stderr.
 */
export function validateTerminal(report: ValidationReport, color: ChalkInstance): string {
  const sections = report.files.filter((f) => f.error === null).map((f) => fileSection(f, color));
  const good = verdict(report, color);
  return [...sections, ...(good === null ? [] : [good])].join('\n\n');
}

function fileSection(f: FileValidation, color: ChalkInstance): string {
  const lines = [color.bold(terminalText(`${f.role}  ${f.file}`))];
  if (f.format) {
    const how = { detected: 'detected from the header row', asked: 'as asked', canonical: 'no preset matched the header row' }[f.format.how];
    lines.push(field('format', f.format.how === 'canonical' ? `canonical columns (${how})` : `${f.format.label} — ${f.format.name}, ${how}`));
  }
  lines.push(field('file', `${f.encoding}, ${delimiterName(f.delimiter)}-delimited, ${lineEndingName(f.lineEnding)} line endings, ${count(f.headers.length)} columns`));
  if (f.rows) lines.push(field('rows', rowsLine(f.rows)));
  lines.push('');
  lines.push(indent(columnTable(f.columns)));
  if (f.notFound.length > 0) lines.push('', field('not found', `${f.notFound.join(', ')} (optional; --map ${f.role}.<column>=<header> if the file has them)`));
  if (f.decisions.length > 0) lines.push(field('read as', terminalText(f.decisions.join('; '))));
  for (const w of f.warnings) lines.push(field('warning', terminalText(w), color.yellow));
  if (f.problems.length > 0) {
    const listed = (f.rows?.skipped ?? 0) + cellsEmptiedCount(f);
    const shown = f.rows && listed > f.problems.length ? ` (the first ${count(f.problems.length)} of ${count(listed)})` : '';
    lines.push('', `  ${color.yellow(`problems${shown}:`)}`);
    for (const p of f.problems) {
      const where = p.column === null || p.reason.includes(p.column) ? "" : ` in ${p.column}`;
      lines.push(terminalText(`    ${f.file}:${p.line}  ${p.reason}${where}: "${p.value}"`));
    }
  }
  return lines.join('\n');
}

function columnTable(columns: ColumnProfile[]): string {
  const rows = columns.map((c) => [
    c.column,
    c.source,
    c.type,
    c.format ?? '',
    pct(c.nullShare),
    c.min ?? '',
    c.max ?? '',
    c.examples.join(', '),
  ]);
  return renderTable(
    [
      { header: 'column' },
      { header: 'source header' },
      { header: 'type' },
      { header: 'read as' },
      { header: 'empty', align: 'right' },
      { header: 'min' },
      { header: 'max' },
      { header: 'examples' },
    ],
    rows,
  );
}

function rowsLine(rows: NonNullable<FileValidation['rows']>): string {
  const merged = rows.merged > 0 ? ` (${count(rows.merged)} of them merged into another row, e.g. line items into their order)` : '';
  return `${count(rows.read)} read, ${count(rows.used)} used${merged}, ${count(rows.skipped)} skipped`;
}

/** The closing line of a run that passes; null when it fails (the errors say why). */
function verdict(report: ValidationReport, color: ChalkInstance): string | null {
  if (validationExitCode(report) !== 0) return null;
  const skipped = report.files.reduce((n, f) => n + (f.rows?.skipped ?? 0), 0);
  const cells = report.files.reduce((n, f) => n + cellsEmptiedCount(f), 0);
  if (skipped + cells > 0) {
    const what = [skipped > 0 ? `${count(skipped)} row(s) would be skipped and counted` : '', cells > 0 ? `${count(cells)} unreadable cell(s) left empty` : ''].filter(Boolean).join(' and ');
    return color.yellow(`✓ usable; ${what} (listed above); --strict makes broken rows ${cells > 0 ? 'and cells ' : ''}an error.`);
  }
  return color.green('✓ usable; every row can be used.');
}

function field(name: string, value: string, style: (text: string) => string = (t) => t): string {
  return `  ${style(name.padEnd(10))} ${value}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

function delimiterName(d: string | null): string {
  return d === '\t' ? 'tab' : `"${d ?? ','}"`;
}

function lineEndingName(e: string | null): string {
  return e === '\r\n' ? 'CRLF' : e === '\r' ? 'CR' : 'LF';
}
