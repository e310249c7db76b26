import type { FileQuality } from '../ingest/records.js';
import { count } from './format.js';
import { markdownCell, markdownText } from './escape.js';

/**
 * The data-quality section: per file, rows read/used/skipped, skipped rows by reason with
 * their first line numbers, duplicate order ids, how columns were mapped, and ingest's
 * decisions and warnings.
 */
export function dataQualitySection(files: readonly FileQuality[], level = 2): string {
  const h = '#'.repeat(level);
  const out = [`${h} Data quality`, ''];
  for (const q of files) {
    out.push(`${h}# ${markdownText(q.file)}`, '');
    let line = `Format ${q.format}: ${count(q.rowsRead)} rows read, ${count(q.rowsUsed)} used, ${count(q.rowsSkipped)} skipped`;
    const repeats = q.duplicateOrderIds ?? 0;
    if (repeats > 0) line += `; ${count(repeats)} ${repeats === 1 ? 'row repeated' : 'rows repeated'} an order_id already seen and counted once`;
    out.push(line + '.');
    const reasons = Object.keys(q.skipped).sort();
    if (reasons.length > 0) {
      out.push('', '| Skipped because | Rows | First lines |', '| --- | ---: | --- |');
      for (const reason of reasons) {
        const s = q.skipped[reason];
        out.push(`| ${markdownCell(reason)} | ${count(s.count)} | ${s.firstLines.join(', ')} |`);
      }
    }
    const columns = Object.entries(q.columns);
    if (columns.length > 0) {
      out.push('', `Columns: ${markdownText(columns.map(([c, header]) => (c === header ? c : `${c} ← "${header}"`)).join(', '))}.`);
    }
    if (q.decisions.length + q.warnings.length > 0) out.push('');
    for (const d of q.decisions) out.push(`- ${markdownText(d)}`);
    for (const w of q.warnings) out.push(`- Warning: ${markdownText(w)}`);
    out.push('');
  }
  return out.join('\n');
}
