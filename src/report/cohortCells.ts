import type { CohortResult } from '../analysis/cohortResult.js';
import { currencySymbol } from '../money.js';
import { count, money as moneyIn, pct, pValue, signedPct } from './format.js';
import type { TableColumn } from './table.js';
import { GROUPS, type Group } from '../model/groups.js';

/** How each group is named in tables, charts and sentences. */
export const GROUP_LABELS: Readonly<Record<Group, string>> = {
  no_problem: 'No problem',
  resolved: 'Problem resolved',
  unresolved: 'Problem unresolved',
};

/** The per-group table shared by the terminal and markdown renderings. */
export function groupTable(result: CohortResult, detail: boolean): { columns: TableColumn[]; rows: string[][] } {
  const columns: TableColumn[] = [
    { header: 'Group' },
    { header: 'Customers', align: 'right' },
    { header: 'Mean later spend', align: 'right' },
    { header: '95% CI', align: 'right' },
    { header: 'Median', align: 'right' },
    { header: 'Repeat rate', align: 'right' },
    { header: 'vs no problem', align: 'right' },
  ];
  if (detail) columns.push({ header: 'Total later spend', align: 'right' }, { header: 'Mean cohort spend', align: 'right' });
  const money = (x: number | null) => moneyIn(x, result.currency);
  const rows = GROUPS.map((g) => {
    const s = result.groups[g];
    // In a group with members a missing statistic could not be computed (an overflow, see
    // cohortCaveats): n/a. In an empty group there is nothing to compute: –.
    const stat = (x: number | null, text: (x: number) => string) => (x !== null ? text(x) : s.customers > 0 ? 'n/a' : '–');
    const row = [
      GROUP_LABELS[g],
      count(s.customers),
      stat(s.meanSpend, money),
      stat(s.ci95 === null ? null : 0, () => `${money(s.ci95![0])}–${money(s.ci95![1])}`),
      stat(s.medianSpend, money),
      pct(s.repeatRate),
      g === 'no_problem' ? '' : signedPct(s.liftVsNoProblem),
    ];
    if (detail) row.push(stat(s.totalSpend, money), stat(s.baselineMeanSpend, money));
    return row;
  });
  return { columns, rows };
}

/** The three comparisons: lift and both tests' p-values. */
export function comparisonTable(result: CohortResult): { columns: TableColumn[]; rows: string[][] } {
  const columns: TableColumn[] = [
    { header: 'Comparison' },
    { header: 'Lift', align: 'right' },
    { header: 'Welch p', align: 'right' },
    { header: 'Mann–Whitney p', align: 'right' },
  ];
  const rows = result.comparisons.map((c) => [
    `${GROUP_LABELS[c.a]} vs ${GROUP_LABELS[c.b].toLowerCase()}`,
    signedPct(c.lift),
    pValue(c.welchP),
    pValue(c.mannWhitneyP),
  ]);
  return { columns, rows };
}

/**
 * What currency the money figures are in, or that the data did not say (then no symbol is
 * shown rather than a guessed "$").
 */
export function currencyLine(result: CohortResult): string {
  if (result.currency === null) {
    return 'Amounts: the orders name no currency (no symbol or code in the amount column), so money is shown without one; --currency CODE names it.';
  }
  const symbol = currencySymbol(result.currency);
  return `Amounts: ${result.currency}${symbol === result.currency ? '' : ` (${symbol})`}, from the amount column or --currency.`;
}

/** The command line that reproduces the analysis options. */
export function optionsLine(result: CohortResult): string {
  const o = result.options;
  const cohort = o.cohort === null ? '' : `--cohort ${o.cohort} `;
  return `${cohort}--follow ${o.follow} --grace ${o.grace} --seed ${o.seed} --bootstrap ${o.bootstrap}`;
}

const CHOICE_TEXT: Record<CohortResult['cohortChoice'], string> = {
  given: 'given with --cohort',
  'latest-complete': 'default: the latest month with a complete follow-up',
  'earliest-partial': 'default: no month has a complete follow-up, so the earliest month with orders',
};

/**
 * The windows in two lines: who is in, and when spend and tickets count.
 * "Cohort 2014-01-01..2014-01-31 (…): 1,000 customers with a counted order in it"
 * "Follow-up 2014-02-01..2014-04-30 (--follow 3m) · problem tickets 2014-01-01..2014-02-14 (--grace 14d)"
 */
export function windowsLines(result: CohortResult): [string, string] {
  const w = (x: { start: string; end: string }) => `${x.start}..${x.end}`;
  const members = result.counts.members;
  return [
    `Cohort ${w(result.cohort)} (${CHOICE_TEXT[result.cohortChoice]}): ${count(members)} ${members === 1 ? 'customer' : 'customers'} with a counted order in it`,
    `Follow-up ${w(result.followUp)} (--follow ${result.options.follow}) · problem tickets ${w(result.problemWindow)} (--grace ${result.options.grace})`,
  ];
}

export const RESOLUTION_TEXT: Record<CohortResult['resolutionRule'], string> = {
  'resolved-column':
    'the resolved column decides (true/false, yes/no, 1/0); where it is empty, status solved/closed/resolved with a satisfied score if rated',
  'status-and-score': 'status solved/closed/resolved and, when rated, a satisfied score (4–5 of 5, or good)',
  'assumed-all-resolved': 'no resolved or status column, so every problem ticket is assumed resolved',
};
