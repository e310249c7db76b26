import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../report/charts/csatRender.js';
import { runCli, tempDir } from './cli.js';
import { decodePng, readReport } from './reportFiles.js';

const ORDERS = 'fixtures/orders.csv';
const TICKETS = 'fixtures/tickets.csv';
const CHARTS = ['cohorts', 'adjusted-vs-raw', 'repurchase', 'csat-by-hour', 'csat-by-reason', 'csat-by-weekday', 'csat-heatmap', 'volume-by-weekday', 'drivers-forest', 'contact-rate'];
// Fewer resamples than the default keep the suite fast; the intervals are not under test here.
const FAST = ['--bootstrap', '200'];

describe('loyalty report on the fixtures', () => {
  let dir: string;
  let run: { code: number; out: string; err: string };
  beforeAll(async () => {
    dir = join(tempDir(), 'demo');
    run = await runCli(['report', ORDERS, TICKETS, '--out', dir, ...FAST]);
    // The whole report (cohort, slices, drivers, seven charts) is one run: give the hook the
    // same minute a test gets (vitest.config.ts), not vitest's 10 s hook default.
  }, 60_000);

  it('writes report.md, report.html, summary.json and every chart as .vl.json and .svg, and nothing on stdout', () => {
    expect(run.code).toBe(0);
    expect(run.out).toBe('');
    expect(run.err).toContain(`wrote 23 files to ${dir}`);
    // .loyalty-manifest.json lists what loyalty wrote, the only files it will ever replace or remove.
    const expected = ['.loyalty-manifest.json', 'report.html', 'report.md', 'summary.json', ...CHARTS.flatMap((c) => [`${c}.svg`, `${c}.vl.json`])];
    expect(readdirSync(dir).sort()).toEqual(expected.sort());
  });

  it('links every chart from report.md, which has every section', () => {
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    for (const heading of ['## Summary', '## Charts', '## Later spend after a support problem', '## Satisfaction', '## Drivers: why satisfaction drops', '## Method', '## Caveats', '## Data quality']) {
      expect(md).toContain(`\n${heading}\n`);
    }
    // Embedded as images with the finding as alt text, so GitHub and editors show them.
    for (const c of CHARTS) expect(md).toMatch(new RegExp(`\\n!\\[[^\\]\\n]+\\]\\(${c}\\.svg\\)\\n`));
    expect(md).toContain('![Resolved problems: +6% later spend vs no problem (not significant)](cohorts.svg)');
  });

  it('gives every standalone SVG a <title> and <desc> from the chart\'s title and subtitle', () => {
    for (const c of CHARTS) {
      const svg = readFileSync(join(dir, `${c}.svg`), 'utf8');
      expect(svg, c).toMatch(/^<svg\b[^>]*><title>[^<]+<\/title><desc>[^<]+<\/desc>/);
    }
    const cohorts = readFileSync(join(dir, 'cohorts.svg'), 'utf8');
    expect(cohorts).toContain('<title>Resolved problems: +6% later spend vs no problem (not significant)</title>');
    expect(cohorts).toMatch(/<desc>1,000 customers who bought 2014-01-01\.\.2014-01-31; later spend 2014-02-01\.\.2014-04-30\. [^<]+<\/desc>/);
  });

  it('makes report.html self-contained: every chart inline, no script, no URL of any host', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\((?!#)/i);
    expect(html.match(/<svg /g)).toHaveLength(CHARTS.length);
    expect(html).toContain('<table>');
    for (const href of html.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="(#[\w-]+|[\w.-]+\.(svg|vl\.json|png))"$/);
  });

  it('puts the cohort --json and slices --json documents in summary.json', async () => {
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const cohort = JSON.parse((await runCli(['cohort', ORDERS, TICKETS, '--json', ...FAST])).out);
    const slices = JSON.parse((await runCli(['slices', TICKETS, '--json'])).out);
    expect(summary.cohort).toEqual(cohort);
    expect(summary.slices).toEqual(slices);
    const drivers = JSON.parse((await runCli(['drivers', TICKETS, '--json'])).out);
    expect(summary.drivers).toEqual(drivers);
    expect(summary.trends).toBeNull();
    expect(summary.report.asOf).toBeNull();
  });

  it('writes .vl.json specs that compile with vega-lite and render with vega without warnings', async () => {
    for (const c of CHARTS) {
      const { svg, messages } = await renderSvg(JSON.parse(readFileSync(join(dir, `${c}.vl.json`), 'utf8')));
      expect(messages, c).toEqual([]);
      expect(svg.startsWith('<svg'), c).toBe(true);
    }
  });

  it('gives byte-identical files when run again', async () => {
    const again = join(tempDir(), 'again');
    expect((await runCli(['report', ORDERS, TICKETS, '--out', again, ...FAST])).code).toBe(0);
    expect(readReport(again)).toEqual(readReport(dir));
  });

  it('leaves the previous report whole when a write fails midway', async () => {
    const before = readReport(dir);
    // A directory where the new report.html's temporary file would go makes that write fail.
    mkdirSync(join(dir, `.report.html.tmp-${process.pid}`));
    const failed = await runCli(['report', ORDERS, TICKETS, '--out', dir, '--title', 'Another title', ...FAST]);
    expect(failed.code).toBe(73);
    expect(failed.err).toMatch(/error: cannot write the report into .* \(EISDIR\)/);
    const after = readReport(dir);
    for (const [name, bytes] of before) expect(after.get(name), name).toEqual(bytes);
    expect([...after.keys()].filter((n) => n.startsWith('.') && !n.startsWith('.report.html.tmp-'))).toEqual(['.loyalty-manifest.json']);
  });
});

describe('loyalty report --by --min-rated', () => {
  it('slices satisfaction as asked and draws only the charts of those dimensions', async () => {
    const dir = join(tempDir(), 'by-hour');
    expect((await runCli(['report', ORDERS, TICKETS, '--out', dir, '--by', 'hour', '--min-rated', '50', ...FAST])).code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.endsWith('.svg')).sort()).toEqual(['adjusted-vs-raw.svg', 'cohorts.svg', 'contact-rate.svg', 'csat-by-hour.svg', 'drivers-forest.svg', 'repurchase.svg']);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).slices.options).toEqual({ by: ['hour'], minRated: 50, top: 25 });
  });
});

