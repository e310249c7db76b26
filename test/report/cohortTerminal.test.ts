import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { cohortTerminal } from '../../src/report/cohortTerminal.js';
import { smallCohort } from './cohortExample.js';

const result = smallCohort;

describe('cohortTerminal', () => {
  it('prints the table with each lift and its Welch p, the headline, then one line per rule', () => {
    const text = cohortTerminal(result, new Chalk({ level: 0 }));
    expect(text).toMatchInlineSnapshot(`
      "Group               Customers  Mean later spend         95% CI  Median  Repeat rate            vs no problem
      ──────────────────  ─────────  ────────────────  ─────────────  ──────  ───────────  ───────────────────────
      No problem                  2             80.00   60.00–100.00   80.00       100.0%
      Problem resolved            1            120.00  120.00–120.00  120.00       100.0%   +50% (too few to test)
      Problem unresolved          1              0.00      0.00–0.00    0.00         0.0%  −100% (too few to test)

      Customers whose problem was resolved spent 50% more than those with no problem (too few customers to test), and 120.00 on average against 0.00 for those left unresolved (too few customers to test).

      Cohort 2014-01-01..2014-01-31 (default: the latest month with a complete follow-up): 4 customers with a counted order in it
      Follow-up 2014-02-01..2014-04-30 (--follow 3m) · problem tickets 2014-01-01..2014-02-14 (--grace 14d)
      Later spend: counted orders in the follow-up; refunds subtract, cancelled/canceled/refunded/voided/failed orders do not count.
      Resolved: status solved/closed/resolved and, when rated, a satisfied score (4–5 of 5, or good).
      95% CI: bootstrap of the mean (200 resamples, seed 1). The groups are observed, not assigned: a gap is an association, not an effect.
      Amounts: the orders name no currency (no symbol or code in the amount column), so money is shown without one; --currency CODE names it.

      Revenue at stake cannot be estimated: too few customers in a group for the adjusted comparison (see the caveats).

      Comparison                Raw gap (Welch)  Adjusted (OLS, HC3)  Diff-in-diff (Welch)  Stratified
      ────────────────────────  ───────────────  ───────────────────  ────────────────────  ──────────
      resolved vs no problem                  –                    –                     –           –
      unresolved vs no problem                –                    –                     –           –
      resolved vs unresolved                  –                    –                     –           –

      Adjustment does not change any conclusion (sign and significance at 0.05 kept).

      Group               Bought again  Censored  Median days to next order       95% CI
      ──────────────────  ────────────  ────────  ─────────────────────────  ───────────
      No problem                     2         0                          1         1–29
      Problem resolved               1         0                         88        88–88
      Problem unresolved             0         1                not reached  not reached
      Log-rank test that the groups' repurchase curves are equal: χ² = 3.34 on 2 df, p = 0.19 (not significant).

      Adjusted: OLS of later spend on the groups only, HC3 95% CI; diff-in-diff: later minus pre-window spend (2013-10-01..2013-12-31); stratified: within quintiles of prior + cohort spend.
      Adjustment evens out only what is measured (spend before the problem); unmeasured confounders remain.
      Caveat: the baseline window 2013-01-01..2013-12-31 starts before the first counted order (2014-01-02): spend before that is unknown, not zero, and only 0 of its 365 days are in the data.
      Caveat: the pre-window 2013-10-01..2013-12-31 starts before the first counted order (2014-01-02): spend before that is unknown, not zero, and only 0 of its 92 days are in the data.
      Caveat: the regression left out resolved, unresolved, cohort_spend, prior_spend, prior_orders, new_customer: constant across members or an exact combination of the other covariates, so it could not be adjusted for.
      Caveat: resolved and unresolved have fewer than 2 members: the adjusted, difference-in-differences and stratified gaps involving them are not computed."
    `);
  });

  it('dims a lift its test does not call significant, so colour never oversells it', () => {
    const text = cohortTerminal(result, new Chalk({ level: 1 }));
    expect(text).toMatch(/\u001b\[2m *\+50% \(too few to test\)\u001b\[22m/);
    expect(text).toContain('\u001b[1mNo problem        \u001b[22m');
  });
});
