import type { ZeroOneRows } from '../stats/logisticObservations.js';
import { WEEKDAYS } from '../time/calendar.js';
import { compareText } from './sliceKeys.js';
import type { Dimension } from './sliceResult.js';
import { POOLED_KEY, type Factor, type PatternName } from './driversResult.js';
import { type DriverSet, keyOf, levelOf, WAIT_BANDS } from './driverTickets.js';

/**
 * The columns of a drivers model: an intercept, one 0/1 column per non-reference level of
 * each factor (treatment coding against the level with the most rated tickets), and one
 * 0/1 column per service pattern. Optionally one dimension is replaced by a single
 * "in the finding" indicator, to read off a finding's gap with everything else held fixed.
 */
export interface FactorBlock {
  factor: Factor;
  reference: string;
  /** Non-reference levels, one column each, in display order. */
  levels: string[];
  /** Original level → model level (rare levels map to "(other)"). */
  pool: Map<string, string>;
  /** Original level → its column within the block, −1 for the reference (precomputed: hot path). */
  column: Map<string, number>;
}

export interface Indicator {
  dimension: Dimension;
  keys: ReadonlySet<string>;
}

export interface DesignSpec {
  factors: FactorBlock[];
  flags: PatternName[];
  indicator: Indicator | null;
  width: number;
}

export type Override = { factor: Factor; level: string } | { flag: PatternName; value: boolean } | { indicator: boolean };

/** Rated tickets with every value the model needs, and a count of those without, by column. */
export function modelTickets(tickets: DriverSet, factors: readonly Factor[], flags: readonly PatternName[]) {
  const { columns } = tickets;
  const kept: number[] = [];
  const byColumn: Record<string, number> = {};
  let dropped = 0;
  for (const i of tickets.rows) {
    if (columns.satisfied[i] < 0) continue;
    const missing = [...factors.filter((f) => levelOf(columns, f, i) === null), ...flags.filter((f) => columns.flags[f][i] < 0)];
    if (missing.length === 0) {
      kept.push(i);
      continue;
    }
    dropped += 1;
    for (const m of missing) {
      const column = m === 'wait' ? 'wait_seconds' : m === 'transferred' ? 'transfers' : m === 'reopened' ? 'reopens' : m;
      byColumn[column] = (byColumn[column] ?? 0) + 1;
    }
  }
  return { kept: { columns, rows: Int32Array.from(kept) }, dropped: { total: dropped, byColumn } };
}

/**
 * Factor blocks over the model's tickets: levels with fewer than `minRated` rated tickets are
 * pooled into "(other)"; a factor left with a single level carries no contrast and is dropped.
 */
export function factorBlocks(tickets: DriverSet, factors: readonly Factor[], minRated: number) {
  const blocks: FactorBlock[] = [];
  const pooled: Partial<Record<Factor, string[]>> = {};
  for (const factor of factors) {
    const counts = new Map<string, number>();
    for (const i of tickets.rows) {
      const level = levelOf(tickets.columns, factor, i)!;
      counts.set(level, (counts.get(level) ?? 0) + 1);
    }
    const rare = [...counts.keys()].filter((k) => counts.get(k)! < minRated).sort(compareText);
    const pool = new Map([...counts.keys()].map((k) => [k, rare.includes(k) ? POOLED_KEY : k]));
    const sizes = new Map<string, number>();
    for (const [k, n] of counts) sizes.set(pool.get(k)!, (sizes.get(pool.get(k)!) ?? 0) + n);
    if (rare.length > 0) pooled[factor] = rare;
    if (sizes.size < 2) continue;
    const ordered = orderLevels(factor, [...sizes.keys()], sizes);
    // The reference is the largest level; ties go to the first in display order.
    const reference = ordered.reduce((best, k) => (sizes.get(k)! > sizes.get(best)! ? k : best), ordered[0]);
    const levels = ordered.filter((k) => k !== reference);
    const column = new Map([...pool].map(([k, level]) => [k, levels.indexOf(level)]));
    blocks.push({ factor, reference, levels, pool, column });
  }
  return { blocks, pooled };
}

export function designSpec(factors: FactorBlock[], flags: PatternName[], indicator: Indicator | null = null): DesignSpec {
  const kept = indicator ? factors.filter((b) => b.factor !== indicator.dimension) : factors;
  const width = 1 + kept.reduce((s, b) => s + b.levels.length, 0) + flags.length + (indicator ? 1 : 0);
  return { factors: kept, flags, indicator, width };
}

/**
 * The design rows of the tickets, all 0/1, as the columns holding 1 (ascending): the intercept,
 * the level's column in each factor block (none for the reference), each flag that is on, and
 * the indicator when the ticket is in the finding.
 */
export function designOnes(tickets: DriverSet, spec: DesignSpec): ZeroOneRows {
  const { columns: c, rows } = tickets;
  // At most one 1 per block: the intercept, each factor, each flag, the indicator.
  const most = 1 + spec.factors.length + spec.flags.length + (spec.indicator ? 1 : 0);
  const columns = new Int32Array(rows.length * most);
  const starts = new Int32Array(rows.length + 1);
  let at = 0;
  rows.forEach((t, i) => {
    starts[i] = at;
    columns[at++] = 0;
    let col = 1;
    for (const block of spec.factors) {
      const level = block.column.get(levelOf(c, block.factor, t)!)!;
      if (level >= 0) columns[at++] = col + level;
      col += block.levels.length;
    }
    for (const flag of spec.flags) {
      if (c.flags[flag][t] === 1) columns[at++] = col;
      col += 1;
    }
    if (spec.indicator && spec.indicator.keys.has(keyOf(c, spec.indicator.dimension, t))) columns[at++] = col;
  });
  starts[rows.length] = at;
  return { width: spec.width, columns: columns.subarray(0, at), starts };
}

/** Hours by clock, weekdays Mon–Sun, wait bands shortest first, others by size; "(other)" last. */
function orderLevels(factor: Factor, keys: string[], sizes: Map<string, number>): string[] {
  const rank = (k: string): number => {
    if (factor === 'weekday') return (WEEKDAYS as readonly string[]).indexOf(k);
    if (factor === 'wait') return (WAIT_BANDS as readonly string[]).indexOf(k);
    return 0;
  };
  return keys.sort((a, b) => {
    if (a === POOLED_KEY || b === POOLED_KEY) return a === POOLED_KEY ? 1 : -1;
    if (factor === 'hour') return compareText(a, b);
    return rank(a) - rank(b) || sizes.get(b)! - sizes.get(a)! || compareText(a, b);
  });
}
