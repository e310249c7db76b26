import { cramersV } from '../stats/cramersV.js';
import { mantelHaenszel, type Stratum2x2 } from '../stats/mantelHaenszel.js';
import { mantelHaenszelRiskDifference } from '../stats/mantelHaenszelRiskDifference.js';
import type { Dimension } from './sliceResult.js';
import type { Check, Factor } from './driversResult.js';
import { type DriverColumns, type DriverSet, keyOf } from './driverTickets.js';

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
export function stratumOf(columns: DriverColumns, i: number, factor: Factor): string | null {
  if (factor !== 'wait') return keyOf(columns, factor, i);
  const code = columns.waitStratum.codes[i];
  return code < 0 ? null : columns.waitStratum.names[code];
}

export function inFinding(columns: DriverColumns, i: number, dimension: Dimension, keys: ReadonlySet<string>): boolean {
  return keys.has(keyOf(columns, dimension, i));
}

/** The finding's gap stratified by one factor: Mantel–Haenszel risk difference, odds ratio and test. */
export function stratifiedCheck(rated: DriverSet, dimension: Dimension, keys: ReadonlySet<string>, factor: Factor): Check {
  const tables = new Map<string, Stratum2x2>();
  const { columns } = rated;
  for (const i of rated.rows) {
    const stratum = stratumOf(columns, i, factor);
    if (stratum === null) continue;
    const table = tables.get(stratum) ?? { a: 0, b: 0, c: 0, d: 0 };
    const inside = inFinding(columns, i, dimension, keys);
    const satisfied = columns.satisfied[i] === 1;
    if (inside) satisfied ? table.a++ : table.b++;
    else satisfied ? table.c++ : table.d++;
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
