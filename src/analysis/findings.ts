import { wilsonInterval } from '../stats/wilson.js';
import { bandLabel, hourBands } from './sliceHourBands.js';
import { DIMENSIONS, type Dimension, type Finding, type SliceRow } from './sliceResult.js';
import { findingSentence, sliceSubject } from './sliceSentences.js';

/**
 * The ranked list of what is wrong: every slice flagged low, largest shortfall first, where
 * shortfall = rated × (overall CSAT − slice CSAT) is how many more satisfied tickets the slice
 * would have had at the overall rate. Ranking by shortfall rather than by the CSAT gap puts a
 * large slice that is somewhat worse ahead of a tiny slice that is much worse: it is where
 * fixing things wins back the most customers.
 *
 * Adjacent low hours merge into one band and the band's numbers (rated, CSAT, interval) are
 * recomputed over all its tickets. Other dimensions are not merged: Mon and Tue are separate
 * findings even when both are low.
 */
export function rankFindings(
  dimensions: Partial<Record<Dimension, SliceRow[]>>,
  overallCsat: number | null,
): Finding[] {
  if (overallCsat === null) return [];
  const findings: Finding[] = [];
  for (const dimension of DIMENSIONS) {
    const rows = dimensions[dimension];
    if (!rows) continue;
    for (const group of lowGroups(dimension, rows)) findings.push(finding(dimension, group, overallCsat));
  }
  // Stable sort: ties keep dimension order, then slice order.
  return findings.sort((a, b) => b.shortfall - a.shortfall);
}

interface LowGroup {
  label: string;
  rows: SliceRow[];
}

function lowGroups(dimension: Dimension, rows: SliceRow[]): LowGroup[] {
  const low = rows.filter((r) => r.flag === 'low');
  if (dimension !== 'hour') return low.map((r) => ({ label: r.key, rows: [r] }));
  const byHour = new Map(low.map((r) => [Number(r.key), r]));
  return hourBands([...byHour.keys()]).map((band) => ({
    label: bandLabel(band),
    rows: band.map((h) => byHour.get(h)!),
  }));
}

function finding(dimension: Dimension, group: LowGroup, overallCsat: number): Finding {
  const sum = (pick: (r: SliceRow) => number) => group.rows.reduce((acc, r) => acc + pick(r), 0);
  const tickets = sum((r) => r.tickets);
  const rated = sum((r) => r.rated);
  const satisfied = sum((r) => r.satisfied);
  const csat = satisfied / rated; // flagged rows have rated ≥ minRated ≥ 1
  const ci95 = wilsonInterval(satisfied, rated)!;
  const adjP = Math.max(...group.rows.map((r) => r.adjP!));
  const subject = sliceSubject(dimension, group.label);
  return {
    dimension,
    keys: group.rows.map((r) => r.key),
    label: group.label,
    tickets,
    rated,
    satisfied,
    csat,
    ci95,
    overallCsat,
    shortfall: rated * (overallCsat - csat),
    adjP,
    sentence: findingSentence(subject, { csat, ci95, overallCsat, rated, adjP, merged: group.rows.length }),
  };
}
