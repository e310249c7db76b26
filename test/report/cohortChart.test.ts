import { describe, expect, it } from 'vitest';
import { View, parse } from 'vega';
import * as vl from 'vega-lite';
import { cohortChartSpec } from '../../src/report/charts/cohorts.js';
import { GROUP_COLORS } from '../../src/report/palette.js';
import { runCohortAnalysis } from '../../src/analysis/cohorts.js';
import { DEFAULT_COHORT_OPTIONS } from '../../src/analysis/cohortResult.js';
import { loadedOrders, loadedTickets, order } from '../analysis/cohortRecords.js';
import { smallCohort } from './cohortExample.js';

const result = smallCohort;

async function render(spec: vl.TopLevelSpec): Promise<{ svg: string; messages: string[] }> {
  const messages: string[] = [];
  const logger = {
    level: (l?: number) => (l === undefined ? 2 : logger),
    error: (...a: unknown[]) => (messages.push(`error: ${a.join(' ')}`), logger),
    warn: (...a: unknown[]) => (messages.push(`warn: ${a.join(' ')}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  const compiled = vl.compile(spec, { logger: logger as never }).spec;
  const view = new View(parse(compiled), { renderer: 'none', logger: logger as never, logLevel: 2 });
  const svg = await view.toSVG();
  view.finalize();
  return { svg, messages };
}

describe('cohortChartSpec', () => {
  const spec = cohortChartSpec(result) as unknown as Record<string, any>;

  it('inlines one row per group in fixed order, with n in the label and the bootstrap interval', () => {
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    expect(spec.data.values).toEqual([
      { group: 'no_problem', label: 'No problem (n = 2)', customers: 2, meanSpend: 80, lo: result.groups.no_problem.ci95![0], hi: result.groups.no_problem.ci95![1] },
      { group: 'resolved', label: 'Problem resolved (n = 1)', customers: 1, meanSpend: 120, lo: 120, hi: 120 },
      { group: 'unresolved', label: 'Problem unresolved (n = 1)', customers: 1, meanSpend: 0, lo: 0, hi: 0 },
    ]);
  });

  it('colours the groups with the shared Okabe–Ito palette', () => {
    expect(spec.layer[0].encoding.color.scale.range).toEqual([GROUP_COLORS.no_problem, GROUP_COLORS.resolved, GROUP_COLORS.unresolved]);
    expect(GROUP_COLORS).toEqual({ no_problem: '#0072B2', resolved: '#009E73', unresolved: '#D55E00' });
  });

  it('compiles and renders without warnings, and takes a theme', async () => {
    const { svg, messages } = await render(cohortChartSpec(result));
    expect(messages).toEqual([]);
    expect(svg).toContain('Mean later spend by group');
    const slide = await render(cohortChartSpec(result, { width: 1600, height: 900, fontSize: 24, title: 'Resolved: +50%' }));
    expect(slide.messages).toEqual([]);
    expect(slide.svg).toContain('width="1600"');
    expect(slide.svg).toContain('Resolved: +50%');
  });

  it('renders an empty group as a labelled slot without a bar, and no warning', async () => {
    const empty = runCohortAnalysis(loadedOrders([order('a', '2014-01-02', 10), order('a', '2014-04-30', 5)]), loadedTickets([]), DEFAULT_COHORT_OPTIONS);
    const { svg, messages } = await render(cohortChartSpec(empty));
    expect(messages).toEqual([]);
    expect(svg).toContain('Problem resolved (n = 0)');
  });
});
