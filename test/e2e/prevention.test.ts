import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCsv, tempDir } from './cli.js';
import { writeFileSync } from 'node:fs';

const ORDERS = 'fixtures/prevention/orders.csv';
const TICKETS = 'fixtures/prevention/tickets.csv';
const CONTROL = 'fixtures/prevention/control-tickets.csv';
const CHANGE = ['--change', 'order status@2014-04-07'];

describe('loyalty prevention on the fixtures', () => {
  it('recovers the planted −28% within its CI, and the JSON contract holds', async () => {
    const { code, out } = await runCli(['prevention', ORDERS, TICKETS, ...CHANGE, '--cost-per-contact', '4.5', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['weeks', 'reasons', 'top', 'rootCauses', 'changes', 'denominator', 'unmapped', 'options', 'dataQuality']);
    expect(json.weeks).toHaveLength(26);
    expect(Object.keys(json.weeks[0])).toEqual(['week', 'orders', 'contacts', 'rate']);
    expect(json.weeks[0].week).toBe('2014-W02');
    expect(Object.keys(json.reasons[0])).toEqual(['key', 'weeks']);
    expect(json.reasons[0].key).toBe('order status');
    expect(Object.keys(json.top[0])).toEqual(['key', 'contacts', 'rate', 'change', 'p']);
    expect(json.top).toHaveLength(5);
    expect(Object.keys(json.rootCauses[0])).toEqual(['category', 'reasons', 'contacts', 'share', 'csat']);
    const change = json.changes[0];
    expect(Object.keys(change)).toEqual(['reason', 'date', 'relativeChange', 'ci95', 'p', 'avoided', 'cost', 'currency', 'csatChange', 'csatCi95', 'beforeWeeks', 'afterWeeks', 'caveat']);
    expect(change.reason).toBe('order status');
    expect(change.ci95[0]).toBeLessThan(-0.28);
    expect(change.ci95[1]).toBeGreaterThan(-0.28);
    expect(change.p).toBeLessThan(0.05);
    expect(change.cost).toBeCloseTo(change.avoided * 4.5, 6);
    expect(change.caveat).toBeNull();
    expect(json.denominator).toBe('orders');
  });

  it('on the control data the CI covers 0, and the sentence says not significant', async () => {
    const json = JSON.parse((await runCli(['prevention', ORDERS, CONTROL, ...CHANGE, '--json'])).out);
    expect(json.changes[0].ci95[0]).toBeLessThan(0);
    expect(json.changes[0].ci95[1]).toBeGreaterThan(0);
    expect(json.changes[0].cost).toBeNull();
    const { out } = await runCli(['prevention', ORDERS, CONTROL, ...CHANGE]);
    expect(out).toMatch(/order status, changed 2014-04-07: no measurable effect, \+1% contacts relative to the other reasons \(95% CI −13% to \+17%; not significant, p = 0\.93/);
  });

  it('a change with one week after it is too early to tell, on stdout and stderr', async () => {
    const { code, out, err } = await runCli(['prevention', ORDERS, TICKETS, '--change', 'order status@2014-06-30']);
    expect(code).toBe(0);
    expect(out).toContain('order status, changed 2014-06-30: too early to tell. Only 1 week after the change');
    expect(out).not.toMatch(/contacts fell/);
    expect(err).toContain('too early to tell');
    expect(out).toContain('10 earlier weeks not shown; every week is in --json and --out.');
  });

  it('with the tickets file alone the rate is tickets per week', async () => {
    const json = JSON.parse((await runCli(['prevention', TICKETS, '--json'])).out);
    expect(json.denominator).toBe('tickets');
    expect(json.weeks[0]).toEqual({ week: '2014-W02', orders: null, contacts: 115, rate: 115 });
    expect(json.dataQuality.orders).toBeUndefined();
  });

  it('--out writes prevention.md and the weekly chart with the change date marked', async () => {
    const dir = tempDir();
    const { code } = await runCli(['prevention', ORDERS, TICKETS, ...CHANGE, '--out', dir]);
    expect(code).toBe(0);
    const md = readFileSync(join(dir, 'prevention.md'), 'utf8');
    expect(md).toContain('## Changes');
    expect(md).toContain('Chart: [weekly contact rate by reason, each change date marked](contact-rate.vl.json) (Vega-Lite).');
    const spec = JSON.parse(readFileSync(join(dir, 'contact-rate.vl.json'), 'utf8'));
    const rule = spec.layer.find((l: { mark: { type: string } }) => l.mark.type === 'rule');
    expect(rule.data.values).toEqual([{ date: '2014-04-07', label: 'order status changed' }]);
  });

  it('is byte-identical on a rerun', async () => {
    const a = await runCli(['prevention', ORDERS, TICKETS, ...CHANGE, '--json']);
    const b = await runCli(['prevention', ORDERS, TICKETS, ...CHANGE, '--json']);
    expect(a.out).toBe(b.out);
  });
});

describe('loyalty prevention: the cost of contacts in the data\'s currency', () => {
  it('prints the saving with the currency of the amounts (here given with --currency), and none without one', async () => {
    const euros = await runCli(['prevention', ORDERS, TICKETS, ...CHANGE, '--cost-per-contact', '4.5', '--currency', 'EUR']);
    expect(euros.out).toContain('about 140 contacts avoided over the 13 weeks after, saving €630.01 at €4.50 a contact.');
    const plain = await runCli(['prevention', ORDERS, TICKETS, ...CHANGE, '--cost-per-contact', '4.5', '--json']);
    const change = JSON.parse(plain.out).changes[0];
    expect(change.currency).toBeNull();
    expect(change.cost).toBeCloseTo(630.01, 2);
  });
});

describe('loyalty prevention: usage and data errors', () => {
  it.each([
    [['--change', 'order status'], /not REASON@YYYY-MM-DD/],
    [['--change', 'order status@2014-02-30'], /not REASON@YYYY-MM-DD/],
    [['--change', 'order status@2013-12-30'], /outside the weeks/],
    [['--change', 'order status@2014-07-07'], /outside the weeks/],
    [['--change', 'order status@2014-01-08'], /no full week before/],
    [['--change', 'shipping@2014-04-07'], /no ticket in .* has the reason "shipping"/],
    [['--cost-per-contact', 'five'], /--cost-per-contact "five"/],
  ])('%j is a usage error (64)', async (flags, message) => {
    const { code, err } = await runCli(['prevention', ORDERS, TICKETS, ...flags]);
    expect(code).toBe(64);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/at .*\.js/);
  });

  it('a missing file is exit 66', async () => {
    expect((await runCli(['prevention', ORDERS, 'nope.csv'])).code).toBe(66);
  });
});

describe('loyalty prevention: root causes from the config', () => {
  it('groups reasons by category and lists the unmapped ones', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'loyalty.config.json'), JSON.stringify({ rootCauses: { 'order status': 'tooling', 'shipping delay': 'process', billing: 'explanation' }, prevention: { changes: ['order status@2014-04-07'] } }));
    const json = JSON.parse((await runCli(['prevention', join(process.cwd(), ORDERS), join(process.cwd(), TICKETS), '--json'], cwd)).out);
    expect(json.rootCauses.map((r: { category: string }) => r.category)).toEqual(['explanation', 'process', 'tooling', 'unmapped']);
    expect(json.unmapped).toEqual(['returns', 'product question', 'account']);
    expect(json.changes).toHaveLength(1);
  });

  it('an unknown category is a usage error naming the key', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'loyalty.config.json'), JSON.stringify({ rootCauses: { 'order status': 'bad luck' } }));
    const { code, err } = await runCli(['prevention', join(process.cwd(), TICKETS)], cwd);
    expect(code).toBe(64);
    expect(err).toContain('"rootCauses.order status" is "bad luck"');
  });
});

