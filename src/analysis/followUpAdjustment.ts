import type { CustomerFactsTable } from '../model/customerFacts.js';
import { contrast, olsHc3 } from '../stats/olsHc3.js';
import type { ProactiveFollowUp } from './cohortResult.js';
import { memberColumn } from './memberColumn.js';

/** What the follow-up gap is adjusted for: the covariates of the adjusted cohort comparison. */
export const FOLLOW_UP_COVARIATES = ['cohort_spend', 'prior_spend', 'prior_orders', 'new_customer'] as const;

/**
 * The follow-up gap adjusted as the cohort's groups are (adjustedRegression.ts): among the
 * resolved members, OLS of later_spend on an intercept, a followed-up indicator, cohort_spend,
 * prior_spend, prior_orders and new_customer, HC3 standard errors; the gap is the indicator's
 * coefficient with its t interval on n − k df. The raw Welch gap stays beside it. When the
 * regression cannot estimate the indicator (a side with fewer than 2 members, HC3 undefined),
 * the raw comparison is returned unchanged (`adjusted: false`).
 */
export function adjustFollowUp(raw: ProactiveFollowUp, facts: CustomerFactsTable, followedUp: ArrayLike<number>): ProactiveFollowUp {
  const rawFields = { rawDifference: raw.difference, rawCi95: raw.ci95, rawP: raw.p };
  if (raw.with.customers < 2 || raw.without.customers < 2) return { ...raw, ...rawFields };
  const rows: number[] = [];
  for (let m = 0; m < facts.count; m++) if (facts.group[m] === 'resolved') rows.push(m);
  const column = (read: (m: number) => number) => memberColumn(rows, read);
  const fit = olsHc3(column((m) => facts.laterSpend[m]!), [
    { name: 'follow_up', values: column((m) => (followedUp[m]! > 0 ? 1 : 0)) },
    { name: 'cohort_spend', values: column((m) => facts.cohortSpend[m]!) },
    { name: 'prior_spend', values: column((m) => facts.priorSpend[m]!) },
    { name: 'prior_orders', values: column((m) => facts.priorOrders[m]!) },
    { name: 'new_customer', values: column((m) => facts.newCustomer[m]!) },
  ]);
  const c = contrast(fit, { follow_up: 1 });
  if (c === null || c.ci95 === null || c.p === null) return { ...raw, ...rawFields };
  return { ...raw, ...rawFields, difference: c.estimate, ci95: c.ci95, p: c.p, adjusted: true, covariates: fit.kept.slice(2) };
}
