import type { Dimension, SliceResult, SliceRow } from '../analysis/sliceResult.js';
import { count, pValue, pct } from './format.js';
import type { TableColumn } from './table.js';
import { shownSlices } from '../analysis/sliceTop.js';

/**
 * The slices tables as text cells, shared by the terminal and the Markdown report so both
 * show the same numbers in the same format. Optional columns (mean score, wait, transfer,
 * reopen, first-contact resolution) appear only when the data has them.
 */
export const DIMENSION_LABELS: Record<Dimension, string> = {
  hour: 'Hour',
  weekday: 'Weekday',
  reason: 'Reason',
  channel: 'Channel',
  agent: 'Agent',
};

export const FLAG_MARKS = { low: '▼ low', high: '▲ high' } as const;

/** Marks a slice shown but never flagged for having too few ratings. */
export const fewRatingsMark = (minRated: number) => `(n<${minRated})`;

interface Cell {
  column: TableColumn;
  value: (row: SliceRow) => string;
}

export function sliceTable(result: SliceResult, dimension: Dimension): { columns: TableColumn[]; rows: string[][] } {
  const cells = sliceCells(result, dimension);
  const rows = shownSlices(result.dimensions[dimension] ?? [], dimension, result.options.top);
  return { columns: cells.map((c) => c.column), rows: rows.map((r) => cells.map((c) => c.value(r))) };
}

function sliceCells(result: SliceResult, dimension: Dimension): Cell[] {
  const o = result.overall;
  const right = (header: string, value: (row: SliceRow) => string): Cell => ({ column: { header, align: 'right' }, value });
  const cells: Cell[] = [
    { column: { header: DIMENSION_LABELS[dimension] }, value: (r) => r.key },
    right('Tickets', (r) => count(r.tickets)),
    right('Share', (r) => pct(r.share)),
    right('Rated', (r) => count(r.rated)),
    right('CSAT', (r) => pct(r.csat)),
    right('95% CI', (r) => interval(r.ci95)),
  ];
  if (o.meanScore !== null) cells.push(right('Mean score', (r) => (r.meanScore === null ? '–' : r.meanScore.toFixed(2))));
  cells.push(right('Adj. p', (r) => pValue(r.adjP)));
  cells.push({ column: { header: 'Flag' }, value: (r) => flagText(r, result.options.minRated) });
  if (o.medianWaitSeconds !== null) cells.push(right('Median wait', (r) => duration(r.medianWaitSeconds)));
  if (o.transferRate !== null) cells.push(right('Transferred', (r) => pct(r.transferRate)));
  if (o.reopenRate !== null) cells.push(right('Reopened', (r) => pct(r.reopenRate)));
  if (o.fcrRate !== null) cells.push(right('FCR', (r) => pct(r.fcrRate)));
  return cells;
}

export function flagText(row: SliceRow, minRated: number): string {
  if (row.flag) return FLAG_MARKS[row.flag];
  return row.rated > 0 && row.rated < minRated ? fewRatingsMark(minRated) : '';
}

/** [0.571, 0.65] → "57.1–65.0%". */
export function interval(ci: [number, number] | null): string {
  if (ci === null) return '–';
  return `${(ci[0] * 100).toFixed(1)}–${(ci[1] * 100).toFixed(1)}%`;
}

/** 45 → "45s", 245 → "4m 05s", 3725 → "1h 02m". */
export function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** "Overall: 1,234 tickets, 1,000 rated, CSAT 84.0% (95% CI 81.6–86.1%)". */
export function overallLine(result: SliceResult): string {
  const o = result.overall;
  const csat = o.csat === null ? 'no CSAT (nothing rated)' : `CSAT ${pct(o.csat)} (95% CI ${interval(o.ci95)})`;
  return `Overall: ${count(o.tickets)} tickets, ${count(o.rated)} rated, ${csat}`;
}

/** One line on the dimension's chi-square test of independence. */
export function testLine(result: SliceResult, dimension: Dimension): string {
  const t = result.tests[dimension];
  const name = DIMENSION_LABELS[dimension].toLowerCase();
  if (!t) return `Chi-square test: not testable (needs ratings, both satisfied and not, in at least two ${name} slices).`;
  const verdict = t.p < 0.05 ? `satisfaction differs by ${name}` : `no evidence that satisfaction differs by ${name}`;
  const p = pValue(t.p);
  return `Chi-square test: χ² = ${t.chi2.toFixed(2)}, df = ${t.df}, p ${p.startsWith('<') ? '< ' + p.slice(1) : '= ' + p}: ${verdict}.`;
}

/** The legend under the tables. */
export function flagLegend(result: SliceResult): string {
  const n = result.options.minRated;
  return (
    `${FLAG_MARKS.low} / ${FLAG_MARKS.high}: CSAT differs from all other tickets (Benjamini–Hochberg adjusted p < 0.05, ` +
    `at least ${n} rated). ${fewRatingsMark(n)}: too few ratings to flag.`
  );
}
