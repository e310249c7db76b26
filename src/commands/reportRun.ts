import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, EXIT, InputMissingError, UsageError } from '../errors.js';
import type { CohortResult } from '../analysis/cohortResult.js';
import { runCohortAnalysis } from '../analysis/cohorts.js';
import { monthlyCohorts } from '../analysis/monthlyCohorts.js';
import { parseMonthRange } from '../analysis/windows.js';
import { checkGatesNeedingWeek, evaluateGates, gateMetrics, parseGate, WEEKLY_METRICS } from '../analysis/gates.js';
import { parseAsOf, previousWeek, resolveReportWeek, type ReportWeek } from '../analysis/reportWeek.js';
import { scopeReport } from '../analysis/reportScope.js';
import { parseDimensions, resolveDimensions } from '../analysis/sliceDimensions.js';
import type { Dimension } from '../analysis/sliceResult.js';
import { analyzeSlices } from '../analysis/slices.js';
import { runPreventionAnalysis } from '../analysis/prevention.js';
import { preventionOptionsFrom } from './preventionRun.js';
import { analyzeDrivers } from '../analysis/drivers.js';
import { previousWeekFromSummary } from '../analysis/weekCountsJson.js';
import { weeklyTrends, type WeekCounts } from '../analysis/weeklyTrends.js';
import { cohortCaveats } from '../report/cohortCaveats.js';
import { DOCUMENTS, isReportFile, reportFiles, type ReportSections } from '../report/reportFiles.js';
import type { Terminal } from '../terminal.js';
import { dayOf } from '../time/calendar.js';
import { cohortOptionsFrom } from './cohortOptions.js';
import { ingestOptionsFrom } from './ingestOptions.js';
import { loadInputs } from './loadInputs.js';
import { parseMinRated, parseTop } from './slicesFlags.js';
import { statusTerminal } from './statusTerminal.js';
import type { ReportFlags } from './reportFlags.js';
import { checkTableReportFlags, reportTableInputs, reportUsesTables } from './reportEngineInputs.js';
import { writeOutputDir } from './writeOutputDir.js';
import type { Day } from '../model/time.js';

/**
 * What `loyalty report` does once its flags are parsed: a module of its own, imported when the
 * command runs, so that `loyalty --help` does not load the analysis and report code behind it.
 */
export async function runReport(ordersFile: string | undefined, ticketsFile: string | undefined, flags: ReportFlags, term: Terminal): Promise<number> {
  // Every flag is checked before a file is read, so a typo fails fast on a large export.
  const options = cohortOptionsFrom(flags);
  const ingest = ingestOptionsFrom(flags);
  const requested = flags.by === undefined ? null : parseDimensions(flags.by);
  const minRated = parseMinRated(flags.minRated);
  const top = parseTop(flags.top);
  const gates = flags.failOn.map(parseGate);
  const preventionOptions = preventionOptionsFrom(flags);
  const asOf = flags.asOf === undefined ? null : parseAsOf(flags.asOf);
  const week = flags.week === undefined ? null : resolveReportWeek(flags.week, asOf ?? today());
  const tables = reportUsesTables(flags);
  if (tables) checkTableReportFlags(flags, week !== null || gates.some((g) => WEEKLY_METRICS.includes(g.metric)));
  checkGatesNeedingWeek(gates, week !== null);
  if (flags.compareTo !== undefined && week === null) {
    throw new UsageError('--compare-to needs --week: it reads the previous week of a weekly report, e.g. --week last --compare-to reports/2026-W46');
  }
  const dir = week !== null && /[/\\]$/.test(flags.out) ? join(flags.out, week.label) : flags.out;
  const previous = week === null || flags.compareTo === undefined ? undefined : await readPreviousWeek(flags.compareTo, week);

  const status = statusTerminal(term, flags);
  const sections = tables
    ? await reportTableInputs(ordersFile, ticketsFile, flags, { top, asOf }, status)
    : await inProcessSections(ordersFile, ticketsFile, flags, { options, ingest, requested, minRated, top, preventionOptions, week, asOf, previous }, status);
  const { cohort, quality, trends } = sections;
  const outcomes = evaluateGates(gates, gateMetrics(cohort, [quality.orders, quality.tickets], trends));
  const checks = outcomes.map((o) => ({ rule: o.gate.text, value: o.value, fired: o.fired, message: o.message }));

  status.err(`drawing the charts${flags.png ? ' (SVG and PNG)' : ''}…`);
  const { files, warnings } = await reportFiles({ title: flags.title ?? null, theme: flags.theme, png: Boolean(flags.png), ...sections, checks });
  for (const w of warnings) status.warn(`chart ${w}`);
  const { removed } = await writeOutputDir(dir, files, { last: DOCUMENTS, ours: isReportFile, what: 'the report ' });
  status.err(`wrote ${files.length} files to ${dir}${removed.length > 0 ? `; removed ${removed.join(', ')} of an earlier run` : ''}`);

  for (const warning of cohort === null ? [] : cohortCaveats(cohort).warnings) status.warn(warning);
  // A rule that fired is why the exit code is 1: said even under --quiet.
  for (const o of outcomes) (o.fired ? term : status).err(`check ${o.message}`);
  return outcomes.some((o) => o.fired) ? EXIT.gate : EXIT.ok;
}

