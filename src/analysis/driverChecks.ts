import { cramersV } from '../stats/cramersV.js';
import { mantelHaenszel, type Stratum2x2 } from '../stats/mantelHaenszel.js';
import { mantelHaenszelRiskDifference } from '../stats/mantelHaenszelRiskDifference.js';
import type { Dimension } from './sliceResult.js';
import type { Check, Factor } from './driversResult.js';
import type { DriverTicket } from './driverTickets.js';

/**
 * When the data cannot separate a finding from a factor. Stratifying by the factor compares
 * the finding's tickets with other tickets of the same stratum; if almost none of the
 * finding's tickets share a stratum with other tickets, or the finding and the factor are
 * nearly one classification, any verdict would be arbitrary:
 * - OVERLAP_MIN: under 10% of the finding's rated tickets sit in strata that also hold rated
 *   tickets outside the finding (e.g. an evening shift staffed only by agents who work only
 *   evenings: stratified by agent, no evening ticket has a day ticket to be compared with);
 * - CRAMERS_V_MAX: Cramér's V between "in the finding" and the factor is 0.9 or more.
 */
export const OVERLAP_MIN = 0.1;
export const CRAMERS_V_MAX = 0.9;

/** The stratum of a ticket along a factor: its raw slice key, or wait band × channel. */
export function stratumOf(t: DriverTicket, factor: Factor): string | null {
  return factor === 'wait' ? t.waitStratum : t.keys[factor];
}

export function inFinding(t: DriverTicket, dimension: Dimension, keys: ReadonlySet<string>): boolean {
  return keys.has(t.keys[dimension]);
}

/** The finding's gap stratified by one factor: Mantel–Haenszel risk difference, odds ratio and test. */
export function stratifiedCheck(rated: readonly DriverTicket[], dimension: Dimension, keys: ReadonlySet<string>, factor: Factor): Check {
  const tables = new Map<string, Stratum2x2>();
  for (const t of rated) {
    const stratum = stratumOf(t, factor);
    if (stratum === null) continue;
    const table = tables.get(stratum) ?? { a: 0, b: 0, c: 0, d: 0 };
    const inside = inFinding(t, dimension, keys);
    if (inside) t.satisfied ? table.a++ : table.b++;
    else t.satisfied ? table.c++ : table.d++;
    tables.set(stratum, table);
  }
  const strata = [...tables.values()];
  const inside = strata.reduce((s, t) => s + t.a + t.b, 0);
  const shared = strata.reduce((s, t) => s + (t.c + t.d > 0 ? t.a + t.b : 0), 0);
  const overlap = inside > 0 ? shared / inside : null;
  const v = cramersV([strata.map((t) => t.a + t.b), strata.map((t) => t.c + t.d)]);
  const inseparable = overlap === null || overlap < OVERLAP_MIN || (v !== null && v >= CRAMERS_V_MAX);
  const rd = mantelHaenszelRiskDifference(strata);
  const or = mantelHaenszel(strata);
  return {
    by: factor,
    gap: rd?.difference ?? null,
    ci95: rd?.ci95 ?? null,
    oddsRatio: or.oddsRatio,
    oddsRatioCi95: or.ci95,
    p: or.p,
    overlap,
    cramersV: v,
    inseparable,
    note: rd === null ? 'no stratum holds both the finding and other tickets' : null,
  };
}
