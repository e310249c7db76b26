import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../report/charts/csatRender.js';
import { runCli, tempCsv, tempDir } from './cli.js';

interface Json {
  overall: { tickets: number; rated: number; csat: number };
  dimensions: Record<string, { key: string; rated: number; csat: number | null; flag: string | null; adjP: number | null }[]>;
  tests: Record<string, { chi2: number; df: number; p: number } | null>;
  findings: { dimension: string; keys: string[]; label: string; sentence: string }[];
  headline: string;
  dataQuality: { tickets: { rowsRead: number; rowsSkipped: number; skipped: Record<string, { count: number }> } };
}

const FIXTURE = 'fixtures/tickets.csv';
const CONTROL = 'fixtures/control-tickets.csv';

describe('loyalty slices on the fixtures', () => {
  it('finds the evening drop, the Monday–Tuesday dip and order status as the lowest reason', async () => {
    const { code, out } = await runCli(['slices', FIXTURE, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;

    const evening = json.findings.filter((f) => f.dimension === 'hour');
    expect(evening.length).toBeGreaterThanOrEqual(1);
    for (const f of evening) for (const k of f.keys) expect(['16', '17', '18', '19']).toContain(k);
    expect(evening.some((f) => f.keys.length >= 2)).toBe(true);

    const days = json.findings.filter((f) => f.dimension === 'weekday').map((f) => f.label);
    expect(days.length).toBeGreaterThanOrEqual(1);
    for (const d of days) expect(['Mon', 'Tue']).toContain(d);

    const reasons = json.findings.filter((f) => f.dimension === 'reason');
    expect(reasons.map((f) => f.label)).toContain('order status');
    const rated = json.dimensions.reason.filter((r) => r.rated >= 30);
    const lowest = rated.reduce((a, b) => (b.csat! < a.csat! ? b : a));
    expect(lowest.key).toBe('order status');
    expect(lowest.flag).toBe('low');

    expect(json.headline.startsWith('Fix first: ')).toBe(true);
  });

  it('flags nothing on the control set, where satisfaction is independent of everything', async () => {
    const { code, out } = await runCli(['slices', CONTROL, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(json.findings).toEqual([]);
    for (const rows of Object.values(json.dimensions)) for (const r of rows) expect(r.flag).toBeNull();
    expect(json.headline).toMatch(/^No slice differs significantly from the overall CSAT of \d+% \(n = [\d,]+ rated\)\.$/);
  });

  it('lists hours and weekdays in order and other keys by tickets, then key', async () => {
    const json = JSON.parse((await runCli(['slices', FIXTURE, '--json'])).out) as Json;
    expect(json.dimensions.hour.map((r) => r.key)).toEqual(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
    expect(json.dimensions.weekday.map((r) => r.key)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(Object.keys(json).slice(0, 4)).toEqual(['overall', 'dimensions', 'tests', 'findings']);
    expect(Object.keys(json).at(-1)).toBe('dataQuality');
  });

  it('gives byte-identical output on a rerun', async () => {
    const a = await runCli(['slices', FIXTURE, '--json']);
    const b = await runCli(['slices', FIXTURE, '--json']);
    expect(a.out).toBe(b.out);
    const t1 = await runCli(['slices', FIXTURE]);
    const t2 = await runCli(['slices', FIXTURE]);
    expect(t1.out).toBe(t2.out);
  });

  it('prints tables and findings to the terminal, nothing else on stdout', async () => {
    const { code, out } = await runCli(['slices', FIXTURE, '--by', 'hour,reason']);
    expect(code).toBe(0);
    expect(out).toContain('By hour\n');
    expect(out).toContain('By reason\n');
    expect(out).not.toContain('By weekday');
    expect(out).toContain('Findings (largest shortfall in satisfied tickets first)');
    expect(out).toMatch(/\n {2}1\. Tickets opened 1\d:00–1\d:59 have \d+% CSAT/);
  });

  it('writes slices.md and five charts that compile and render without warnings', async () => {
    const dir = tempDir();
    const { code, err } = await runCli(['slices', FIXTURE, '--out', dir]);
    expect(code).toBe(0);
    expect(err).toContain(`wrote 6 files to ${dir}`);
    expect(readdirSync(dir).sort()).toEqual([
      '.loyalty-manifest.json',
      'csat-by-hour.vl.json',
      'csat-by-reason.vl.json',
      'csat-by-weekday.vl.json',
      'csat-heatmap.vl.json',
      'slices.md',
      'volume-by-weekday.vl.json',
    ]);
    const md = readFileSync(join(dir, 'slices.md'), 'utf8');
    expect(md).toContain('## Findings');
    expect(md).toContain('[CSAT by weekday and hour opened](csat-heatmap.vl.json)');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.vl.json'))) {
      const { messages } = await renderSvg(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      expect(messages, name).toEqual([]);
    }
    const again = tempDir();
    await runCli(['slices', FIXTURE, '--out', again]);
    for (const name of readdirSync(dir)) expect(readFileSync(join(again, name), 'utf8')).toBe(readFileSync(join(dir, name), 'utf8'));
  });
});

describe('loyalty slices errors', () => {
  const header = 'ticket_id,customer_id,created_at,satisfaction,reason';

  it('rejects an unknown --by dimension as a usage error naming the valid ones', async () => {
    const { code, err, out } = await runCli(['slices', FIXTURE, '--by', 'hour,month']);
    expect(code).toBe(64);
    expect(out).toBe('');
    expect(err).toContain('--by "month" is not a dimension; valid: hour, weekday, reason, channel, agent');
  });

  it('rejects a bad --min-rated', async () => {
    const { code, err } = await runCli(['slices', FIXTURE, '--min-rated', 'ten']);
    expect(code).toBe(64);
    expect(err).toContain('--min-rated "ten" is not a whole number');
  });

  it('needs a satisfaction column, and says how to map one', async () => {
    const file = tempCsv('tickets.csv', ['ticket_id,customer_id,created_at,reason', 't1,c1,2014-01-06 10:00,billing']);
    const { code, err } = await runCli(['slices', file]);
    expect(code).toBe(65);
    expect(err).toContain('CSAT needs a satisfaction column');
    expect(err).toContain('--map tickets.satisfaction="Header"');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('names the missing column of a --by dimension and the --map fix', async () => {
    const file = tempCsv('tickets.csv', [header, 't1,c1,2014-01-06 10:00,5,billing']);
    const { code, err } = await runCli(['slices', file, '--by', 'hour,agent']);
    expect(code).toBe(65);
    expect(err).toContain('--by agent needs a column "agent"');
    expect(err).toContain('--map tickets.agent="Header"');
  });

  it('leaves an unrecognised score empty and counts it, keeping the ticket; fails on it with --strict', async () => {
    // 24 usable rows and one bad score (4%, below any "mostly unusable" threshold).
    const rows = Array.from({ length: 24 }, (_, i) => `t${i},c${i},2014-01-06 10:00,${i % 3 === 0 ? '' : '5'},${i % 4 === 0 ? '' : 'billing'}`);
    const file = tempCsv('tickets.csv', [header, ...rows.slice(0, 10), 'tx,cx,2014-01-06 11:00,meh,billing', ...rows.slice(10)]);
    const lenient = await runCli(['slices', file, '--json']);
    expect(lenient.code).toBe(0);
    const json = JSON.parse(lenient.out) as Json;
    expect(json.dataQuality.tickets.rowsSkipped).toBe(0);
    expect(json.dataQuality.tickets.cellsEmptied).toEqual({ 'unrecognised satisfaction score': { count: 1, firstLines: [12], examples: ['meh'] } });
    // The ticket with "meh" is counted in the volume, not among the rated.
    expect(json.overall).toMatchObject({ tickets: 25, rated: 16 });
    expect(json.dimensions.reason.map((r) => [r.key, r.rated])).toEqual([
      ['billing', 12],
      ['(none)', 4],
    ]);
    expect(lenient.err).toContain('1 unreadable cell(s) left empty, their rows kept: 1 unrecognised satisfaction score (first at line 12: "meh")');

    const strict = await runCli(['slices', file, '--strict']);
    expect(strict.code).toBe(65);
    expect(strict.out).toBe('');
    expect(strict.err).toContain('"meh"');
  });

  it('reports a missing file with exit code 66', async () => {
    const { code } = await runCli(['slices', 'no/such/tickets.csv']);
    expect(code).toBe(66);
    expect(existsSync('no/such/tickets.csv')).toBe(false);
  });
});
