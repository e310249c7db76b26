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
    decisions: [dialect, ...decisions],
    warnings: input.warnings,
  };
}
