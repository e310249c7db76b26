import { describe, expect, it } from 'vitest';
import { analyzeSlices } from '../../../src/analysis/slices.js';
import { findingTitle, volumeTitle } from '../../../src/report/charts/csatChart.js';
import { slicesCharts } from '../../../src/report/charts/csatCharts.js';
import { csatHeatmapSpec } from '../../../src/report/charts/csatHeatmap.js';
import { loaded, many, rated } from '../../analysis/sliceTickets.js';
import { renderSvg } from './csatRender.js';
import { renderSvg as reportRender, themeChart } from '../../../src/report/render.js';
import { SLIDE_THEME, withTitles } from '../../../src/report/theme.js';

// Mon 12:xx: 80 rated (70 satisfied); Wed 18:xx: 40 rated (10 satisfied); Fri 09:xx: 5 rated (2 satisfied).
const records = [
  ...rated(80, 70, { weekday: 0, hour: 12, reason: 'billing' }),
  ...many(10, { weekday: 0, hour: 12, reason: null, score: null }),
  ...rated(40, 10, { weekday: 2, hour: 18, reason: 'order status' }),
  ...rated(5, 2, { weekday: 4, hour: 9, reason: 'returns' }),
];
const result = analyzeSlices(loaded(records, ['reason']), { by: null, minRated: 30 });

describe('slices charts', () => {
  const charts = slicesCharts(result);

  it('builds the five charts when hour, weekday and reason are sliced', () => {
    expect(charts.map((c) => c.name)).toEqual([
      'csat-by-hour',
      'csat-by-weekday',
      'volume-by-weekday',
      'csat-by-reason',
      'csat-heatmap',
    ]);
  });

  it('leaves out charts whose dimension was not sliced', () => {
    const hourOnly = analyzeSlices(loaded(records, ['reason']), { by: ['hour'], minRated: 30 });
    expect(slicesCharts(hourOnly).map((c) => c.name)).toEqual(['csat-by-hour']);
  });

  for (const name of ['csat-by-hour', 'csat-by-weekday', 'volume-by-weekday', 'csat-by-reason', 'csat-heatmap']) {
    it(`${name} compiles and renders without warnings`, async () => {
      const { svg, messages } = await renderSvg(charts.find((c) => c.name === name)!.spec);
      expect(messages).toEqual([]);
      expect(svg.startsWith('<svg')).toBe(true);
    });
  }

  it('is deterministic and inlines its data', () => {
    expect(JSON.stringify(slicesCharts(result))).toBe(JSON.stringify(charts));
    for (const c of charts) expect(JSON.stringify(c.spec)).not.toContain('"url"');
  });

  it('renders at the size a theme asks for, with its titles', async () => {
    const theme = withTitles(SLIDE_THEME, { title: 'Evenings: 25% CSAT', subtitle: 'n = 125' });
    const spec = slicesCharts(result, theme)[0].spec;
    const { svg, messages } = await renderSvg(spec);
    expect(messages).toEqual([]);
    expect(svg).toMatch(/^<svg[^>]* width="1600" height="900"/);
    expect(svg).toContain('Evenings: 25% CSAT');
    expect(svg).toContain('n = 125');
  });

  it('takes the report theme and footer through the report renderer without warnings', async () => {
    const theme = withTitles(SLIDE_THEME, { title: 'Evenings: 25% CSAT', footer: 'Source: tickets.csv' });
    for (const c of slicesCharts(result, theme)) {
      const rendered = await reportRender(await themeChart(c.spec, theme));
      expect(rendered.warnings, c.name).toEqual([]);
      expect([rendered.width, rendered.height], c.name).toEqual([1600, 900]);
    }
  });

  it('fills the heatmap grid and marks cells with few ratings', () => {
    const spec = csatHeatmapSpec(result) as unknown as { data: { values: { rated: number }[] }; layer: { transform?: { filter: string }[] }[] };
    expect(spec.data.values).toHaveLength(7 * 24);
    expect(spec.data.values.filter((v) => v.rated > 0 && v.rated < 30)).toHaveLength(1);
    expect(spec.layer[2].transform).toEqual([{ filter: 'datum.rated > 0 && datum.rated < 30' }]);
  });

  it('colours CSAT bars by the slice standing', () => {
    const spec = charts[0].spec as unknown as { data: { values: { key: string; status: string }[] } };
    expect(spec.data.values.map((v) => [v.key, v.status])).toEqual([
      ['09', '< 30 rated'],
      ['12', 'higher'],
      ['18', 'lower'],
    ]);
  });

  it('offers an action title for a dimension with a finding', () => {
    expect(findingTitle(result, 'hour')).toBe('Tickets opened 18:00–18:59: 25% CSAT vs 66% overall');
    expect(findingTitle(result, 'agent')).toBeNull();
  });

  it('names every low weekday in week order, with their share of tickets on the volume chart', () => {
    // Mon 100 rated, 55 satisfied; Tue 100, 50; Wed–Sun 100, 90 each: overall 555/700 = 79%.
    // Tue falls shorter (ranked first), yet the title reads in week order.
    const days = [
      ...rated(100, 55, { weekday: 0 }),
      ...rated(100, 50, { weekday: 1 }),
      ...[2, 3, 4, 5, 6].flatMap((weekday) => rated(100, 90, { weekday })),
    ];
    const weekly = analyzeSlices(loaded(days), { by: ['weekday'], minRated: 30 });
    expect(weekly.findings.map((f) => f.label)).toEqual(['Tue', 'Mon']);
    expect(findingTitle(weekly, 'weekday')).toBe('Tickets opened on Mon and Tue: 55% and 50% CSAT vs 79% overall');
    expect(volumeTitle(weekly)).toBe('Mon and Tue: 29% of tickets, 55% and 50% CSAT vs 79% overall');
    // Wed holds 40 of the 135 tickets.
    expect(volumeTitle(result)).toBe('Wed: 30% of tickets, 25% CSAT vs 66% overall');
  });

  it('renders charts of data without any rating', async () => {
    const none = analyzeSlices(loaded(many(3, { score: null, reason: 'x' }), ['reason']), { by: null, minRated: 30 });
    for (const c of slicesCharts(none)) {
      const { messages } = await renderSvg(c.spec);
      expect(messages, c.name).toEqual([]);
    }
  });
});
