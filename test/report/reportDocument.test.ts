import { describe, expect, it } from 'vitest';
import { runCohortAnalysis } from '../../src/analysis/cohorts.js';
import { DEFAULT_COHORT_OPTIONS } from '../../src/analysis/cohortResult.js';
import type { ReportScope } from '../../src/analysis/reportScope.js';
import { analyzeSlices } from '../../src/analysis/slices.js';
import { heading, paragraph, strong } from '../../src/report/doc.js';
import { reportDocument, reportMarkdown, type ReportInput } from '../../src/report/reportDocument.js';
import { inlineSvg, reportHtml } from '../../src/report/reportHtml.js';
import { loadedOrders, loadedTickets, order, quality, ticket } from '../analysis/cohortRecords.js';
import { loaded, rated } from '../analysis/sliceTickets.js';

const cohort = runCohortAnalysis(
  loadedOrders([order('a', '2014-01-02', 10), order('a', '2014-04-30', 100), order('b', '2014-01-03', 10), order('b', '2014-03-02', 60)]),
  loadedTickets([ticket('b', '2014-01-06', { status: 'solved' })]),
  { ...DEFAULT_COHORT_OPTIONS, bootstrap: 50 },
);
const slices = analyzeSlices(loaded(rated(40, 30)), { by: ['hour'], minRated: 30 });
const plain: ReportScope = { week: null, previousWeek: null, asOf: null, ticketPeriod: { start: '2014-01-06', end: '2014-01-06' }, laterOrders: 0, laterTickets: 0 };
const weekly: ReportScope = {
  week: { label: '2014-W17', start: '2014-04-21', end: '2014-04-27' },
  previousWeek: { label: '2014-W16', start: '2014-04-14', end: '2014-04-20' },
  asOf: '2014-04-28',
  ticketPeriod: { start: '2014-04-21', end: '2014-04-27' },
  laterOrders: 3,
  laterTickets: 4,
};
const tickets = { ...quality('tickets.csv'), columns: { satisfaction: 'satisfaction' } };
const input: ReportInput = {
  title: null,
  scope: plain,
  cohort,
  cohortProblem: null,
  slices,
  quality: { orders: quality('orders.csv'), tickets },
  charts: [{ name: 'cohorts', subject: 'Mean later spend by group', title: 'Resolved <b>: +6%', png: true }],
  weekly: null,
  checks: [],
};
const headings = (md: string) => md.split('\n').filter((l) => /^#{1,2} /.test(l));

describe('reportDocument', () => {
  it('orders a plain report: summary, charts, later spend, satisfaction, method, caveats, data quality', () => {
    const md = reportMarkdown(reportDocument(input));
    expect(headings(md)).toEqual([
      '# Customer support and revenue',
      '## Summary',
      '## Charts',
      '## Later spend after a support problem',
      '## Satisfaction',
      '## Method',
      '## Caveats',
      '## Data quality',
    ]);
    expect(md).toContain('\nOrders: `orders.csv` · tickets: `tickets.csv`.\n');
    expect(md).toContain(`- **Later spend.** ${cohort.headline}\n- **Satisfaction.** ${slices.headline}\n`);
    // A chart title carries data text, escaped for Markdown: <b> stays text, not HTML.
    expect(md).toContain('\n![Resolved \\<b>: +6%](cohorts.svg)\n\n*Mean later spend by group* · [SVG](cohorts.svg) · [Vega-Lite](cohorts.vl.json) · [PNG](cohorts.png)\n');
    expect(md).toContain('- Scope: all usable rows of both files (tickets opened 2014-01-06..2014-01-06).\n');
    expect(md).toContain('\n### Later spend\n');
    expect(md).toContain('\n### Satisfaction\n');
    expect(md).not.toContain('### Method');
  });

  it('puts checks and the week’s trends after the summary and states the weekly scope', () => {
    const doc = reportDocument({ ...input, scope: weekly, checks: ['csat-drop>5pt passed: CSAT rose 2.1 points'], weekly: { summary: [[strong('Volume.'), ' Up.']], section: [heading(2, 'This week: 2014-W17 vs 2014-W16'), paragraph('Text.')] } });
    const md = reportMarkdown(doc);
    expect(headings(md).slice(0, 6)).toEqual(['# Weekly support report 2014-W17', '## Summary', '## Checks', '## This week: 2014-W17 vs 2014-W16', '## Charts', '## Later spend after a support problem']);
    expect(md).toContain('## Satisfaction in 2014-W17\n');
    expect(md).toContain('- **Satisfaction in 2014-W17.** ');
    expect(md).toContain('- **Volume.** Up.\n');
    expect(md).toContain('- csat-drop>5pt passed: CSAT rose 2.1 points\n');
    expect(md).toContain('week 2014-W17 (2014-04-21..2014-04-27) · as of 2014-04-28.\n');
    expect(md).toContain('- Later spend uses only orders and tickets dated on or before 2014-04-27; 3 orders and 4 tickets dated after it are left out.');
    expect(md).toContain('- Satisfaction covers the tickets opened in 2014-W17. The trends compare 2014-W17 with 2014-W16 (2014-04-14..2014-04-20).');
  });

  it('says why there is no satisfaction analysis', () => {
    const noColumn = reportMarkdown(reportDocument({ ...input, slices: null, quality: { orders: quality('orders.csv'), tickets: quality('tickets.csv') } }));
    expect(noColumn).toContain('- **Satisfaction.** The tickets have no satisfaction column, so there is no CSAT to report; map one with --map tickets.satisfaction="Header".');
    const emptyWeek = reportMarkdown(reportDocument({ ...input, slices: null, scope: weekly }));
    expect(emptyWeek).toContain('No tickets were opened in 2014-W17 (2014-04-21..2014-04-27), so there is no CSAT to report for the week.');
  });

  it('says why later spend was not analysed when a weekly report has no cohort yet', () => {
    const md = reportMarkdown(reportDocument({ ...input, scope: weekly, cohort: null, cohortProblem: 'the counted orders cover only 2014-01-02..2014-01-04, one month, so no cohort month has any follow-up; use a longer export.' }));
    expect(md).toContain('- **Later spend.** Not analysed: the counted orders cover only 2014-01-02..2014-01-04, one month, so no cohort month has any follow-up; use a longer export.\n');
    expect(md).not.toContain('## Caveats');
    expect(md).not.toContain('### Later spend\n');
  });

  it('uses --title when given', () => {
    expect(reportMarkdown(reportDocument({ ...input, title: 'Acme: Q1 support' })).startsWith('# Acme: Q1 support\n')).toBe(true);
  });
});

describe('reportHtml', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><defs><linearGradient id="gradient_0"/></defs><rect fill="url(#gradient_0)"/></svg>';

  it('inlines SVG without namespace URLs and with ids prefixed by the chart name', () => {
    expect(inlineSvg(svg, 'heat')).toBe('<svg width="10" height="10"><defs><linearGradient id="heat-gradient_0"/></defs><rect fill="url(#heat-gradient_0)"/></svg>');
  });

  it('is one page: escaped title, the Markdown blocks as HTML, each chart as a figure with its files', () => {
    const html = reportHtml(reportDocument({ ...input, title: 'Q1 <draft>' }), new Map([['cohorts', svg]]));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>Q1 &lt;draft&gt;</title>');
    expect(html).toContain('<h1>Q1 &lt;draft&gt;</h1>');
    expect(html).toContain('<h2 id="later-spend-after-a-support-problem">Later spend after a support problem</h2>');
    expect(html).toContain(
      '<figure id="chart-cohorts">\n<div class="chart" role="img" aria-label="Resolved &lt;b&gt;: +6%"><svg width="10" height="10">',
    );
    expect(html).toContain('<figcaption>Mean later spend by group · <a href="cohorts.svg">SVG</a> · <a href="cohorts.vl.json">Vega-Lite</a> · <a href="cohorts.png">PNG</a></figcaption>');
    expect(html).not.toMatch(/https?:|<script/);
  });
});
