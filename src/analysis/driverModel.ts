import { averageMarginalEffect, type MarginalEffect } from '../stats/averageMarginalEffect.js';
import { fitLogistic, type LogisticFit } from '../stats/logisticRegression.js';
import { designRow, type DesignSpec, type Override } from './driverDesign.js';
import type { DriverTicket } from './driverTickets.js';

/** A logistic model of satisfied on a design, fitted to the given rated tickets. */
export interface FittedModel {
  spec: DesignSpec;
  tickets: readonly DriverTicket[];
  fit: LogisticFit;
}

export function fitModel(tickets: readonly DriverTicket[], spec: DesignSpec): FittedModel {
  const rows = tickets.map((t) => designRow(t, spec));
  const fit = fitLogistic(rows, tickets.map((t) => (t.satisfied ? 1 : 0)));
  return { spec, tickets, fit };
}

/**
 * The average marginal effect of setting `on` instead of `off` for every ticket of the model,
 * all else as observed; null when the model did not converge.
 */
export function contrast(model: FittedModel, on: Override, off: Override): MarginalEffect | null {
  const { fit, spec, tickets } = model;
  if (fit.status !== 'converged') return null;
  return averageMarginalEffect(
    tickets.map((t) => designRow(t, spec, on)),
    tickets.map((t) => designRow(t, spec, off)),
    fit.coefficients!,
    fit.covariance!,
  );
}
