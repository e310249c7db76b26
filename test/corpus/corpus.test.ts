import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

/**
 * The malformed-input corpus (issue 5): one small file per way an export goes wrong, run through
 * the built CLI exactly as a user or a scheduler would (`node bin/loyalty.js validate …`), with
 * the exit code and the message each must produce. Whatever happens, stderr holds no stack
 * trace, and a file that cannot be used leaves stdout empty.
 *
 * The files are in test/corpus/files; the 1 MB field is written at test time to keep the repo small.
 * Run `npx tsc -p .` first when running this file alone (npm test builds).
 */
const F = 'test/corpus/files';
const STRICT = '--strict';

interface Case {
  name: string;
  args: string[];
  exit: number;
  /** Fragment of stderr (errors) or stdout (a usable file's report). */
  stderr?: string;
  stdout?: string;
  /** The other file of the run is usable, so its report is on stdout. */
  partial?: boolean;
}

let longField = '';

const CASES: Case[] = [
  { name: 'truncated inside a quoted field', args: [`${F}/truncated-in-quotes.csv`], exit: 65, stderr: `${F}/truncated-in-quotes.csv:26: a quoted field is opened but never closed` },
  { name: 'truncated mid-row: the short row is counted', args: [`${F}/truncated-mid-row.csv`], exit: 0, stdout: `${F}/truncated-mid-row.csv:26  ragged row: "2 fields, header has 3"` },
  { name: 'truncated mid-row, --strict', args: [`${F}/truncated-mid-row.csv`, STRICT], exit: 65, stderr: `error: --strict: ${F}/truncated-mid-row.csv:26: ragged row: "2 fields, header has 3"` },
  { name: 'binary garbage', args: [`${F}/binary-garbage.csv`], exit: 65, stderr: `${F}/binary-garbage.csv is not UTF-8 text` },
  { name: 'header only', args: [`${F}/header-only.csv`], exit: 65, stderr: `${F}/header-only.csv has a header row but no data rows` },
  { name: '0 bytes', args: [`${F}/empty.csv`], exit: 65, stderr: `${F}/empty.csv is empty (0 bytes)` },
  { name: 'very long field (1 MB)', args: ['<long>'], exit: 0, stdout: 'rows       2 read, 2 used, 0 skipped' },
  { name: 'NUL bytes', args: [`${F}/nul-bytes.csv`], exit: 65, stderr: `${F}/nul-bytes.csv contains NUL bytes` },
  { name: 'mismatched quotes: text after a closing quote', args: [`${F}/mismatched-quotes.csv`], exit: 65, stderr: `${F}/mismatched-quotes.csv:26: text after a closing quote ("2014-01-05"junk,7.00)` },
  { name: 'ragged rows over 5% are refused', args: [`${F}/ragged-rows.csv`], exit: 65, stderr: `${F}/ragged-rows.csv: 7.7% of rows (2 of 26) cannot be split into the header's columns: 2 ragged (first at line 26` },
  { name: 'ragged rows are counted under --max-unusable 10%', args: [`${F}/ragged-rows.csv`, '--max-unusable', '10%'], exit: 0, stdout: `${F}/ragged-rows.csv:27  ragged row: "4 fields, header has 3"` },
  { name: 'ragged rows, --strict', args: [`${F}/ragged-rows.csv`, STRICT, '--max-unusable', '10%'], exit: 65, stderr: `${F}/ragged-rows.csv:26: ragged row` },
  { name: 'duplicate header names', args: [`${F}/duplicate-headers.csv`], exit: 0, stdout: 'warning    header "amount" appears more than once; the first column of that name is used' },
  { name: 'blank lines are not rows', args: [`${F}/blank-lines.csv`], exit: 0, stdout: 'rows       2 read, 2 used, 0 skipped' },
  { name: 'trailing summary row', args: [`${F}/summary-row.csv`], exit: 0, stdout: `${F}/summary-row.csv:26  summary row: "Total,,1,234.50"` },
  { name: 'trailing summary row does not fail --strict (set aside by rule)', args: [`${F}/summary-row.csv`, STRICT], exit: 0, stdout: '✓ usable; 1 row(s) would be skipped' },
  { name: 'unparseable dates (30%)', args: [`${F}/unparseable-dates.csv`], exit: 65, stderr: '30% of rows (6 of 20) have an unusable order_date in column "order_date" (first at line 4: "soon")' },
  { name: 'more than 5% bad amounts', args: [`${F}/bad-amounts.csv`], exit: 65, stderr: '25% of rows (5 of 20) have an unusable amount in column "amount" (first at line 5: "n/a")' },
  { name: 'mixed currencies', args: [`${F}/mixed-currencies.csv`], exit: 65, stderr: 'mixes currencies: EUR (5 rows), USD (5 rows); add --currency EUR' },
  { name: 'mixed currencies with --currency', args: [`${F}/mixed-currencies.csv`, '--currency', 'USD'], exit: 0, stdout: 'currency other than USD' },
  { name: 'ambiguous slash dates', args: [`${F}/ambiguous-slash-dates.csv`], exit: 65, stderr: 'could be month-first or day-first, and no value decides it; add --date-format MDY or --date-format DMY' },
  { name: 'ambiguous slash dates with --date-format', args: [`${F}/ambiguous-slash-dates.csv`, '--date-format', 'DMY'], exit: 0, stdout: 'order_date: D/M/YYYY (day first)' },
  { name: 'missing required columns', args: [`${F}/missing-required-column.csv`], exit: 65, stderr: 'no customer_id or order_date or amount columns (headers found: Email, Created at, Total Price); add --map orders.customer_id="Email"' },
  {
    name: 'missing required columns, mapped',
    args: [`${F}/missing-required-column.csv`, '--map', 'orders.customer_id=Email', '--map', 'orders.order_date=Created at', '--map', 'orders.amount=Total Price'],
    exit: 0,
    stdout: '✓ usable; every row can be used.',
  },
  { name: 'tickets without a created_at column', args: ['fixtures/formats/stripe-orders.csv', `${F}/tickets-missing-created.csv`], exit: 65, stderr: 'no created_at column (headers found: customer_id, opened, satisfaction); add --map tickets.created_at="opened"', partial: true },
  { name: 'one unrecognised score in 10 tickets is over 5%', args: ['fixtures/formats/stripe-orders.csv', `${F}/tickets-bad-scores.csv`], exit: 65, stderr: `${F}/tickets-bad-scores.csv: 10% of rows (1 of 10) have an unreadable satisfaction`, partial: true },
  {
    name: 'an unrecognised satisfaction score is left empty and counted',
    args: ['fixtures/formats/stripe-orders.csv', `${F}/tickets-bad-scores.csv`, '--max-unusable', '20%'],
    exit: 0,
    stdout: `${F}/tickets-bad-scores.csv:4  unrecognised satisfaction score (cell left empty): "meh"`,
  },
  { name: 'no such file', args: [`${F}/absent.csv`], exit: 66, stderr: `${F}/absent.csv: no such file` },
  { name: 'a directory', args: [F], exit: 66, stderr: 'is a directory, not a file' },
  { name: 'unknown flag', args: [`${F}/empty.csv`, '--stirct'], exit: 64, stderr: "unknown option '--stirct'" },
];

