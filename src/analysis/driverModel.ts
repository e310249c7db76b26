import { averageMarginalEffectOfColumns, type MarginalEffect } from '../stats/averageMarginalEffect.js';
import { fitLogistic, type LogisticFit } from '../stats/logisticRegression.js';
import { designRow, type DesignSpec, type Override } from './driverDesign.js';
import type { DriverTicket } from './driverTickets.js';

/** A logistic model of satisfied on a design, fitted to the given rated tickets. */
export interface FittedModel {
  spec: DesignSpec;
  tickets: readonly DriverTicket[];
  /** The design rows the model was fitted on, one per ticket. */
  rows: readonly Float64Array[];
  /** The same rows (all 0/1) as the columns holding 1: row i is columns[starts[i] … starts[i + 1]). */
  ones: { columns: Int32Array; starts: Int32Array };
  fit: LogisticFit;
}

export function fitModel(tickets: readonly DriverTicket[], spec: DesignSpec): FittedModel {
  const rows = tickets.map((t) => designRow(t, spec));
  const fit = fitLogistic(rows, tickets.map((t) => (t.satisfied ? 1 : 0)));
  return { spec, tickets, rows, ones: onesOf(rows), fit };
}

function onesOf(rows: readonly Float64Array[]): FittedModel['ones'] {
  const starts = new Int32Array(rows.length + 1);
  let count = 0;
  for (const row of rows) for (let j = 0; j < row.length; j++) if (row[j] !== 0) count++;
  const columns = new Int32Array(count);
  let at = 0;
  rows.forEach((row, i) => {
    starts[i] = at;
    for (let j = 0; j < row.length; j++) if (row[j] !== 0) columns[at++] = j;
  });
  starts[rows.length] = at;
  return { columns, starts };
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
  const { columns, starts } = model.ones;
  return averageMarginalEffectOfColumns(
    rows.length,
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