/** The sections from the orders and tickets files, read and analysed in process. */
async function inProcessSections(
  ordersFile: string | undefined,
  ticketsFile: string | undefined,
  flags: ReportFlags,
  checked: {
    options: ReturnType<typeof cohortOptionsFrom>;
    ingest: ReturnType<typeof ingestOptionsFrom>;
    requested: Dimension[] | null;
    minRated: number;
    top: number;
    preventionOptions: ReturnType<typeof preventionOptionsFrom>;
    week: ReportWeek | null;
    asOf: Day | null;
    previous: WeekCounts | undefined;
  },
  status: Terminal,
): Promise<ReportSections> {
  if (ordersFile === undefined || ticketsFile === undefined) {
    throw new UsageError('report needs <orders> <tickets> (or --engine, --source, or --facts-in and --slices-in with exported tables); see loyalty report --help');
  }
  const { options, week, minRated, top } = checked;
  const { orders, tickets, quality } = await loadInputs(ordersFile, ticketsFile, checked.ingest, flags, status);
  const scoped = scopeReport(orders, tickets, week, checked.asOf);
  const weekEmpty = week !== null && scoped.sliceTickets.table.length === 0;
  const satisfaction = () => {
    const by = resolveDimensions(checked.requested, tickets.present, tickets.quality.file);
    const slices = tickets.present.has('satisfaction') && !weekEmpty ? analyzeSlices(scoped.sliceTickets, { by, minRated, top }) : null;
    return { slices, drivers: slices === null ? null : analyzeDrivers(scoped.sliceTickets, slices, { minRated }) };
  };
  // The slices and drivers are computed while the cohort's bootstraps resample (a result of
  // their own; an error of theirs is kept and thrown after the cohort, as if they came after).
  const side: { done: boolean; value?: ReturnType<typeof satisfaction>; error?: unknown } = { done: false };
  const meanwhile = () => {
    side.done = true;
    try {
      side.value = satisfaction();
    } catch (error) {
      side.error = error ?? new Error('slices failed');
    }
  };
  const { cohort, cohortProblem } = weeklyCohort(() => runCohortAnalysis(scoped.cohortOrders, scoped.cohortTickets, options, meanwhile), week !== null);
  if (cohortProblem !== null) status.warn(`later spend not analysed: ${cohortProblem}`);
  const months = options.cohort === null ? null : parseMonthRange(options.cohort);
  if (cohort !== null && months !== null) cohort.monthly = monthlyCohorts(scoped.cohortOrders, scoped.cohortTickets, options, months);
  if (weekEmpty) status.warn(`no tickets were opened in ${week.label} (${scoped.scope.week!.start}..${scoped.scope.week!.end}); check --week and --as-of against the dates in ${ticketsFile}`);
  if (side.error !== undefined) throw side.error;
  const { slices, drivers } = side.done ? side.value! : satisfaction();
  const trends = week === null ? null : weeklyTrends(tickets.table, week, checked.previous);
  // Over the tickets and orders dated up to the report's end (the week's Sunday in weekly mode).
  const prevention = scoped.cohortTickets.table.length === 0 ? null : runPreventionAnalysis(scoped.cohortOrders, scoped.cohortTickets, checked.preventionOptions);
  return { scope: scoped.scope, cohort, cohortProblem, slices, drivers, trends, prevention, quality };
}

/**
 * A weekly report still goes out when the data as of the week's end holds no cohort to
 * analyse yet (e.g. the first weeks of an export): the later-spend section says why. A plain
 * report exists for that analysis, so there the error stands.
 */
function weeklyCohort(run: () => CohortResult, weekly: boolean): { cohort: CohortResult | null; cohortProblem: string | null } {
  try {
    return { cohort: run(), cohortProblem: null };
  } catch (e) {
    if (weekly && e instanceof DataError) return { cohort: null, cohortProblem: e.message };
    throw e;
  }
}

/** --compare-to DIR: the previous week as last week's report counted it. */
async function readPreviousWeek(dir: string, week: ReportWeek): Promise<WeekCounts> {
  const file = join(dir, 'summary.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new InputMissingError(`--compare-to ${dir}: cannot read ${file} (${code}); give the directory of last week's report.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataError(`${file}: not valid JSON; pass the unedited summary.json of last week's report`);
  }
  return previousWeekFromSummary(json, file, previousWeek(week));
}

/** Today's date, only ever used to resolve --week last (it is printed nowhere). */
function today(): Day {
  return dayOf(Date.now());
}
