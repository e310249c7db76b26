import { cohortFromFacts } from '../analysis/cohortFromFacts.js';
import type { CohortResult } from '../analysis/cohortResult.js';
import { cohortWindows } from '../analysis/historyWindows.js';
import { parseCohortSpans, parseCohortWindow, parseMonthRange } from '../analysis/windows.js';
import { DataError, UsageError } from '../errors.js';
import { CurrencyTally } from '../ingest/currencies.js';
import { readFactsFile } from '../ingest/factsFile.js';
import type { FileQuality } from '../ingest/records.js';
import type { CustomerFactsTable } from '../model/customerFacts.js';
import { isoDay } from '../time/calendar.js';
import type { Terminal } from '../terminal.js';
import { cohortOptionsFrom } from './cohortOptions.js';
import type { CohortCommandFlags } from './cohortFlags.js';
import type { DayWindow } from '../model/time.js';

/**
 * `loyalty cohort --facts-in FILE`: the cohort analysis finished from a per-customer facts
 * table (written by `--facts`, or `loyalty sql`'s result exported from a warehouse). The
 * windows are the flags' (--cohort is required: a facts file holds one cohort), checked
 * against the file's context columns; the result is the one the orders and tickets give, but
 * for proactiveFollowUp and monthly, which need per-ticket and per-order data.
 */
export async function cohortFromFactsFile(
  path: string,
  flags: CohortCommandFlags,
  status: Terminal,
): Promise<{ result: CohortResult; quality: { orders: FileQuality; tickets: FileQuality }; facts: CustomerFactsTable }> {
  const options = cohortOptionsFrom(flags);
  if (options.cohort === null) {
    throw new UsageError('--facts-in needs --cohort: a facts file holds one cohort; give the window it was computed for (its cohort_start and cohort_end columns), e.g. --cohort 2014-01');
  }
  const windows = cohortWindows(parseCohortWindow(options.cohort), parseCohortSpans(options));
  const { facts, format, rowsRead } = await readFactsFile(path);
  assertSameWindows(path, facts, windows);
  facts.run.currency = currencyOf(path, facts.run.currency, flags.currency);
  const result = cohortFromFacts(facts, { options, choice: 'given' });
  if (parseMonthRange(options.cohort) !== null) {
    status.warn(`the per-month gaps of a month range (monthly) need the orders and tickets; ${path} holds the whole range's facts, so they are left out`);
  }
  const quality: FileQuality = {
    file: path,
    format: `facts-${format}`,
    columns: {},
    rowsRead,
    rowsUsed: rowsRead,
    rowsSkipped: 0,
    skipped: {},
    decisions: [`per-customer facts read from ${path} (${format === 'csv' ? 'CSV' : 'Parquet'}): one row per member; the orders and tickets were read where the facts were computed`],
    warnings: [],
  };
  return { result, quality: { orders: quality, tickets: quality }, facts };
}

const WINDOW_FLAGS: [keyof ReturnType<typeof cohortWindows>, 'start' | 'end', string, string][] = [
  ['cohort', 'start', 'cohort_start', '--cohort'],
  ['cohort', 'end', 'cohort_end', '--cohort'],
  ['followUp', 'end', 'follow_up_end', '--follow'],
  ['problem', 'end', 'problem_end', '--grace'],
  ['baseline', 'start', 'baseline_start', '--baseline'],
  ['pre', 'start', 'pre_start', '--follow'],
];

/** The flags' windows must be the ones the facts were computed for: else every number would be silently off. */
function assertSameWindows(path: string, facts: CustomerFactsTable, flags: Record<string, DayWindow>): void {
  const file = facts.run.windows as Record<string, DayWindow>;
  for (const [window, end, column, flag] of WINDOW_FLAGS) {
    if (file[window]![end] === flags[window]![end]) continue;
    throw new DataError(
      `${path}: column ${column} is ${isoDay(file[window]![end])}, but ${flag} gives ${isoDay(flags[window]![end])}; the facts were computed for other windows: run with the --cohort, --follow, --grace and --baseline they were computed with (or compute the facts again for these).`,
    );
  }
}

/** The file's currency, or --currency's when the file names none; the two must agree when both do. */
function currencyOf(path: string, fromFile: string | null, flag: string | undefined): string | null {
  const named = new CurrencyTally(flag ?? null).keep;
  if (fromFile !== null && named !== null && fromFile !== named) {
    throw new DataError(`${path}: column currency is ${fromFile}, but --currency says ${named}; drop --currency, or compute the facts again keeping ${named}.`);
  }
  return fromFile ?? named;
}
