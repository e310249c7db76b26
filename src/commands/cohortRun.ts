import { cohortAnalysis } from '../analysis/cohorts.js';
import { monthlyCohorts } from '../analysis/monthlyCohorts.js';
import { parseMonthRange } from '../analysis/windows.js';
import { adjustedOutFiles, writeFactsFile } from './cohortFiles.js';
import { cohortChartSpec } from '../report/charts/cohorts.js';
import { cohortCaveats } from '../report/cohortCaveats.js';
import { cohortJson } from '../report/cohortJson.js';
import { cohortMarkdown } from '../report/cohortMarkdown.js';
import { cohortTerminal } from '../report/cohortTerminal.js';
import { stableJson } from '../report/format.js';
import { UsageError } from '../errors.js';
import type { Terminal } from '../terminal.js';
import { cohortOptionsFrom } from './cohortOptions.js';
import { ingestOptionsFrom } from './ingestOptions.js';
import { loadInputs } from './loadInputs.js';
import { warnAboutQuality } from './qualityWarnings.js';
import { statusTerminal } from './statusTerminal.js';
import { writeOutputDir } from './writeOutputDir.js';
import { CHART_FILE, REPORT_FILE, type CohortCommandFlags } from './cohortFlags.js';

/**
 * What `loyalty cohort` does once its flags are parsed: a module of its own, imported when the
 * command runs, so that `loyalty --help` does not load the analysis and report code behind it.
 */
export async function runCohort(ordersFile: string | undefined, ticketsFile: string | undefined, flags: CohortCommandFlags, term: Terminal): Promise<number> {
  // Every flag is checked before a file is read, so a typo fails fast on a large export.
  const status = statusTerminal(term, flags);
  const { result, quality, facts } = await analysis(ordersFile, ticketsFile, flags, status);
  if (flags.facts !== undefined) {
    await writeFactsFile(flags.facts, facts);
    term.err(`wrote ${flags.facts}`);
  }
  if (flags.out !== undefined) {
    const adjusted = adjustedOutFiles(result, facts);
    const files = [
      { name: REPORT_FILE, content: cohortMarkdown(result, quality, [{ title: 'Mean later spend by group', file: CHART_FILE }, ...adjusted.charts]) },
      { name: CHART_FILE, content: stableJson(cohortChartSpec(result)) },
      ...adjusted.files,
    ];
    const { written } = await writeOutputDir(flags.out, files, { last: [REPORT_FILE] });
    status.err(`wrote ${written.join(', ')}`);
  }
  term.out(flags.json ? stableJson(cohortJson(result, quality)) : cohortTerminal(result, term.color));
  // After the result, so on a terminal the caveat is the last thing read (censoring above all),
  // set off from the result's last line by an empty one (on stderr: stdout stays the result).
  const warnings = cohortCaveats(result).warnings;
  if (warnings.length > 0) status.err('');
  for (const warning of warnings) status.warn(warning);
  return 0;
}

/** Where the members' facts come from: a facts file, an engine, or the orders and tickets read here. */
async function analysis(ordersFile: string | undefined, ticketsFile: string | undefined, flags: CohortCommandFlags, status: Terminal) {
  if (flags.factsIn !== undefined) {
    if (ordersFile !== undefined || ticketsFile !== undefined) {
      throw new UsageError('--facts-in replaces <orders> <tickets>: give the facts file alone, e.g. loyalty cohort --facts-in facts.csv --cohort 2014-01');
    }
    if (flags.engine !== undefined || flags.source !== undefined) throw new UsageError('--facts-in cannot be used with --engine or --source: the facts are already computed');
    return (await import('./cohortFactsIn.js')).cohortFromFactsFile(flags.factsIn, flags, status);
  }
  if (ordersFile === undefined || ticketsFile === undefined) {
    throw new UsageError('cohort needs <orders> and <tickets> (or --facts-in FILE with a per-customer facts table); see loyalty cohort --help');
  }
  if (flags.engine !== undefined || flags.source !== undefined) {
    return onEngine(ordersFile, ticketsFile, flags, status);
  }
  return inProcess(ordersFile, ticketsFile, flags, status);
}

async function inProcess(ordersFile: string, ticketsFile: string, flags: CohortCommandFlags, status: Terminal) {
  const options = cohortOptionsFrom(flags);
  const ingest = ingestOptionsFrom(flags);
  const { orders, tickets, quality } = await loadInputs(ordersFile, ticketsFile, ingest, flags, status);
  const { result, facts } = cohortAnalysis(orders, tickets, options);
  const months = options.cohort === null ? null : parseMonthRange(options.cohort);
  if (months !== null) result.monthly = monthlyCohorts(orders, tickets, options, months);
  return { result, quality, facts };
}

/** The facts stage in an engine (cohortEngineRun.ts); its data-quality warnings as the CSV path prints them. */
async function onEngine(ordersFile: string, ticketsFile: string, flags: CohortCommandFlags, status: Terminal) {
  const run = await (await import('./cohortEngineRun.js')).cohortOnEngine(ordersFile, ticketsFile, flags);
  warnAboutQuality(run.quality.orders, status);
  warnAboutQuality(run.quality.tickets, status);
  return run;
}
