import type { LoadedTickets, TicketColumn, TicketRecord } from '../ingest/records.js';
import { WEEKDAYS } from '../time/calendar.js';
import { rankFindings } from './findings.js';
import { HOUR_KEYS, orderedKeys, sliceKey } from './sliceKeys.js';
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
import { sliceStats } from './sliceStats.js';

/**
 * Where and when satisfaction drops: CSAT per hour, weekday, reason, channel and agent, each
 * slice tested against the rest, and the significant drops ranked into findings.
 *
 * Pure: tickets in, result out. Tickets whose created_at could not be parsed never get here
 * (ingest skips and counts them), and `options.by` must already be resolved against the
 * columns present (see resolveDimensions in src/analysis/sliceDimensions.ts).
 */
export function analyzeSlices(tickets: LoadedTickets, options: SliceOptions): SliceResult {
  const by = options.by ?? defaultDimensions(tickets.present);
  const records = tickets.records;
  const overall = sliceStats(records);
  const dimensions: SliceResult['dimensions'] = {};
  const tests: SliceResult['tests'] = {};
  for (const dimension of DIMENSIONS) {
    if (!by.includes(dimension)) continue;
    const rows = sliceRows(records, dimension, options.minRated, overall);
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
    heatmap: heatCells(records),
  };
}

/** Every dimension the data can be sliced by: hour and weekday always, the others when their column exists. */
export function defaultDimensions(present: ReadonlySet<TicketColumn>): Dimension[] {
  return DIMENSIONS.filter((d) => !(COLUMN_DIMENSIONS as readonly string[]).includes(d) || present.has(d as TicketColumn));
}

function sliceRows(
  records: readonly TicketRecord[],
  dimension: Dimension,
  minRated: number,
  overall: { rated: number; satisfied: number },
): SliceRow[] {
  const groups = new Map<string, TicketRecord[]>();
  for (const t of records) {
    const key = sliceKey(t, dimension);
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  const counts = new Map([...groups].map(([k, g]) => [k, g.length]));
  const rows = orderedKeys(dimension, counts).map((key) => {
    const stats = sliceStats(groups.get(key) ?? []);
    return { key, ...stats, share: records.length > 0 ? stats.tickets / records.length : 0 };
  });
  const verdicts = sliceVerdicts(rows, overall, minRated);
  return rows.map((row, i) => withVerdict(row, verdicts[i]));
}

function heatCells(records: readonly TicketRecord[]): HeatCell[] {
  const cells = new Map<string, { tickets: number; rated: number; satisfied: number }>();
  for (const t of records) {
    const id = `${sliceKey(t, 'weekday')} ${sliceKey(t, 'hour')}`;
    const cell = cells.get(id) ?? { tickets: 0, rated: 0, satisfied: 0 };
    cell.tickets += 1;
    if (t.satisfaction !== null) {
      cell.rated += 1;
      if (t.satisfaction.satisfied) cell.satisfied += 1;
    }
    cells.set(id, cell);
  }
  const out: HeatCell[] = [];
  for (const weekday of WEEKDAYS) {
    for (const hour of HOUR_KEYS) {
      const cell = cells.get(`${weekday} ${hour}`);
      if (!cell) continue;
      out.push({ weekday, hour, ...cell, csat: cell.rated > 0 ? cell.satisfied / cell.rated : null });
    }
  }
  return out;
}
