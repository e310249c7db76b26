import { wilsonInterval } from '../stats/wilson.js';
import { COLUMN_DIMENSIONS, type Dimension, type SliceRow } from './sliceResult.js';

/**
 * The slices a table or chart shows, so that neither grows with the number of distinct
 * labels (50,000 reasons once drew a chart 1.4 million pixels tall): for reason, channel and
 * agent, the `top` slices with the most tickets (the result's order), then any flagged slice
 * beyond them (at most `top` more: a finding's slice stays visible), then one row
 * "other (K labels)" summing the rest. Hour and weekday (24 and 7 fixed keys) are shown whole.
 *
 * The other row has counts, CSAT and its Wilson interval; it is no slice of its own, so it
 * has no test, no flag and no operational measures. JSON keeps every slice.
 *
 * @example
 * // 40 reasons, top 25: the 25 largest, then "other (15 labels)" with their tickets summed.
 */
export function shownSlices(rows: readonly SliceRow[], dimension: Dimension, top: number): SliceRow[] {
  if (!(COLUMN_DIMENSIONS as readonly string[]).includes(dimension) || rows.length <= top) return [...rows];
  const flaggedBeyond = rows.slice(top).filter((r) => r.flag !== null).slice(0, top);
  const shown = new Set([...rows.slice(0, top), ...flaggedBeyond]);
  const rest = rows.filter((r) => !shown.has(r));
  if (rest.length === 0) return [...shown];
  return [...rows.filter((r) => shown.has(r)), otherRow(rest)];
}

/** The label of the row that sums the slices not shown. */
export function otherLabel(labels: number): string {
  return `other (${labels} ${labels === 1 ? 'label' : 'labels'})`;
}

function otherRow(rest: readonly SliceRow[]): SliceRow {
  let tickets = 0;
  let share = 0;
  let rated = 0;
  let satisfied = 0;
  for (const r of rest) {
    tickets += r.tickets;
    share += r.share;
    rated += r.rated;
    satisfied += r.satisfied;
  }
  return {
    key: otherLabel(rest.length),
    tickets,
    share,
    rated,
    satisfied,
    csat: rated > 0 ? satisfied / rated : null,
    ci95: wilsonInterval(satisfied, rated),
    meanScore: null,
    p: null,
    adjP: null,
    flag: null,
    medianWaitSeconds: null,
    transferRate: null,
    reopenRate: null,
    fcrRate: null,
  };
}