function cli(args: string[]): { code: number; out: string; err: string } {
  const run = spawnSync(process.execPath, ['bin/loyalty.js', 'validate', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LOYALTY_DEBUG: '' } });
  return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
}

beforeAll(() => {
  if (!existsSync('dist/src/cli.js')) throw new Error('dist/ is missing: run `npx tsc -p .` (npm test does) before the corpus tests');
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-corpus-'));
  longField = join(dir, 'long-field.csv');
  const field = 'x, '.repeat(350_000); // 1,050,000 characters, quoted because of its commas
  writeFileSync(longField, `customer_id,order_date,amount,status\na@example.com,2014-01-01,10.00,"${field}"\nb@example.com,2014-01-02,5.00,paid\n`);
});

describe('malformed-input corpus through the built CLI', () => {
  test.each(CASES)('$name → exit $exit', ({ args, exit, stderr, stdout, partial }) => {
    const run = cli(args.map((a) => (a === '<long>' ? longField : a)));
    expect(run.code).toBe(exit);
    if (stderr !== undefined) expect(run.err).toContain(stderr);
    if (stdout !== undefined) expect(run.out).toContain(stdout);
    // A user error is one line of what and where, never a stack trace or an internal error.
    expect(run.err).not.toMatch(/^\s+at /m);
    expect(run.err).not.toContain('internal error');
    if (exit !== 0 && !args.includes(STRICT) && !partial) expect(run.out).toBe('');
    if (exit !== 0) expect(run.err).toMatch(/^error: /m);
  });
});
