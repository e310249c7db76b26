import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

/**
 * The adversarial corpus (issues 5 and 17): one small file per way an export goes wrong, run
 * through the built CLI exactly as a user or a scheduler would (`node bin/loyalty.js …`), with
 * the exit code and the message each must produce. The cases are the tables of
 * test/corpus/cases.md (one row per case, a heading per kind); this file only runs them.
 * Whatever happens, stderr holds no stack trace and no internal error.
 *
 * Run `npx tsc -p .` first when running this file alone (npm test builds).
 */
const FILES = 'test/corpus/files';

interface Case {
  kind: string;
  name: string;
  args: string[];
  exit: number;
  /** A fragment the stream must contain; '' for "must be empty"; undefined when not checked. */
  stderr?: string;
  stdout?: string;
}

/** The cases of cases.md: every table row under a `## Kind` heading. */
function readCases(markdown: string): Case[] {
  const cases: Case[] = [];
  let kind = '';
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) kind = line.slice(3).trim();
    if (!line.startsWith('| ') || line.startsWith('| Case ') || line.startsWith('| ---')) continue;
    const cells = splitRow(line);
    if (cells.length !== 5) throw new Error(`cases.md: a row needs 5 cells: ${line}`);
    const [name, command, exit, stderr, stdout] = cells;
    cases.push({ kind, name, args: splitArgs(unquote(command)), exit: Number(exit), stderr: expectation(stderr), stdout: expectation(stdout) });
  }
  return cases;
}

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < line.length; i++) {
    if (line[i] === '\\' && line[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (line[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += line[i];
  }
  return cells;
}

function unquote(cell: string): string {
  return cell.startsWith('`') && cell.endsWith('`') ? cell.slice(1, -1) : cell;
}

function expectation(cell: string): string | undefined {
  if (cell === '') return undefined;
  if (cell === '(empty)') return '';
  return unquote(cell);
}

/** Words split at spaces, "double quotes" keeping spaces; bare file names are in the corpus folder. */
function splitArgs(command: string): string[] {
  const words = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
  return words.map((w) => (/^[\w.-]+\.(csv|json)$/.test(w) ? `${FILES}/${w}` : w));
}

function cli(args: string[]): { code: number; out: string; err: string } {
  const run = spawnSync(process.execPath, ['bin/loyalty.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LOYALTY_DEBUG: '' } });
  return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
}

const CASES = readCases(readFileSync('test/corpus/cases.md', 'utf8'));
let longField = '';

beforeAll(() => {
  if (!existsSync('dist/src/cli.js')) throw new Error('dist/ is missing: run `npx tsc -p .` (npm test does) before the corpus tests');
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-corpus-'));
  longField = join(dir, 'long-field.csv');
  const field = 'x, '.repeat(350_000); // 1,050,000 characters, quoted because of its commas
  writeFileSync(longField, `customer_id,order_date,amount,status\na@example.com,2014-01-01,10.00,"${field}"\nb@example.com,2014-01-02,5.00,paid\n`);
});

describe('adversarial corpus through the built CLI (test/corpus/cases.md)', () => {
  test('the tables hold the cases, each file of the corpus is used, and every case names a kind', () => {
    expect(CASES.length).toBeGreaterThan(50);
    for (const c of CASES) expect(c.kind).not.toBe('');
    for (const c of CASES) for (const a of c.args) if (a.startsWith(`${FILES}/`) && a !== `${FILES}/absent.csv`) expect(existsSync(a), a).toBe(true);
  });

  test.each(CASES)('$kind: $name → exit $exit', ({ args, exit, stderr, stdout }) => {
    const run = cli(args.map((a) => (a === '{long-field}' ? longField : a)));
    expect(run.code).toBe(exit);
    if (stderr !== undefined) {
      if (stderr === '') expect(run.err).toBe('');
      else expect(run.err).toContain(stderr);
    }
    if (stdout !== undefined) {
      if (stdout === '') expect(run.out).toBe('');
      else expect(run.out).toContain(stdout);
    }
    // A user error is one line of what and where, never a stack trace or an internal error.
    expect(run.err).not.toMatch(/^\s+at /m);
    expect(run.err).not.toContain('internal error');
    if (exit !== 0) expect(run.err).toMatch(/^error: /m);
  });
});
