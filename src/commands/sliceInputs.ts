import { assertSatisfactionColumn, parseDimensions, resolveDimensions } from '../analysis/sliceDimensions.js';
import type { Dimension } from '../analysis/sliceResult.js';
import { readTickets } from '../ingest/readTickets.js';
import type { LoadedTickets } from '../ingest/records.js';
import type { Terminal } from '../terminal.js';
import { ingestOptionsFrom } from './ingestOptions.js';
import { warnAboutQuality } from './qualityWarnings.js';
import { readProgress } from './readProgress.js';
import { parseMinRated, type SlicesFlags } from './slicesFlags.js';

/**
 * What `slices` and `drivers` both do before analysing: check every flag (so a typo fails
 * before a large file is read), read the tickets, insist on a satisfaction column, resolve
 * --by against the columns present, and warn about skipped rows.
 */
export async function sliceInputs(file: string, flags: SlicesFlags, term: Terminal): Promise<{ tickets: LoadedTickets; by: Dimension[]; minRated: number }> {
  const requested: Dimension[] | null = flags.by === undefined ? null : parseDimensions(flags.by);
  const minRated = parseMinRated(flags.minRated);
  const ingest = ingestOptionsFrom(flags);

  const tickets = await readTickets(file, ingest, readProgress(term, flags, file));
  assertSatisfactionColumn(tickets.present, tickets.quality.file);
  const by = resolveDimensions(requested, tickets.present, tickets.quality.file);
  warnAboutQuality(tickets.quality, term);
  return { tickets, by, minRated };
}
