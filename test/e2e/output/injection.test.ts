import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCsv, tempDir } from '../cli.js';
import { writeFileSync } from 'node:fs';
import { assertWellFormedXml, pipes, TERMINAL_CONTROL } from './wellFormed.js';

/**
 * Hostile labels, as an attacker or a careless export writes them, in the reason column of a
 * tickets file: terminal escapes (clear screen, an OSC 8 link), HTML (<script>, <img onerror>),
 * Markdown (a remote image, a javascript: link), a table pipe, a quoted line break, a raw
 * control character and a bidi override. Every output keeps them as text: nothing reaches the
 * terminal as a command, nothing becomes markup in report.md or report.html, no table row
 * breaks, every SVG is well-formed XML, and --png draws (no exit 70).
 */
const HOSTILE = [
  'clear\x1b[2Jscreen',
  '\x1b]8;;http://evil.example/\x07planted link\x1b]8;;\x07',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '![img](http://evil.example/pixel.png)',
  '[click](javascript:alert(1))',
  'gift | card',
  'line\nbreak',
  'bell\x07and\x01ctrl',
  'rtl\u202eoverride',
];
const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

function files(): { orders: string; tickets: string } {
  const dir = tempDir();
  const orders = join(dir, 'orders.csv');
  const tickets = join(dir, 'tickets.csv');
  const orderLines = ['customer_id,order_date,amount'];
  const ticketLines = ['customer_id,created_at,status,satisfaction,reason'];
  for (let i = 0; i < 60; i++) {
    orderLines.push(`c${i},2014-01-${String(1 + (i % 28)).padStart(2, '0')},${10 + i}`, `c${i},2014-03-01,${5 + (i % 7)}`);
    ticketLines.push(`c${i},2014-01-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00,${i % 3 ? 'solved' : 'open'},${1 + (i % 5)},${csvCell(HOSTILE[i % HOSTILE.length])}`);
  }
  orderLines.push('z,2014-06-01,1');
  writeFileSync(orders, orderLines.join('\n') + '\n');
  writeFileSync(tickets, ticketLines.join('\n') + '\n');
  return { orders, tickets };
}

const { orders, tickets } = files();
const TITLE = '<script>t()</script> \x1b[2J![x](http://evil.example/t.png) [y](javascript:t())';

describe('hostile labels and --title', () => {
  it('reach the terminal as text only, with NO_COLOR', async () => {
    const r = await runCli(['slices', tickets, '--by', 'reason']);
    expect(r.code).toBe(0);
    expect(r.out + r.err).not.toMatch(TERMINAL_CONTROL);
    expect(r.out).toContain('clearscreen');
    expect(r.out).toContain('line break');
    // Each reason is one table row: the lines between the rule and the blank line.
    const table = r.out.split('\n─')[0];
    expect(r.out.split('\n').filter((l) => /^(line|break)\b/.test(l))).toEqual([expect.stringMatching(/^line break /)]);
    expect(table).toBeDefined();
  });

  it('report --png: exit 0, every SVG is well-formed XML, no markup or remote load in report.md or report.html', async () => {
    const out = tempDir();
    const r = await runCli(['report', orders, tickets, '--out', out, '--png', '--title', TITLE, '--cohort', '2014-01']);
    expect(r.err).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(TERMINAL_CONTROL);
    const names = readdirSync(out);
    expect(names).toContain('csat-by-reason.png');
    for (const svg of names.filter((n) => n.endsWith('.svg'))) expect(() => assertWellFormedXml(readFileSync(join(out, svg), 'utf8')), svg).not.toThrow();

    const md = readFileSync(join(out, 'report.md'), 'utf8');
    // What CommonMark reads as markup once the backslash-escaped characters are taken out.
    // The report's own charts are images (a local SVG, the escaped finding as alt text): taken
    // out first, so any other image syntax left is one the data made.
    const markup = md.replace(/\\./g, '').replace(/^!\[[^\n]*\]\([\w-]+\.svg\)$/gm, '');
    expect(markup).not.toMatch(/<script|<img|!\[|\]\(javascript:|\]\(http|[\x00-\x09\x0b-\x1f\x7f]/);
    expect(md.split('\n')[0]).toBe('# \\<script>t()\\</script> !\\[x\\](http\\://evil.example/t.png) \\[y\\](javascript:t())');
    // Every row of every table has as many columns as its header.
    const lines = md.split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (!/^\|[ -:|]+\|$/.test(lines[i]) || !lines[i - 1].startsWith('|')) continue;
      const width = pipes(lines[i - 1]);
      for (let j = i + 1; j < lines.length && lines[j].startsWith('|'); j++) expect(pipes(lines[j]), lines[j]).toBe(width);
    }

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    // No element from the data: no <script> or <img>, no tag with a src or an on… handler.
    expect(html).not.toMatch(/<script|<img|<[a-z][\w-]*(\s+[\w:-]+="[^"]*")*\s+(src|on\w+)=|\x1b/i);
    // Every link is to a file next to the report (no javascript:, no http).
    for (const m of html.matchAll(/\shref="([^"]*)"/g)) expect(m[1]).toMatch(/^(#[\w-]+|[\w.-]+\.(svg|png|json))$/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<td>gift | card</td>');
    // Rows of the reason table: one <tr> per reason, none split by the line break.
    expect(html).toContain('<td>line break</td>');
  });
});

describe('escapes from the data with colour on', () => {
  it('only loyalty’s own colour sequences reach the terminal; the data’s are gone', async () => {
    const { Chalk } = await import('chalk');
    const { main } = await import('../../../src/cli.js');
    let out = '';
    let err = '';
    const term = {
      out: (t: string) => void (out += t + '\n'),
      err: (t: string) => void (err += t + '\n'),
      warn: (t: string) => void (err += `warning: ${t}\n`),
      color: new Chalk({ level: 1 }),
    };
    const sgrFromData = tempCsv('tickets.csv', [
      'customer_id,created_at,status,satisfaction,reason',
      ...Array.from({ length: 80 }, (_, i) => `c${i},2014-01-0${1 + (i % 9)} 10:00,solved,${i % 2 ? 5 : i < 40 ? 1 : 5},${i % 2 ? 'fine' : '\x1b[31mred\x1b[0m\x1b]8;;http://evil.example/\x07x'}`),
    ]);
    expect(await main(['slices', sgrFromData, '--by', 'reason'], term, tempDir())).toBe(0);
    // Every ESC left is an SGR colour chalk wrote (level 1: 30–39, 1, 2, 22 and 39); none is "31m red".
    expect((out + err).replace(/\x1b\[(?:[0-9]|[1-9][0-9]|22)m/g, '')).not.toMatch(TERMINAL_CONTROL);
    expect(out).not.toContain('\x1b[31mred');
    expect(out).toContain('redx');
  });
});
