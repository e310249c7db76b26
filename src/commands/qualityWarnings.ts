import type { FileQuality } from '../ingest/records.js';
import { count } from '../report/format.js';
import type { Terminal } from '../terminal.js';

/**
 * Skipped rows change the numbers; say so on stderr, one line per file, where a script's
 * stdout stays clean. Then ingest's own warnings for the file. The report's data-quality
 * section has the full tally; this is the nudge to read it.
 */
export function warnAboutQuality(q: FileQuality, term: Terminal): void {
  if (q.rowsSkipped > 0) {
    const reasons = Object.entries(q.skipped)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      // An engine keeps no line numbers: its counts come without one.
      .map(([reason, s]) => `${count(s.count)} ${reason}${s.firstLines.length > 0 ? ` (first at line ${s.firstLines[0]})` : ''}`)
      .join('; ');
    term.warn(`${q.file}: skipped ${count(q.rowsSkipped)} of ${count(q.rowsRead)} rows: ${reasons}`);
  }
  for (const w of q.warnings) term.warn(`${q.file}: ${w}`);
}
