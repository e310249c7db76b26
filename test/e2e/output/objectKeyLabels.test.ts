import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCsv, tempDir } from '../cli.js';
import { assertWellFormedXml } from './wellFormed.js';

/**
 * Labels that are names of Object.prototype: vega looks values up in plain objects, so a
 * reason "__proto__" broke the reason chart's dataflow (and an error logged detached from
 * its logger killed the process), and "constructor" or "toString" in a custom sort array made
 * the weekly reason-trends chart exit 70. Same labels, daily and weekly, with --png.
 */
const LABELS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const lines = ['customer_id,created_at,status,satisfaction,reason,channel,agent'];
for (let i = 0; i < 200; i++) {
  const label = LABELS[i % LABELS.length];
  lines.push(`c${i % 40},2014-01-0${1 + (i % 9)} ${String(i % 24).padStart(2, '0')}:00,solved,${1 + (i % 5)},${label},${label},${label}`);
}
const TICKETS = tempCsv('tickets.csv', lines);
const ORDERS = tempCsv('orders.csv', ['customer_id,order_date,amount', 'c1,2014-01-02,10', 'c1,2014-03-02,10', 'c2,2014-05-02,10']);

describe('labels named like Object.prototype members', () => {
  for (const weekly of [[], ['--week', '2014-W01', '--as-of', '2014-01-20']]) {
    it(`report --png ${weekly.join(' ') || '(all data)'}: exit 0, every chart drawn, no chart warning`, async () => {
      const out = tempDir();
      const r = await runCli(['report', ORDERS, TICKETS, '--out', out, '--png', ...weekly]);
      expect(r.err).not.toContain('internal error');
      expect(r.code).toBe(0);
      expect(r.err).not.toMatch(/warning: chart/);
      const names = readdirSync(out);
      expect(names).toContain('csat-by-reason.png');
      if (weekly.length > 0) expect(names).toContain('reason-trends.png');
      for (const svg of names.filter((n) => n.endsWith('.svg'))) assertWellFormedXml(readFileSync(join(out, svg), 'utf8'));
      expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('constructor');
    });
  }
});
