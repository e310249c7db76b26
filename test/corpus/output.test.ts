import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

/**
 * The corpus's Output section (test/corpus/README.md): one file per way data text or a flag
 * attacks the outputs, run through the built CLI as a user would, with the exit code and the
 * text each must produce. Whatever happens: no stack trace, never exit 70, nothing on the
 * terminal that a terminal would act on (ESC, other C0 controls, C1).
 * The many-labels file (3,000 reasons) is written at test time. Run `npx tsc -p .` first when
 * running this file alone (npm test builds).
 */
const F = 'test/corpus/files/output';
const ORDERS = `${F}/orders.csv`;

interface Case {
  name: string;
  args: string[];
  exit: number;
  stdout?: string;
  stderr?: string;
  /** A file the run writes into its --out directory (given as OUT in args) and a fragment of it. */
  file?: [string, string];
  /** Text that must appear nowhere in that file. */
  fileLacks?: RegExp;
}

const OUT = '<out>';
let manyLabels = '';

const CASES: Case[] = [
  { name: 'ANSI and OSC 8 escapes in labels, terminal', args: ['slices', `${F}/ansi-escapes-in-labels.csv`, '--by', 'reason'], exit: 0, stdout: 'clearscreen' },
  { name: 'ANSI and OSC 8 escapes in labels, report', args: ['report', ORDERS, `${F}/ansi-escapes-in-labels.csv`, '--out', OUT], exit: 0, file: ['report.md', '| planted link |'], fileLacks: /\x1b/ },
  { name: 'HTML and Markdown in labels, report.md', args: ['report', ORDERS, `${F}/markup-in-labels.csv`, '--out', OUT], exit: 0, file: ['report.md', '| \\<script>alert(1)\\</script> |'], fileLacks: /(?<!\\)<(script|img)|!(?<!\\)\[img|(?<!\\)\]\((javascript|http)/ },
  { name: 'HTML and Markdown in labels, report.html', args: ['report', ORDERS, `${F}/markup-in-labels.csv`, '--out', OUT], exit: 0, file: ['report.html', '<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>'], fileLacks: /<script|<img|href="javascript/ },
  { name: 'a pipe in a label keeps the Markdown row', args: ['report', ORDERS, `${F}/markup-in-labels.csv`, '--out', OUT], exit: 0, file: ['report.md', '| gift \\| card |'] },
  { name: 'a line break in a label, terminal', args: ['slices', `${F}/newline-in-label.csv`, '--by', 'reason'], exit: 0, stdout: '\nline break ' },
  { name: 'a line break in a label, report.md', args: ['report', ORDERS, `${F}/newline-in-label.csv`, '--out', OUT], exit: 0, file: ['report.md', '| line break |'] },
  { name: 'a control character in a label, --png', args: ['report', ORDERS, `${F}/control-character-in-label.csv`, '--out', OUT, '--png'], exit: 0, file: ['csat-by-reason.svg', 'bell'], fileLacks: /[\x00-\x08\x0b\x0c\x0e-\x1f]/ },
  { name: 'labels named like Object.prototype members, weekly --png', args: ['report', ORDERS, `${F}/prototype-named-labels.csv`, '--out', OUT, '--png', '--week', '2014-W01', '--as-of', '2014-01-20'], exit: 0, file: ['report.md', 'constructor'] },
  { name: 'hostile --title', args: ['report', ORDERS, `${F}/newline-in-label.csv`, '--out', OUT, '--title', '<script>x()</script>\x1b[2J [y](javascript:x())'], exit: 0, file: ['report.md', '# \\<script>x()\\</script> \\[y\\](javascript:x())\n'] },
  { name: 'amounts that would overflow double precision', args: ['cohort', `${F}/huge-amounts.csv`, `${F}/huge-amounts-tickets.csv`, '--cohort', '2014-01'], exit: 65, stderr: 'have an unusable amount in column "amount" (first at line 2' },
  { name: 'amounts that would overflow, skipped with --max-unusable, --json', args: ['cohort', `${F}/huge-amounts.csv`, `${F}/huge-amounts-tickets.csv`, '--cohort', '2014-01', '--json', '--max-unusable', '100%'], exit: 0, stdout: '"rowsSkipped": 4' },
  { name: 'JSON keeps 12345678901.23', args: ['cohort', `${F}/precise-amounts.csv`, `${F}/huge-amounts-tickets.csv`, '--cohort', '2014-01', '--json'], exit: 0, stdout: '"totalSpend": 12345678901.23' },
  { name: 'many labels: top 25 and other', args: ['slices', '<many>', '--by', 'reason'], exit: 0, stdout: 'other (2975 labels)' },
  { name: 'many labels, --top 3', args: ['report', ORDERS, '<many>', '--out', OUT, '--top', '3', '--by', 'reason'], exit: 0, file: ['report.md', '| other (2997 labels) |'] },
  { name: '--out ""', args: ['report', ORDERS, `${F}/newline-in-label.csv`, '--out', ''], exit: 64, stderr: "option '--out <dir>' argument '' is invalid" },
];

function cli(args: string[], cwd: string): { code: number; out: string; err: string } {
  const run = spawnSync(process.execPath, [join(process.cwd(), 'bin/loyalty.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LOYALTY_DEBUG: '' } });
  return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
}

beforeAll(() => {
  if (!existsSync('dist/src/cli.js')) throw new Error('dist/ is missing: run `npx tsc -p .` (npm test builds) before the corpus tests');
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-corpus-output-'));
  manyLabels = join(dir, 'many-labels.csv');
  const lines = ['customer_id,created_at,status,satisfaction,reason'];
  for (let i = 0; i < 6000; i++) lines.push(`c${i % 30},2014-01-${String(1 + (i % 28)).padStart(2, '0')} 10:00,solved,${1 + (i % 5)},reason ${i % 3000}`);
  writeFileSync(manyLabels, lines.join('\n') + '\n');
});

describe('corpus: output', () => {
  test.each(CASES)('$name → exit $exit', (c) => {
    const cwd = mkdtempSync(join(tmpdir(), 'loyalty-corpus-cwd-'));
    const out = join(cwd, 'out');
    const repo = process.cwd();
    const args = c.args.map((a) => (a === OUT ? out : a === '<many>' ? manyLabels : a.startsWith('test/') ? join(repo, a) : a));
    const r = cli(args, cwd);
    expect(r.code, r.err).toBe(c.exit);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    expect(r.out + r.err).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    if (c.stdout) expect(r.out).toContain(c.stdout);
    if (c.stderr) expect(r.err).toContain(c.stderr);
    if (c.file) expect(readFileSync(join(out, c.file[0]), 'utf8')).toContain(c.file[1]);
    if (c.file && c.fileLacks) expect(readFileSync(join(out, c.file[0]), 'utf8')).not.toMatch(c.fileLacks);
    if (c.exit !== 0) expect(readdirSync(cwd)).toEqual([]);
  });
});
