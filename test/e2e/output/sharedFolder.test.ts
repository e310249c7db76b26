import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCsv, tempDir } from '../cli.js';

/**
 * `--out .` shares a folder with the user's own files. Issue 17's case: a user's own
 * csat-by-reason.png was deleted as "from an earlier run". Tickets without a reason column
 * draw no csat-by-reason chart, so the file is not this report's to touch, on any run.
 */
const ORDERS = tempCsv('orders.csv', ['customer_id,order_date,amount', 'a,2014-01-05,50', 'b,2014-01-06,30', 'a,2014-02-10,100', 'c,2014-05-01,5']);
const TICKETS = tempCsv('tickets.csv', ['customer_id,created_at,status,satisfaction', 'b,2014-01-08 10:00,solved,5', 'a,2014-01-09 10:00,open,1']);
const FAST = ['--bootstrap', '50'];

describe('an output folder shared with the user', () => {
  it("keeps the user's csat-by-reason.png and notes.md; removes only its own earlier PNGs", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'csat-by-reason.png'), 'my own chart');
    writeFileSync(join(dir, 'notes.md'), 'my notes');
    expect((await runCli(['report', ORDERS, TICKETS, '--out', dir, '--png', ...FAST])).code).toBe(0);
    expect(existsSync(join(dir, 'cohorts.png'))).toBe(true);
    const second = await runCli(['report', ORDERS, TICKETS, '--out', dir, ...FAST]);
    expect(second.code).toBe(0);
    expect(second.err).toMatch(/removed [^\n]*\bcohorts\.png\b/);
    expect(second.err).not.toContain('csat-by-reason.png');
    expect(readFileSync(join(dir, 'csat-by-reason.png'), 'utf8')).toBe('my own chart');
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('my notes');
    expect(readdirSync(dir).filter((n) => n.endsWith('.png'))).toEqual(['csat-by-reason.png']);
  });

  it("stops with 73 before writing when a file of the report's names is the user's", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.md'), 'my report');
    const r = await runCli(['report', ORDERS, TICKETS, '--out', dir, ...FAST]);
    expect(r.code).toBe(73);
    expect(r.err).toContain('already holds report.md, which loyalty did not write');
    expect(readdirSync(dir)).toEqual(['report.md']);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('my report');
  });
});
