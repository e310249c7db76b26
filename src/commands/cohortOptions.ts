import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { DEFAULT_BASELINE, DEFAULT_COHORT_OPTIONS, type CohortOptions } from '../analysis/cohortResult.js';
import { parseCohortSpans } from '../analysis/windows.js';

/**
 * The cohort analysis flags, defined once for every command that runs it (cohort, report):
 * the windows, and the bootstrap's seed and size. Defaults come from DEFAULT_COHORT_OPTIONS,
 * so loyalty.config.json ("windows", "seed") overrides them and a typed flag overrides both.
 */
export function addCohortOptions(cmd: Command): Command {
  const d = DEFAULT_COHORT_OPTIONS;
  return cmd
    .option('--cohort <window>', 'cohort window: YYYY-MM, YYYY-MM..YYYY-MM (each month too) or YYYY-MM-DD..YYYY-MM-DD (default: latest month with a complete follow-up)')
    .option('--follow <span>', 'length of the follow-up window: months (3m), days (90d) or weeks (12w)', d.follow)
    .option('--grace <span>', 'how long after the cohort window a ticket still counts as a problem', d.grace)
    .option('--seed <n>', 'seed of the bootstrap intervals (same seed, same numbers)', String(d.seed))
    .option('--bootstrap <n>', 'bootstrap resamples per interval', String(d.bootstrap))
    .option('--baseline <span>', 'length of the baseline window before the cohort, for prior spend: months (12m), days or weeks', DEFAULT_BASELINE);
}

export interface CohortFlags {
  cohort?: string;
  follow: string;
  grace: string;
  seed: string;
  bootstrap: string;
  baseline?: string;
}

/** Checks every cohort flag without reading data; each mistake is a UsageError with an example. */
export function cohortOptionsFrom(flags: CohortFlags): CohortOptions {
  const options: CohortOptions = {
    cohort: flags.cohort ?? null,
    follow: flags.follow,
    grace: flags.grace,
    seed: wholeNumber(flags.seed, '--seed', 0, '--seed 7'),
    bootstrap: wholeNumber(flags.bootstrap, '--bootstrap', 1, '--bootstrap 2000'),
  };
  if (flags.baseline !== undefined) options.baseline = flags.baseline;
  parseCohortSpans(options);
  return options;
}

function wholeNumber(text: string, flag: string, least: number, example: string): number {
  const n = /^\s*\d{1,15}\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < least) {
    throw new UsageError(`${flag} "${text}" is not a whole number of at least ${least}, e.g. ${example}`);
  }
  return n;
}
