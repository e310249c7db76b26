import { averageMarginalEffectOfColumns, averageMarginalEffectsOfBlock, type MarginalEffect } from '../stats/averageMarginalEffect.js';
import type { ZeroOneRows } from '../stats/logisticObservations.js';
import { fitLogisticColumns, type LogisticFit } from '../stats/logisticRegression.js';
import { designOnes, type DesignSpec, type Override } from './driverDesign.js';
import type { DriverSet } from './driverTickets.js';
import type { Factor } from './driversResult.js';

/** A logistic model of satisfied on a design, fitted to the given rated tickets. */
export interface FittedModel {
  spec: DesignSpec;
  tickets: DriverSet;
  /** The design rows (all 0/1) as the columns holding 1: row i is columns[starts[i] … starts[i + 1]). */
  ones: ZeroOneRows;
  fit: LogisticFit;
}

export function fitModel(tickets: DriverSet, spec: DesignSpec): FittedModel {
  // Column lists, not dense rows: a few ones per ticket instead of `width` doubles.
  const ones = designOnes(tickets, spec);
  const fit = fitLogisticColumns(ones, Uint8Array.from(tickets.rows, (i) => (tickets.columns.satisfied[i] === 1 ? 1 : 0)));
  return { spec, tickets, ones, fit };
}

/**
 * The average marginal effect of setting `on` instead of `off` for every ticket of the model,
 * all else as observed; null when the model did not converge. Both overrides must concern the
 * same factor, flag or indicator: each counterfactual row is the ticket's own row with that
 * one block rewritten.
 */
export function contrast(model: FittedModel, on: Override, off: Override): MarginalEffect | null {
  const { fit, spec, tickets } = model;
  if (fit.status !== 'converged') return null;
  const [start, length] = blockRange(spec, on);
  const onColumn = columnOf(spec, on);
  const offColumn = columnOf(spec, off);
  const { columns, starts } = model.ones;
  return averageMarginalEffectOfColumns(
    tickets.rows.length,
    (i, a, b) => {
      // The row's columns before the block, the override's column, the columns after it.
      let na = 0;
      let nb = 0;
      let c = starts[i]!;
      const end = starts[i + 1]!;
      for (; c < end && columns[c]! < start; c++) a[na++] = b[nb++] = columns[c]!;
      if (onColumn >= 0) a[na++] = onColumn;
      if (offColumn >= 0) b[nb++] = offColumn;
      while (c < end && columns[c]! < start + length) c++;
      for (; c < end; c++) a[na++] = b[nb++] = columns[c]!;
      return na + 65536 * nb;
    },
    fit.coefficients!,
    fit.covariance!,
  );
}

/**
 * `contrast` of each of a factor's `levels` against `reference`, computed together
 * (averageMarginalEffectsOfBlock: the same numbers to the bit, the rows read once); null when
 * the model did not converge.
 */
export function levelContrasts(model: FittedModel, factor: Factor, levels: readonly string[], reference: string): MarginalEffect[] | null {
  const { fit, spec, tickets } = model;
  if (fit.status !== 'converged') return null;
  const off: Override = { factor, level: reference };
  const block = blockRange(spec, off);
  const { columns, starts } = model.ones;
  return averageMarginalEffectsOfBlock(
    tickets.rows.length,
    (i, cols) => {
      let m = 0;
      for (let c = starts[i]!; c < starts[i + 1]!; c++) cols[m++] = columns[c]!;
      return m;
    },
    block,
    levels.map((level) => columnOf(spec, { factor, level })),
    columnOf(spec, off),
    fit.coefficients!,
    fit.covariance!,
  );
}

/** The columns an override rewrites: a factor's dummy block, or one flag or indicator column. */
function blockRange(spec: DesignSpec, o: Override): [number, number] {
  let col = 1;
  for (const block of spec.factors) {
    if ('factor' in o && o.factor === block.factor) return [col, block.levels.length];
    col += block.levels.length;
  }
  if ('flag' in o) return [col + spec.flags.indexOf(o.flag), 1];
  return [col + spec.flags.length, 1];
}

/** The column an override sets to 1, or −1 when it sets none (a reference level, a flag off). */
function columnOf(spec: DesignSpec, o: Override): number {
  const [start] = blockRange(spec, o);
  if ('factor' in o) {
    const block = spec.factors.find((b) => b.factor === o.factor)!;
    const at = block.levels.indexOf(o.level);
    return at < 0 ? -1 : start + at;
  }
  if ('flag' in o) return o.value ? start : -1;
  return o.indicator ? start : -1;
}
