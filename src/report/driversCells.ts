import type { DriversResult, Effect, Pattern } from '../analysis/driversResult.js';
import { signedPoints } from '../analysis/driverSentences.js';
import { pValue } from './format.js';
import type { TableColumn } from './table.js';

/** The adjusted-effects table of one dimension: level, effect, 95% CI (points), p, adjusted p. */
export function effectTable(effects: readonly Effect[]): { columns: TableColumn[]; rows: string[][] } {
  const columns: TableColumn[] = [
    { header: 'Level' },
    { header: 'Effect (points)', align: 'right' },
    { header: '95% CI', align: 'right' },
    { header: 'p', align: 'right' },
    { header: 'Adj. p', align: 'right' },
  ];
  const rows = effects.map((e) => [e.key, signedPoints(e.ame, 1), `${signedPoints(e.ci95[0], 1)} to ${signedPoints(e.ci95[1], 1)}`, pValue(e.p), pValue(e.adjP)]);
  return { columns, rows };
}

export function patternTable(patterns: readonly Pattern[]): { columns: TableColumn[]; rows: string[][] } {
  const columns: TableColumn[] = [
    { header: 'Pattern' },
    { header: 'Share', align: 'right' },
    { header: 'Effect (points)', align: 'right' },
    { header: '95% CI', align: 'right' },
    { header: 'p', align: 'right' },
    { header: 'Adj. p', align: 'right' },
  ];
  const rows = patterns.map((p) => [p.name, `${(p.share * 100).toFixed(1)}%`, signedPoints(p.effect, 1), `${signedPoints(p.ci95[0], 1)} to ${signedPoints(p.ci95[1], 1)}`, pValue(p.p), pValue(p.adjP)]);
  return { columns, rows };
}

/** "Model: 5,830 rated tickets; reference levels hour 20:00–10:59, weekday Mon, …". */
export function modelLine(result: DriversResult): string {
  const m = result.model;
  const refs = Object.entries(m.levels).map(([f, l]) => `${f} ${l!.reference}`);
  const dropped = m.dropped.total > 0 ? `; ${m.dropped.total.toLocaleString('en-US')} rated tickets left out for empty ${Object.keys(m.dropped.byColumn).join(', ')}` : '';
  const pooled = Object.entries(m.pooled).map(([f, keys]) => `${f}: ${keys!.length} ${keys!.length === 1 ? 'level' : 'levels'} pooled into (other)`);
  const single = result.options.dimensions.filter((d) => m.levels[d] === undefined);
  if (single.length > 0) pooled.push(`left out with a single level: ${single.join(', ')}`);
  return (
    `Logistic model on ${m.n.toLocaleString('en-US')} rated tickets (${m.status}); reference levels: ${refs.join(', ') || 'none'}` +
    (m.flags.length > 0 ? `; patterns in the model: ${m.flags.join(', ')}` : '') +
    dropped +
    (pooled.length > 0 ? `; ${pooled.join('; ')}` : '')
  );
}

export const VERDICT_LEGEND =
  'Explained by X: adjusting for X moves the gap\'s 95% CI to cover zero and at least halves it. Holds: every adjustment leaves a CI that excludes zero. Gaps are CSAT points vs all other rated tickets; effects are average marginal effects vs the reference level.';
