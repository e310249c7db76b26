import { averageMarginalEffectOf, type MarginalEffect } from '../stats/averageMarginalEffect.js';
import { fitLogistic, type LogisticFit } from '../stats/logisticRegression.js';
import { designRow, type DesignSpec, type Override } from './driverDesign.js';
import type { DriverTicket } from './driverTickets.js';

/** A logistic model of satisfied on a design, fitted to the given rated tickets. */
export interface FittedModel {
  spec: DesignSpec;
  tickets: readonly DriverTicket[];
  /** The design rows the model was fitted on, one per ticket. */
  rows: readonly Float64Array[];
  fit: LogisticFit;
}

export function fitModel(tickets: readonly DriverTicket[], spec: DesignSpec): FittedModel {
  const rows = tickets.map((t) => designRow(t, spec));
  const fit = fitLogistic(rows, tickets.map((t) => (t.satisfied ? 1 : 0)));
  return { spec, tickets, rows, fit };
}

/**
 * The average marginal effect of setting `on` instead of `off` for every ticket of the model,
 * all else as observed; null when the model did not converge. Both overrides must concern the
 * same factor, flag or indicator: each counterfactual row is the ticket's own row with that
 * one block rewritten.
 */
export function contrast(model: FittedModel, on: Override, off: Override): MarginalEffect | null {
  const { fit, spec, rows } = model;
  if (fit.status !== 'converged') return null;
  const [start, length] = blockRange(spec, on);
  const onColumn = columnOf(spec, on);
  const offColumn = columnOf(spec, off);
  return averageMarginalEffectOf(
    rows.length,
    (i, a, b) => {
      a.set(rows[i]);
      b.set(rows[i]);
      a.fill(0, start, start + length);
      b.fill(0, start, start + length);
      if (onColumn >= 0) a[onColumn] = 1;
      if (offColumn >= 0) b[offColumn] = 1;
    },
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
