import { runCohortAnalysis } from '../analysis/cohorts.js';
import { cohortChartSpec } from '../report/charts/cohorts.js';
import { cohortCaveats } from '../report/cohortCaveats.js';
import { cohortJson } from '../report/cohortJson.js';
import { cohortMarkdown } from '../report/cohortMarkdown.js';
import { cohortTerminal } from '../report/cohortTerminal.js';
import { stableJson } from '../report/format.js';
import type { Terminal } from '../terminal.js';
import { cohortOptionsFrom } from './cohortOptions.js';
import { ingestOptionsFrom } from './ingestOptions.js';
import { loadInputs } from './loadInputs.js';
import { writeOutputDir } from './writeOutputDir.js';
import { CHART_FILE, REPORT_FILE, type CohortCommandFlags } from './cohort.js';

/**
 * What `loyalty cohort` does once its flags are parsed: a module of its own, imported when the
 * command runs, so that `loyalty --help` does not load the analysis and report code behind it.
 */
export async function runCohort(ordersFile: string, ticketsFile: string, flags: CohortCommandFlags, term: Terminal): Promise<number> {
  // Every flag is checked before a file is read, so a typo fails fast on a large export.
  const { result, quality } =
    flags.engine !== undefined || flags.source !== undefined ? await (await import('./cohortEngineRun.js')).cohortOnEngine(ordersFile, ticketsFile, flags) : await inProcess(ordersFile, ticketsFile, flags, term);

  if (flags.out !== undefined) {
    const files = [
      { name: REPORT_FILE, content: cohortMarkdown(result, quality, [{ title: 'Mean later spend by group', file: CHART_FILE }]) },
      { name: CHART_FILE, content: stableJson(cohortChartSpec(result)) },
    ];
    const written = await writeOutputDir(flags.out, files, [REPORT_FILE]);
    term.err(`wrote ${written.join(', ')}`);
  }
  term.out(flags.json ? stableJson(cohortJson(result, quality)) : cohortTerminal(result, term.color));
  // After the result, so on a terminal the caveat is the last thing read (censoring above all).
  for (const warning of cohortCaveats(result).warnings) term.warn(warning);
  return 0;
}

async function inProcess(ordersFile: string, ticketsFile: string, flags: CohortCommandFlags, term: Terminal) {
  const options = cohortOptionsFrom(flags);
  const ingest = ingestOptionsFrom(flags);
  const { orders, tickets, quality } = await loadInputs(ordersFile, ticketsFile, ingest, flags, term);
  return { result: runCohortAnalysis(orders, tickets, options), quality };
}