describe('loyalty prevention on the shapes users bring', () => {
  it('reads e-mail customers, text order ids, +HHMM offsets and euros with semicolons; escapes hostile reasons', async () => {
    const orders = tempCsv('orders.csv', [
      'order_id;customer_id;order_date;amount',
      '#1001;Ann@Example.com;2026-03-02T23:30:00+0530;€1.234,50',
      '#1002;bob@example.com;2026-03-09 10:00;€20,00',
      '#1003;bob@example.com;2026-03-16 10:00;€20,00',
      '#1004;bob@example.com;2026-03-16 11:00;€20,00',
    ]);
    const tickets = tempCsv('tickets.csv', [
      'ticket_id,customer_id,created_at,reason',
      'ch_1,ann@example.com,2026-03-02T23:30:00+0530,"a|b"',
      'ch_2,bob@example.com,2026-03-08T23:59:00-0800,"\u001b[31mred"',
      'ch_3,bob@example.com,2026-03-09T09:00:00+0000,"a|b"',
      'ch_4,bob@example.com,2026-03-16T09:00:00+0000,"a|b"',
    ]);
    const json = JSON.parse((await runCli(['prevention', orders, tickets, '--json'])).out);
    // Wall clock as written: Sunday 2026-03-08 23:59 −08:00 stays in week 10.
    expect(json.weeks).toEqual([
      { week: '2026-W10', orders: 1, contacts: 2, rate: 200 },
      { week: '2026-W11', orders: 1, contacts: 1, rate: 100 },
      { week: '2026-W12', orders: 2, contacts: 1, rate: 50 },
    ]);
    const text = (await runCli(['prevention', orders, tickets])).out;
    expect(text).not.toContain('\u001b');
    // The escape sequence is removed whole (src/report/escape.ts): the label reads as its text.
    expect(text).toContain('a|b, red');
    const dir = tempDir();
    await runCli(['prevention', orders, tickets, '--out', dir]);
    const md = readFileSync(join(dir, 'prevention.md'), 'utf8');
    expect(md).toContain('| a\\|b |');
    // Escaped once: markdownTable escapes its cells, the labels go in as they are.
    expect(md).not.toContain('\\\\');
    expect(md).not.toContain('\u001b');
  });
});

