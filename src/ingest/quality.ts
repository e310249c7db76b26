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

/**
 * Ids that Unicode normalisation changed (NFC, invisible format characters removed): counted
 * as distinct raw values per column in `idsNormalized` and said in a warning, so a reader knows
 * that two spellings were joined.
 */
export function noteNormalizedIds(quality: FileQuality, changed: { customer_id: Set<string>; order_id: Set<string> }): void {
  const counts = { customer_id: changed.customer_id.size, order_id: changed.order_id.size };
  if (counts.customer_id + counts.order_id === 0) return;
  quality.idsNormalized = counts;
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([column, n]) => `${n} ${column} value(s)`);
  quality.warnings = [...quality.warnings, `${parts.join(' and ')} changed by Unicode normalisation (NFC, invisible characters such as zero-width spaces removed), so spellings that look the same are one id`];
}