describe('loyalty report --by a column the tickets lack', () => {
  it('fails with the slices error after the cohort, as before the two overlapped, and writes nothing', async () => {
    // The slices and drivers run while the cohort resamples; their error is held until the cohort ends.
    const root = tempDir();
    const tickets = join(root, 'tickets-no-agent.csv');
    const lines = readFileSync(TICKETS, 'utf8').split('\n');
    const agent = lines[0]!.split(',').indexOf('agent');
    writeFileSync(tickets, lines.map((l) => l.split(',').filter((_, i) => i !== agent).join(',')).join('\n'));
    const dir = join(root, 'out');
    const run = await runCli(['report', ORDERS, tickets, '--out', dir, '--by', 'agent', ...FAST]);
    expect(run.code).toBe(65);
    expect(run.err).toContain(`--by agent needs a column "agent", and ${tickets} has none`);
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('loyalty report --png --theme slide', () => {
  it('draws 1600×900 slides that decode, are not blank, and carry action titles and footers', async () => {
    const dir = join(tempDir(), 'slides');
    const { code } = await runCli(['report', ORDERS, TICKETS, '--out', dir, '--png', '--theme', 'slide', ...FAST]);
    expect(code).toBe(0);
    for (const c of CHARTS) {
      const png = decodePng(readFileSync(join(dir, `${c}.png`)));
      expect([png.width, png.height], c).toEqual([1600, 900]);
      expect(png.inked, c).toBeGreaterThan(1600 * 900 * 0.02);
      const svg = readFileSync(join(dir, `${c}.svg`), 'utf8');
      expect(svg, c).toContain('Source: orders.csv, tickets.csv · loyalty report');
      const spec = JSON.parse(readFileSync(join(dir, `${c}.vl.json`), 'utf8'));
      expect([spec.width, spec.height], c).toEqual([1600, 900]);
    }
    expect(readFileSync(join(dir, 'cohorts.svg'), 'utf8')).toContain('Resolved problems: +6% later spend vs no problem (not significant)');
    expect(readFileSync(join(dir, 'csat-by-hour.svg'), 'utf8')).toContain('Tickets opened 16:00–19:59: 55% CSAT vs 66% overall');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('[PNG](cohorts.png)');
  });
});

describe('loyalty report --week', () => {
  const root = tempDir();
  const week = (asOf: string, ...more: string[]) => runCli(['report', ORDERS, TICKETS, '--out', `${root}/`, '--as-of', asOf, '--week', 'last', ...FAST, ...more]);

  it('names the directory by week and adds the trends the support lead posts on Monday', async () => {
    const { code, err } = await week('2014-04-28');
    expect(code).toBe(0);
    expect(err).toContain(`wrote 25 files to ${join(root, '2014-W17')}`);
    const md = readFileSync(join(root, '2014-W17', 'report.md'), 'utf8');
    expect(md.startsWith('# Weekly support report 2014-W17\n')).toBe(true);
    expect(md).toContain('week 2014-W17 (2014-04-21..2014-04-27) · as of 2014-04-28');
    expect(md).toContain('## This week: 2014-W17 vs 2014-W16');
    expect(md).toContain('| Reason | 2014-W17 | 2014-W16 | Change | Change % |');
    expect(md).toContain('## Satisfaction in 2014-W17');
    expect(md).toContain('![Top contact reason in 2014-W17: order status (87 of 474 tickets)](reason-trends.svg)\n\n*Top contact reasons, this week and the week before* · [SVG](reason-trends.svg)');
    const summary = JSON.parse(readFileSync(join(root, '2014-W17', 'summary.json'), 'utf8'));
    expect(summary.trends.week.label).toBe('2014-W17');
    expect(summary.trends.topReasons).toHaveLength(5);
    expect(summary.slices.overall.tickets).toBe(summary.trends.week.tickets);
    expect(summary.report.leftOut.laterTickets).toBeGreaterThan(0);
  });

  it('reads the previous week from last week’s summary.json with --compare-to, with the same numbers', async () => {
    expect((await week('2014-04-21')).code).toBe(0);
    const dir = join(tempDir(), 'compared');
    const { code } = await runCli(['report', ORDERS, TICKETS, '--out', dir, '--as-of', '2014-04-28', '--week', 'last', '--compare-to', join(root, '2014-W16'), ...FAST]);
    expect(code).toBe(0);
    const compared = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).trends;
    const computed = JSON.parse(readFileSync(join(root, '2014-W17', 'summary.json'), 'utf8')).trends;
    expect(compared.previousSource).toBe('compare-to');
    expect({ ...compared, previousSource: 'computed' }).toEqual(computed);
  });

  it('still writes an early week’s report when the data so far holds no cohort, and says why', async () => {
    const dir = join(tempDir(), 'early');
    const { code, err } = await runCli(['report', ORDERS, TICKETS, '--out', dir, '--week', '2014-W02', ...FAST]);
    expect(code).toBe(0);
    expect(err).toContain('warning: later spend not analysed: the counted orders cover only 2014-01-01..2014-01-12');
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('- **Later spend.** Not analysed: the counted orders cover only 2014-01-01..2014-01-12');
    expect(existsSync(join(dir, 'cohorts.svg'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).cohort).toBeNull();
  });

  it('rejects --compare-to without --week and an unknown --fail-on rule before reading any file', async () => {
    const out = join(tempDir(), 'never');
    const a = await runCli(['report', 'missing.csv', 'missing.csv', '--out', out, '--compare-to', root]);
    expect([a.code, a.err]).toEqual([64, expect.stringContaining('--compare-to needs --week')]);
    const b = await runCli(['report', 'missing.csv', 'missing.csv', '--out', out, '--fail-on', 'nps-drop>5pt']);
    expect([b.code, b.err]).toEqual([64, expect.stringContaining('unknown metric "nps-drop"')]);
    expect(existsSync(out)).toBe(false);
  });
});

describe('loyalty report --fail-on', () => {
  // On 2014-W17: CSAT rose 2.6 points (66.6% vs 64.0%), 129 of 1,000 cohort members are
  // unresolved (12.9%), 1 of 11,904 rows was skipped (0.0084%).
  const gated = (...rules: string[]) =>
    runCli(['report', ORDERS, TICKETS, '--out', join(tempDir(), 'gated'), '--as-of', '2014-04-28', '--week', 'last', ...FAST, ...rules.flatMap((r) => ['--fail-on', r])]);

  it('stays quiet at thresholds the data does not cross, and exits 0', async () => {
    const { code, err } = await gated('csat-drop>5pt', 'csat-drop>0pt', 'unresolved-share>20%', 'unresolved-share>12.9%', 'skipped-rows>1%', 'skipped-rows>0.01%');
    expect(code).toBe(0);
    expect(err).not.toContain(' fired:');
    expect(err).toContain('check unresolved-share>12.9% passed: 12.9% of cohort members were left unresolved (129 of 1,000)');
  });

  it('fires each rule just past its value, writes the report anyway, exits 1 and names every rule with its value', async () => {
    const { code, err } = await gated('csat-drop<0pt', 'unresolved-share>=12.9%', 'unresolved-share>12.8%', 'skipped-rows>0.008%', 'skipped-rows>1%');
    expect(code).toBe(1);
    expect(err).toContain('check csat-drop<0pt fired: CSAT rose 2.6 points (64.0% → 66.6%; not significant, p = 0.48)');
    expect(err).toContain('check unresolved-share>=12.9% fired: 12.9% of cohort members were left unresolved (129 of 1,000)');
    expect(err).toContain('check unresolved-share>12.8% fired: 12.9% of cohort members');
    expect(err).toContain('check skipped-rows>0.008% fired:');
    expect(err).toContain('check skipped-rows>1% passed:');
    expect(err).toMatch(/wrote 25 files to /);
  });
});

describe('loyalty report with loyalty.config.json', () => {
  it('takes its --fail-on rules from "report": {"failOn": [...]}, and a typed --fail-on replaces them', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'loyalty.config.json'), JSON.stringify({ report: { failOn: ['unresolved-share>10%'] }, seed: 1 }));
    const args = ['report', join(process.cwd(), ORDERS), join(process.cwd(), TICKETS), '--out', join(cwd, 'out'), ...FAST];
    const fromFile = await runCli(args, cwd);
    expect([fromFile.code, fromFile.err]).toEqual([1, expect.stringContaining('check unresolved-share>10% fired: 12.9% of cohort members')]);
    const typed = await runCli([...args, '--fail-on', 'unresolved-share>20%'], cwd);
    expect(typed.code).toBe(0);
    expect(typed.err).not.toContain('unresolved-share>10%');
  });
});