describe('loyalty report: the Prevention section', () => {
  it('has weekly contact rate by reason with the change date marked, and the change in summary.json', async () => {
    const dir = tempDir();
    const { code } = await runCli(['report', ORDERS, TICKETS, '--out', dir, ...CHANGE, '--bootstrap', '200']);
    expect(code).toBe(0);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('## Prevention');
    expect(md).toMatch(/^- \*\*Prevention\.\*\* order status, changed 2014-04-07: contacts fell 26%/m);
    expect(md).toMatch(/order status, changed 2014-04-07: contacts fell 26% relative to the other reasons \(95% CI −39% to −12%, p = 0\.001/);
    expect(md).toContain('### Prevention\n');
    expect(md).toContain('![order status, changed 2014-04-07: −26% contacts vs other reasons (95% CI −39% to −12%)](contact-rate.svg)');
    const spec = JSON.parse(readFileSync(join(dir, 'contact-rate.vl.json'), 'utf8'));
    expect(spec.layer.find((l: { mark: { type: string } }) => l.mark.type === 'rule').data.values[0].date).toBe('2014-04-07');
    const svg = readFileSync(join(dir, 'contact-rate.svg'), 'utf8');
    expect(svg).toContain('order status changed');
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const direct = JSON.parse((await runCli(['prevention', ORDERS, TICKETS, ...CHANGE, '--json'])).out);
    delete direct.dataQuality;
    // The same document, with counts of what summary.json leaves out (nothing, with 7 reasons).
    const rootCauses = direct.rootCauses.map((c: object) => ({ ...c, reasonsLeftOut: 0 }));
    expect(summary.prevention).toEqual({ ...direct, rootCauses, reasonsLeftOut: 0, unmappedLeftOut: 0 });
  });
});
