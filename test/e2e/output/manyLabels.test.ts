import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCsv, tempDir } from '../cli.js';

/**
 * Tables and charts stay bounded however many distinct labels the data has: 300 reasons
 * (600 tickets, two per reason) show as the top N slices by tickets and one "other (K labels)"
 * row; N is --top (default 25) or "slices": {"top": N} in the config. JSON keeps every slice.
 */
const lines = ['customer_id,created_at,status,satisfaction,reason'];
for (let i = 0; i < 600; i++) lines.push(`c${i % 50},2014-01-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00,solved,${1 + (i % 5)},r${String(i % 300).padStart(3, '0')}${i < 20 ? ' big' : ''}`);
const TICKETS = tempCsv('tickets.csv', lines);
const ORDERS = tempCsv('orders.csv', ['customer_id,order_date,amount', 'c1,2014-01-02,10', 'c1,2014-03-02,10', 'c2,2014-05-02,10']);
const reasonRows = (text: string) => text.split('\n').filter((l) => /^\|? ?(r\d{3}|other \()/.test(l));

describe('many distinct labels', () => {
  it('slices: the terminal table shows 25 reasons and "other (K labels)"; --json lists all', async () => {
    const r = await runCli(['slices', TICKETS, '--by', 'reason']);
    expect(r.code).toBe(0);
    const rows = r.out.split('\n').filter((l) => /^(r\d{3}|other \()/.test(l));
    expect(rows.length).toBe(26);
    // 20 reasons have 2 tickets with " big" on one and 280 + 20 " big" labels have 1 or 2: the
    // 25 largest shown, the other 295 labels summed: 600 tickets − the 25 shown.
    expect(rows[25]).toMatch(/^other \(295 labels\)/);
    const json = JSON.parse((await runCli(['slices', TICKETS, '--by', 'reason', '--json'])).out);
    expect(json.dimensions.reason.length).toBe(320);
    expect(json.options.top).toBe(25);
  });

  it('report --top 5: report.md and the reason chart hold 5 reasons and the other row', async () => {
    const out = tempDir();
    const r = await runCli(['report', ORDERS, TICKETS, '--out', out, '--top', '5', '--by', 'reason']);
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    // Prevention in summary.json keeps the 25 reasons with most contacts and counts the rest;
    // its list of unmapped reasons in report.md stops at 25 too.
    const prevention = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).prevention;
    expect(prevention.reasons).toHaveLength(25);
    expect(prevention.reasons.length + prevention.reasonsLeftOut).toBe(320);
    expect(prevention.unmapped).toHaveLength(25);
    expect(md).toMatch(/Reasons without a root cause in the config: [^\n]* and 295 more\./);
    // The satisfaction section's reason table (drivers and prevention have bounded tables of their own).
    const from = md.indexOf('\n## Satisfaction\n');
    expect(reasonRows(md.slice(from, md.indexOf('\n## ', from + 1))).length).toBe(6);
    expect(md).toContain('| other (315 labels) |');
    const spec = JSON.parse(readFileSync(join(out, 'csat-by-reason.vl.json'), 'utf8'));
    expect(spec.data.values.length).toBe(6);
    expect(spec.height).toBeLessThanOrEqual(120 + 28 * 6);
  });

  it('the config key slices.top sets N; --top 0 is a usage error', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'loyalty.config.json'), JSON.stringify({ slices: { top: 3 } }));
    const r = await runCli(['slices', TICKETS, '--by', 'reason'], cwd);
    expect(r.out).toMatch(/^other \(317 labels\)/m);
    const bad = await runCli(['slices', TICKETS, '--top', '0']);
    expect(bad.code).toBe(64);
    expect(bad.err).toContain('--top "0" is not a whole number from 1 to 1000');
  });
});
