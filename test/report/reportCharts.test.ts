import { describe, expect, it } from 'vitest';
import { runCohortAnalysis } from '../../src/analysis/cohorts.js';
import { DEFAULT_COHORT_OPTIONS } from '../../src/analysis/cohortResult.js';
import { analyzeSlices } from '../../src/analysis/slices.js';
import { reportCharts } from '../../src/report/reportCharts.js';
import { loadedOrders, loadedTickets, order } from '../analysis/cohortRecords.js';
import { loaded, rated } from '../analysis/sliceTickets.js';

const cohort = runCohortAnalysis(loadedOrders([order('a', '2014-01-02', 10), order('a', '2014-04-30', 100)]), loadedTickets([]), { ...DEFAULT_COHORT_OPTIONS, bootstrap: 50 });
// Mon 12:xx: 40 rated, 39 satisfied; Wed 18:xx: 40 rated, 10 satisfied: 18:00 and Wed are low.
const slices = analyzeSlices(loaded([...rated(40, 39, { weekday: 0, hour: 12 }), ...rated(40, 10, { weekday: 2, hour: 18 })]), { by: ['hour', 'weekday'], minRated: 30 });
const ctx = { ticketPeriod: '2014-01-06..2014-01-08', sources: ['orders.csv', 'tickets.csv'] };
const title = (spec: unknown) => (spec as { title: { text: string; subtitle: string[] } }).title;

describe('reportCharts', () => {
  it('titles each slices chart with its finding and puts the sample and period above its own subtitle', () => {
    const charts = reportCharts(cohort, slices, null, { ...ctx, theme: 'default' });
    expect(charts.map((c) => [c.name, c.subject, c.title])).toEqual([
      ['cohorts', 'Mean later spend by group', 'Mean later spend by group'],
      ['repurchase', 'Share of customers not yet back, by group', 'Share of customers not yet back'],
      ['csat-by-hour', 'CSAT by hour opened', 'Tickets opened 18:00–18:59: 25% CSAT vs 61% overall'],
      ['csat-by-weekday', 'CSAT by weekday opened', 'Tickets opened on Wed: 25% CSAT vs 61% overall'],
      ['volume-by-weekday', 'Ticket volume and CSAT by weekday', 'Wed: 50% of tickets, 25% CSAT vs 61% overall'],
      ['csat-heatmap', 'CSAT by weekday and hour opened', 'Tickets opened 18:00–18:59: 25% CSAT vs 61% overall'],
    ]);
    // The cohort here has groups too small for any adjusted gap: no adjusted-vs-raw chart.
    expect(title(charts[2].spec).text).toBe(charts[2].title);
    expect(title(charts[2].spec).subtitle[0]).toBe('80 tickets, 80 rated, opened 2014-01-06..2014-01-08');
    expect(title(charts[2].spec).subtitle).toHaveLength(2);
    expect(charts.every((c) => c.theme.name === 'default' && c.theme.footer === undefined)).toBe(true);
  });

  it('says when no slice of a chart differs', () => {
    const flat = analyzeSlices(loaded(rated(40, 30, { weekday: 0, hour: 12 })), { by: ['hour'], minRated: 30 });
    expect(reportCharts(cohort, flat, null, { ...ctx, theme: 'default' })[2].title).toBe('CSAT by hour opened: no hour differs significantly from 75% overall');
  });

  it('draws slides at 1600×900 with the sources in the footer', () => {
    const charts = reportCharts(cohort, slices, null, { ...ctx, theme: 'slide' });
    for (const c of charts) {
      expect([c.theme.width, c.theme.height, c.theme.footer], c.name).toEqual([1600, 900, 'Source: orders.csv, tickets.csv · loyalty report']);
      const spec = c.spec as { width: number; height: number };
      expect([spec.width, spec.height], c.name).toEqual([1600, 900]);
    }
  });
});
