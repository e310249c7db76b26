import type { CustomerFactsTable } from '../model/customerFacts.js';
import { contrast, olsHc3, type Regressor } from '../stats/olsHc3.js';
import type { AdjustedRegression, GapEstimate } from './adjustedResult.js';
import { COMPARISON_PAIRS } from './cohortGroups.js';
import type { Group } from '../model/groups.js';
import { memberColumn } from './memberColumn.js';

/** Members a group needs to enter the regression: one member alone has leverage 1 (no HC3). */
export const MIN_GROUP = 2;

/**
 * Regression adjustment: OLS of later_spend on an intercept, the resolved and unresolved
 * indicators (no_problem is the reference), cohort_spend, prior_spend, prior_orders and
 * new_customer, with HC3 standard errors. The gaps are the indicators' coefficients and, for
 * resolved − unresolved, their difference with variance from the HC3 covariance. Members of a
 * group with fewer than MIN_GROUP members are left out and its gaps are null.
 */
export function adjustedRegression(facts: CustomerFactsTable): AdjustedRegression {
  const sizes: Record<Group, number> = { no_problem: 0, resolved: 0, unresolved: 0 };
  for (const g of facts.group) sizes[g]++;
  const usable = (g: Group) => sizes[g] >= MIN_GROUP;
  const rows: number[] = [];
  for (let m = 0; m < facts.count; m++) if (usable(facts.group[m]!)) rows.push(m);
  const n = rows.length;
  const column = (read: (m: number) => number) => memberColumn(rows, read);
  const y = column((m) => facts.laterSpend[m]!);
  // Columns made here alone: olsHc3 may orthogonalise them in place (scratch).
  const regressors: Regressor[] = [
    { name: 'resolved', values: column((m) => (facts.group[m] === 'resolved' ? 1 : 0)), scratch: true },
    { name: 'unresolved', values: column((m) => (facts.group[m] === 'unresolved' ? 1 : 0)), scratch: true },
    { name: 'cohort_spend', values: column((m) => facts.cohortSpend[m]!), scratch: true },
    { name: 'prior_spend', values: column((m) => facts.priorSpend[m]!), scratch: true },
    { name: 'prior_orders', values: column((m) => facts.priorOrders[m]!), scratch: true },
    { name: 'new_customer', values: column((m) => facts.newCustomer[m]!), scratch: true },
  ];
  const empty = (): AdjustedRegression => ({
    covariates: [],
    dropped: [],
    n,
    k: 0,
    comparisons: COMPARISON_PAIRS.map(([a, b]) => ({ a, b, difference: null, ci95: null, p: null })),
  });
  if (n < 2) return empty();
  const fit = olsHc3(y, regressors);
  const weights: Record<string, Record<string, number>> = {
    'resolved-no_problem': { resolved: 1 },
    'unresolved-no_problem': { unresolved: 1 },
    'resolved-unresolved': { resolved: 1, unresolved: -1 },
  };
  const comparisons: GapEstimate[] = COMPARISON_PAIRS.map(([a, b]) => {
    const c = usable(a) && usable(b) && usable('no_problem') ? contrast(fit, weights[`${a}-${b}`]!) : null;
    return { a, b, difference: c?.estimate ?? null, ci95: c?.ci95 ?? null, p: c?.p ?? null };
  });
  return {
    covariates: fit.kept.slice(1),
    dropped: fit.dropped.map((d) => d.name),
    n,
    k: fit.k,
    comparisons,
  };
}
