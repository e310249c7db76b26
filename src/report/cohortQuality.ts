import type { FileQuality } from '../ingest/records.js';
import { type Block, heading, type Inline, list, paragraph, table } from './doc.js';
import { count } from './format.js';

/**
 * The data-quality section: per file, rows read/used/skipped, skipped rows by reason with
 * their first line numbers, duplicate order ids, how columns were mapped, and ingest's
 * decisions and warnings.
 */
export function dataQualitySection(files: readonly FileQuality[], level = 2): Block[] {
  const blocks = [heading(level, 'Data quality')];
  for (const q of files) {
    let line = `Format ${q.format}: ${count(q.rowsRead)} rows read, ${count(q.rowsUsed)} used, ${count(q.rowsSkipped)} skipped`;
    const repeats = q.duplicateOrderIds ?? 0;
    if (repeats > 0) line += `; ${count(repeats)} ${repeats === 1 ? 'row repeated' : 'rows repeated'} an order_id already seen and counted once`;
    blocks.push(heading(level + 1, q.file), paragraph(`${line}.`), ...fileQualityDetails(q));
  }
  return blocks;
}

/** A file's skipped rows by reason, its column mapping, and ingest's decisions and warnings. */
export function fileQualityDetails(q: FileQuality): Block[] {
  const blocks: Block[] = [];
  const reasons = Object.keys(q.skipped).sort();
  if (reasons.length > 0) {
    const rows = reasons.map((reason) => [reason, count(q.skipped[reason].count), q.skipped[reason].firstLines.join(', ')]);
    blocks.push(table([{ header: 'Skipped because' }, { header: 'Rows', align: 'right' }, { header: 'First lines' }], rows));
  }
  const columns = Object.entries(q.columns);
  if (columns.length > 0) blocks.push(paragraph('Columns: ', columns.map(([c, header]) => (c === header ? c : `${c} ← "${header}"`)).join(', '), '.'));
  const notes: Inline[][] = [...q.decisions.map((d) => [d]), ...q.warnings.map((w) => ['Warning: ', w])];
  if (notes.length > 0) blocks.push(list(notes));
  return blocks;
}
