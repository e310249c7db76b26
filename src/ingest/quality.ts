import type { FileQuality } from './records.js';
import type { RowAccounting } from './accounting.js';
import type { MappedRows } from './mappedRows.js';

/** The data-quality summary every report prints. rowsUsed counts rows merged by a preset's fold. */
export function buildQuality(
  file: string,
  input: Pick<MappedRows, 'encoding' | 'dialect' | 'mapping' | 'warnings'>,
  acc: RowAccounting,
  records: number,
  decisions: string[],
): FileQuality {
  const rowsUsed = records + acc.rowsMerged;
  if (rowsUsed + acc.rowsSkipped !== acc.rowsRead) {
    throw new Error(`row accounting broken for ${file}: read ${acc.rowsRead}, used ${rowsUsed}, skipped ${acc.rowsSkipped}`);
  }
  const dialect = `${input.encoding}, ${input.dialect.delimiter === '\t' ? 'tab' : `"${input.dialect.delimiter}"`}-delimited`;
  return {
    file,
    format: input.mapping.format,
    columns: { ...input.mapping.sources },
    rowsRead: acc.rowsRead,
    rowsUsed,
    rowsSkipped: acc.rowsSkipped,
    skipped: acc.skipped,
    ...(acc.cellsEmptied > 0 ? { cellsEmptied: acc.emptied } : {}),
    decisions: [dialect, ...decisions],
    warnings: acc.cellsEmptied > 0 ? [...input.warnings, emptiedWarning(acc)] : input.warnings,
  };
}

/** One line for every output that prints warnings: how many cells were left empty, and why. */
function emptiedWarning(acc: RowAccounting): string {
  const reasons = Object.entries(acc.emptied)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([reason, t]) => `${t.count} ${reason} (first at line ${t.firstLines[0]}: "${t.examples[0]}")`)
    .join('; ');
  return `${acc.cellsEmptied} unreadable cell(s) left empty, their rows kept: ${reasons}`;
}
