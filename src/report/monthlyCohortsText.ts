import type { MonthlyCohorts } from '../analysis/adjustedResult.js';
import { pText } from '../analysis/headline.js';
import { moneyIn } from './currencyMoney.js';
import { count } from './format.js';
import type { TableColumn } from './table.js';

/** Per month: members and the resolved − unresolved gap, raw and adjusted, with intervals. */
export function monthlyTable(m: MonthlyCohorts, currency: string | null): { columns: TableColumn[]; rows: string[][] } {
  const columns: TableColumn[] = [
    { header: 'Cohort month' },
    { header: 'Members', align: 'right' },
    { header: 'Raw gap resolved − unresolved', align: 'right' },
    { header: 'Adjusted gap (OLS, HC3)', align: 'right' },
  ];
  const gap = (g: MonthlyCohorts['months'][number]['raw']) =>
    g === null || g.difference === null ? '–' : `${moneyIn(g.difference, currency)}${g.ci95 === null ? '' : ` [${moneyIn(g.ci95[0], currency)}, ${moneyIn(g.ci95[1], currency)}]`}`;
  const rows = m.months.map((r) => [r.cohort.start.slice(0, 7), r.complete ? count(r.members) : 'incomplete follow-up', gap(r.raw), gap(r.adjusted)]);
  return { columns, rows };
}

/** Whether the adjusted gap is stable, improving or worsening across the months, with its test. */
export function trendSentence(m: MonthlyCohorts, currency: string | null): string {
  const t = m.trend;
  if (t === null) return 'Too few complete months with an adjusted interval (at least 3 are needed) to test for a trend.';
  const stats = `${moneyIn(t.slope, currency)} per month, 95% CI ${moneyIn(t.ci95[0], currency)}–${moneyIn(t.ci95[1], currency)}, p ${pText(t.p)}; inverse-variance weighted trend over ${t.months} months`;
  if (t.direction === 'stable') return `The adjusted resolved − unresolved gap is stable across the months: its trend is not significant (${stats}).`;
  return t.direction === 'worsening'
    ? `The adjusted gap is worsening: leaving a problem unresolved costs more each month (${stats}).`
    : `The adjusted gap is improving: leaving a problem unresolved costs less each month (${stats}).`;
}
