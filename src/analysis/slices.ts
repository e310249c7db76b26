import type { LoadedTickets } from '../ingest/records.js';
import { WEEKDAYS } from '../time/calendar.js';
import { rankFindings } from './findings.js';
import { HOUR_KEYS, orderedKeys } from './sliceKeys.js';
import {
  COLUMN_DIMENSIONS,
  DEFAULT_TOP,
  DIMENSIONS,
  type Dimension,
  type HeatCell,
  type SliceOptions,
  type SliceResult,
  type SliceRow,
} from './sliceResult.js';
import { fixFirstSentence, nothingFlaggedSentence, sliceSubject } from './sliceSentences.js';
import { independenceTest, sliceVerdicts, withVerdict } from './sliceSignificance.js';
import { emptyCounts, statsOfCounts } from './sliceStats.js';
import { cellId, sliceTableOf, type SliceCounts, type SliceTable } from './sliceTable.js';
import type { TicketColumn } from '../model/ticketRecord.js';

/**
 * Where and when satisfaction drops: CSAT per hour, weekday, reason, channel and agent, each
 * slice tested against the rest, and the significant drops ranked into findings.
 *
 * Pure: tickets in, result out. Tickets whose created_at could not be parsed never get here
 * (ingest skips and counts them), and `options.by` must already be resolved against the
 * columns present (see resolveDimensions in src/analysis/sliceDimensions.ts).
 */
export function analyzeSlices(tickets: LoadedTickets, options: SliceOptions): SliceResult {
  return analyzeSliceTable(sliceTableOf(tickets), options);
}

/**
 * The analysis from the per-slice counts, whoever built them (ticket records in process, or a
 * SQL engine): it never sees a ticket, so every builder gives the same result from the same counts.
 */
export function analyzeSliceTable(table: SliceTable, options: SliceOptions): SliceResult {
  const by = options.by ?? defaultDimensions(table.present);
  const overall = statsOfCounts(table.overall);
  const dimensions: SliceResult['dimensions'] = {};
  const tests: SliceResult['tests'] = {};
  for (const dimension of DIMENSIONS) {
    if (!by.includes(dimension)) continue;
    const rows = sliceRows(table.dimensions[dimension], dimension, options.minRated, overall);
    dimensions[dimension] = rows;
    tests[dimension] = independenceTest(rows);
  }
  const findings = rankFindings(dimensions, overall.csat);
  const headline =
    findings.length > 0
      ? fixFirstSentence(sliceSubject(findings[0].dimension, findings[0].label), findings[0].shortfall)
      : nothingFlaggedSentence(overall.csat, overall.rated);
  return {
    options: { by: DIMENSIONS.filter((d) => by.includes(d)), minRated: options.minRated, top: options.top ?? DEFAULT_TOP },
    overall,
    dimensions,
    tests,
    findings,
    headline,
    heatmap: heatCells(table.heatmap),
  };
}

/** Every dimension the data can be sliced by: hour and weekday always, the others when their column exists. */
export function defaultDimensions(present: ReadonlySet<TicketColumn>): Dimension[] {
  return DIMENSIONS.filter((d) => !(COLUMN_DIMENSIONS as readonly string[]).includes(d) || present.has(d as TicketColumn));
}

function sliceRows(
  slices: ReadonlyMap<string, SliceCounts>,
  dimension: Dimension,
  minRated: number,
  overall: { tickets: number; rated: number; satisfied: number },
): SliceRow[] {
  const counts = new Map([...slices].map(([k, c]) => [k, c.tickets]));
  const rows = orderedKeys(dimension, counts).map((key) => {
    const stats = statsOfCounts(slices.get(key) ?? emptyCounts());
    return { key, ...stats, share: overall.tickets > 0 ? stats.tickets / overall.tickets : 0 };
  });
  const verdicts = sliceVerdicts(rows, overall, minRated);
  return rows.map((row, i) => withVerdict(row, verdicts[i]));
}

function heatCells(cells: ReadonlyMap<string, SliceCounts>): HeatCell[] {
  const out: HeatCell[] = [];
  for (const weekday of WEEKDAYS) {
    for (const hour of HOUR_KEYS) {
      const cell = cells.get(cellId(weekday, hour));
      if (!cell || cell.tickets === 0) continue;
      const { tickets, rated, satisfied } = cell;
      out.push({ weekday, hour, tickets, rated, satisfied, csat: rated > 0 ? satisfied / rated : null });
    }
  }
  return out;
}
