import type { AdjustedAnalysis, GapEstimate } from '../analysis/adjustedResult.js';
import { pText } from '../analysis/headline.js';
import { PAIR } from './adjustedSentences.js';
import { GROUP_LABELS } from './cohortCells.js';
import { moneyIn } from './currencyMoney.js';
import { count, pValue } from './format.js';
import type { TableColumn } from './table.js';
import { GROUPS } from '../model/groups.js';

/** Raw, regression-adjusted, difference-in-differences and stratified gaps side by side. */
export function adjustedTable(a: AdjustedAnalysis): { columns: TableColumn[]; rows: string[][] } {
  const cur = a.revenueAtStake.currency;
  const columns: TableColumn[] = [
    { header: 'Comparison' },
    { header: 'Raw gap (Welch)', align: 'right' },
    { header: 'Adjusted (OLS, HC3)', align: 'right' },
    { header: 'Diff-in-diff (Welch)', align: 'right' },
    { header: 'Stratified', align: 'right' },
  ];
  const cell = (g: GapEstimate | undefined) => {
    if (g === undefined || g.difference === null) return '–';
    const ci = g.ci95 === null ? '' : ` [${moneyIn(g.ci95[0], cur)}, ${moneyIn(g.ci95[1], cur)}]`;
    return `${moneyIn(g.difference, cur)}${ci} p ${g.p === null ? '–' : pValue(g.p)}`;
  };
  const rows = a.raw.map((raw) => {
    const find = (list: GapEstimate[]) => list.find((c) => c.a === raw.a && c.b === raw.b);
    const strat = a.stratified.comparisons.find((c) => c.a === raw.a && c.b === raw.b)!;
    return [PAIR[`${raw.a}-${raw.b}`]!, cell(raw), cell(find(a.adjusted.comparisons)), cell(find(a.diffInDiff.comparisons)), moneyIn(strat.difference, cur)];
  });
  return { columns, rows };
}

/** Per group: members who came back (events), censored ones, median days with its interval. */
export function repurchaseTable(a: AdjustedAnalysis): { columns: TableColumn[]; rows: string[][] } | null {
  const r = a.repurchase;
  if (r === null) return null;
  const columns: TableColumn[] = [
    { header: 'Group' },
    { header: 'Bought again', align: 'right' },
    { header: 'Censored', align: 'right' },
    { header: 'Median days to next order', align: 'right' },
    { header: '95% CI', align: 'right' },
  ];
  const days = (d: number | null) => (d === null ? 'not reached' : count(d));
  const rows = GROUPS.map((g) => {
    const s = r.groups[g];
    const ci = s.events + s.censored === 0 ? '–' : s.ci95[0] === null && s.ci95[1] === null ? 'not reached' : `${days(s.ci95[0])}–${days(s.ci95[1])}`;
    return [GROUP_LABELS[g], count(s.events), count(s.censored), days(s.medianDays), ci];
  });
  return { columns, rows };
}

/** "Log-rank test across the groups: χ² = 44.71 on 2 df, p < 0.001." */
export function logRankSentence(a: AdjustedAnalysis): string {
  const t = a.repurchase?.logRank ?? null;
  if (t === null) return 'Log-rank test: not computable (fewer than two groups with members, or no repurchase).';
  return `Log-rank test that the groups' repurchase curves are equal: χ² = ${t.chi2.toFixed(2)} on ${t.df} df, p ${pText(t.p)}${t.p >= 0.05 ? ' (not significant)' : ''}.`;
}
