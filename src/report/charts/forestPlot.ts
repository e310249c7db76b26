import type { TopLevelSpec } from 'vega-lite';
import type { DriversResult } from '../../analysis/driversResult.js';
import { ciWords, signedPoints, withinWords } from '../../analysis/driverSentences.js';
import { sliceSubject } from '../../analysis/sliceSentences.js';
import { frame, SLICE_COLORS, type SliceChartTheme } from './csatChart.js';

/**
 * drivers-forest.vl.json: every level's adjusted effect (average marginal effect in CSAT
 * points vs its factor's reference level) as a point with its 95% interval, one row per
 * level, grouped by factor, with a line at zero. Levels whose BH-adjusted p < 0.05 are
 * coloured (lower vermillion, higher blue); the rest are grey. The wait bands are included
 * beside the five dimensions, since wait is what a manager can staff against.
 */
export function forestPlotSpec(result: DriversResult, theme?: SliceChartTheme): TopLevelSpec {
  const rows = forestRows(result);
  const size = theme?.fontSize ?? 11;
  const height = Math.max(200, 110 + 22 * rows.length);
  // A fixed frame (the 1600×900 slide) holds every level: the labels shrink to their row's
  // height instead of overlapping (the frame's titles and axis take about 8 lines of type).
  const rowHeight = ((theme?.height ?? height) - 8 * size) / Math.max(1, rows.length);
  const labelFontSize = Math.max(7, Math.min(size, Math.floor(0.75 * rowHeight)));
  const y = { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 22 * size, labelFontSize } };
  const reference = Object.entries(result.model.levels)
    .map(([factor, l]) => `${factor}: ${l!.reference}`)
    .join('; ');
  return {
    ...frame(theme, {
      title: 'Adjusted CSAT effects',
      subtitle: [`Points: average marginal effect vs the reference level, with 95% intervals (${result.model.n.toLocaleString('en-US')} rated tickets)`, `Reference: ${reference}`],
      width: 720,
      height,
    }),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'rule', color: SLICE_COLORS.ink, opacity: 0.6 },
        encoding: {
          y,
          x: { field: 'lo', type: 'quantitative', title: 'CSAT points vs reference' },
          x2: { field: 'hi' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          y,
          x: { field: 'effect', type: 'quantitative' },
          color: {
            field: 'standing',
            type: 'nominal',
            title: 'adjusted p < 0.05',
            scale: { domain: ['lower', 'higher', 'not significant'], range: [SLICE_COLORS.low, SLICE_COLORS.high, SLICE_COLORS.neutral] },
          },
          tooltip: [
            { field: 'label', title: 'Level' },
            { field: 'effect', title: 'Effect (points)', format: '+.1f' },
            { field: 'lo', title: '95% CI low', format: '+.1f' },
            { field: 'hi', title: '95% CI high', format: '+.1f' },
            { field: 'adjP', title: 'Adjusted p', format: '.3f' },
          ],
        },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: SLICE_COLORS.ink, strokeDash: [6, 4] },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}

export interface ForestRow {
  label: string;
  effect: number;
  lo: number;
  hi: number;
  adjP: number | null;
  standing: 'lower' | 'higher' | 'not significant';
}

export function forestRows(result: DriversResult): ForestRow[] {
  const rows: ForestRow[] = [];
  const points = (x: number) => Math.round(x * 1000) / 10;
  const standing = (effect: number, adjP: number | null): ForestRow['standing'] =>
    adjP !== null && adjP < 0.05 ? (effect < 0 ? 'lower' : 'higher') : 'not significant';
  for (const [dimension, effects] of Object.entries(result.effects)) {
    for (const e of effects!) {
      rows.push({ label: `${dimension}: ${e.key}`, effect: points(e.ame), lo: points(e.ci95[0]), hi: points(e.ci95[1]), adjP: e.adjP, standing: standing(e.ame, e.adjP) });
    }
  }
  const wait = result.patterns.find((p) => p.name === 'wait');
  for (const band of wait?.bands ?? []) {
    // Wait bands are shown with their unadjusted p: they describe the wait pattern's shape.
    rows.push({ label: `wait: ${band.key}`, effect: points(band.effect), lo: points(band.ci95[0]), hi: points(band.ci95[1]), adjP: band.p, standing: standing(band.effect, band.p) });
  }
  return rows;
}

/**
 * The forest plot's action title: the first finding's verdict in short ("Tickets opened
 * 16:00–19:59: explained by agent"), or the largest significant effect, or that none is.
 */
export function forestTitle(result: DriversResult): string {
  const e = result.explanations[0];
  if (e) {
    const subject = sliceSubject(e.finding.dimension, e.label);
    const raw = `${signedPoints(e.rawGap)} points`;
    if (e.explainedBy !== null && e.adjustedGap !== null) {
      return `${subject}: ${raw}, ${signedPoints(e.adjustedGap)} ${withinWords(e.explainedBy)} (95% CI ${ciWords(e.ci95!)})`;
    }
    if (e.holds && e.adjustedGap !== null) return `${subject}: ${raw}, still ${signedPoints(e.adjustedGap)} (95% CI ${ciWords(e.ci95!)}) after adjusting`;
    return `${subject}: ${raw}, not settled by these data`;
  }
  const rows = forestRows(result).filter((r) => r.standing !== 'not significant');
  if (rows.length === 0) return 'No adjusted effect differs significantly from its reference';
  const top = rows.reduce((a, b) => (Math.abs(b.effect) > Math.abs(a.effect) ? b : a));
  return `Largest adjusted effect: ${top.label}, ${top.effect > 0 ? '+' : '−'}${Math.abs(Math.round(top.effect))} points`;
}
