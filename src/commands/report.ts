import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import type { Run } from '../cli.js';
import { DataError, EXIT, InputMissingError, OutputError, UsageError } from '../errors.js';
import type { CohortResult } from '../analysis/cohortResult.js';
import { runCohortAnalysis } from '../analysis/cohorts.js';
import { checkGatesNeedingWeek, evaluateGates, gateMetrics, parseGate, GATE_EXAMPLES } from '../analysis/gates.js';
import { parseAsOf, previousWeek, resolveReportWeek, type ReportWeek } from '../analysis/reportWeek.js';
import { scopeReport } from '../analysis/reportScope.js';
import { parseDimensions, resolveDimensions } from '../analysis/sliceDimensions.js';
import { DEFAULT_SLICE_OPTIONS, DIMENSIONS } from '../analysis/sliceResult.js';
import { analyzeSlices } from '../analysis/slices.js';
import { previousWeekFromSummary, weeklyTrends, type WeekCounts } from '../analysis/weeklyTrends.js';
import { cohortCaveats } from '../report/cohortCaveats.js';
import { DOCUMENTS, isReportFile, reportFiles } from '../report/reportFiles.js';
import { THEME_NAMES, type ThemeName } from '../report/theme.js';
import { removeStale, writeOutputSet } from '../report/write.js';
import type { Terminal } from '../terminal.js';
import { dayOf, type Day } from '../time/calendar.js';
import { addCohortOptions, cohortOptionsFrom, type CohortFlags } from './cohortOptions.js';
import { configuredFlags } from './configuredFlags.js';
import { addIngestOptions, ingestOptionsFrom, type RawIngestFlags } from './ingestOptions.js';
import { loadInputs } from './loadInputs.js';
import { parseMinRated } from './slices.js';

const HELP = `
Writes a complete report into DIR, for analysts, weekly CI jobs and client slides:
  report.md      headline, later spend by group, satisfaction findings, contact-reason trends
                 (weekly), method, caveats, data quality, links to every chart
  report.html    the same, self-contained: charts inline as SVG, no script, no network
  summary.json   the cohort --json and slices --json documents, the weekly trends, the checks
  NAME.vl.json   each chart's Vega-Lite spec, as themed; NAME.svg its drawing; NAME.png with --png
Charts: cohorts, reason-trends (weekly), csat-by-hour, csat-by-weekday, volume-by-weekday,
csat-by-reason (with a reason column), csat-heatmap. Each is titled with its finding, and a
gap's title says when it is not significant.

--theme slide draws 1600×900 charts with large type, an action title ("Resolved problems: +6%
later spend vs no problem (not significant)"), sample size and period in the subtitle and the
source files in a footer; the three groups keep the same colour-blind-safe colours everywhere.

Weekly mode (--week 2026-W47, or --week last: the last full ISO week before --as-of, default
today) is the report as of the week's Sunday: later spend uses only orders and tickets dated
up to then (the cohort is the latest month with a complete follow-up by that day), the
satisfaction section covers the week's tickets, and a trends section compares the week with
the one before: top 5 contact reasons with counts and change, ticket volume, and CSAT with the
change in points and its test. --compare-to DIR reads the previous week from DIR/summary.json
instead of recounting it. If --out ends in /, the report goes to DIR/YYYY-Www/. When the data
up to the week's end holds no cohort yet, the report still goes out and says why.

Checks for CI (--fail-on, repeatable; also "report": {"failOn": [...]} in the config):
  ${GATE_EXAMPLES.replace(/\), /g, ')\n  ').replace('; comparisons', '\n  comparisons')}.
The report is still written; then each rule's outcome goes to stderr and the exit code is 1
if any rule fired.

Every file is written to a temporary name and renamed into place once all are ready, so an
interrupted run leaves the previous report whole. Same inputs and flags give byte-identical
files; no date is printed unless --as-of gives one. Nothing is printed on stdout.

Examples:
  loyalty report orders.csv tickets.csv --out reports/demo --png --theme slide
  loyalty report orders.csv tickets.csv --out reports/ --week last --fail-on "csat-drop>5pt"
  loyalty report orders.csv tickets.csv --out reports/2014-W17 --week 2014-W17 --compare-to reports/2014-W16`;

interface ReportFlags extends RawIngestFlags, CohortFlags {
  out: string;
  asOf?: string;
  week?: string;
  compareTo?: string;
  failOn: string[];
  png?: boolean;
  theme: ThemeName;
  title?: string;
  by?: string;
  minRated: string;
}

export function reportCommand(select: (run: Run) => void): Command {
  const cmd = new Command('report')
    .description('write report.md, report.html, summary.json and charts (SVG, PNG) into a directory; weekly mode and CI checks')
    .argument('<orders>', 'orders CSV (customer_id, order_date, amount; or a platform export)')
    .argument('<tickets>', 'tickets CSV (customer_id, created_at; satisfaction for CSAT; or a help-desk export)')
    .requiredOption('--out <dir>', 'directory to write the report into (created if missing)')
    .option('--as-of <date>', 'the day the report is run for, YYYY-MM-DD (default: today, used only to resolve --week last)')
    .option('--week <week>', 'weekly mode: an ISO week (2026-W47) or last')
    .option('--compare-to <dir>', "read the previous week from DIR/summary.json (last week's report)")
    .option('--fail-on <rule>', 'exit 1 when a rule fires, e.g. "csat-drop>5pt" (repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--png', 'also write every chart as PNG')
    .addOption(new Option('--theme <name>', 'chart theme: default (screen) or slide (1600×900)').choices(THEME_NAMES).default('default'))
    .option('--title <text>', 'the report title (default: "Customer support and revenue" or "Weekly support report YYYY-Www")')
    .option('--by <dimensions>', `satisfaction slices: comma list of ${DIMENSIONS.join(', ')} (default: hour, weekday and every column present)`)
    .option('--min-rated <n>', 'ratings a slice needs before it can be flagged', String(DEFAULT_SLICE_OPTIONS.minRated));
  addIngestOptions(addCohortOptions(cmd)).addHelpText('after', HELP);
  return cmd.action((orders: string, tickets: string, flags: ReportFlags) =>
    select(async (term) => runReport(orders, tickets, await configuredFlags(cmd, flags), term)),
  );
}

async function runReport(ordersFile: string, ticketsFile: string, flags: ReportFlags, term: Terminal): Promise<number> {
  // Every flag is checked before a file is read, so a typo fails fast on a large export.
  const options = cohortOptionsFrom(flags);
  const ingest = ingestOptionsFrom(flags);
  const requested = flags.by === undefined ? null : parseDimensions(flags.by);
  const minRated = parseMinRated(flags.minRated);
  const gates = flags.failOn.map(parseGate);
  const asOf = flags.asOf === undefined ? null : parseAsOf(flags.asOf);
  const week = flags.week === undefined ? null : resolveReportWeek(flags.week, asOf ?? today());
  checkGatesNeedingWeek(gates, week !== null);
  if (flags.compareTo !== undefined && week === null) {
    throw new UsageError('--compare-to needs --week: it reads the previous week of a weekly report, e.g. --week last --compare-to reports/2026-W46');
  }
  const dir = week !== null && /[/\\]$/.test(flags.out) ? join(flags.out, week.label) : flags.out;
  const previous = week === null || flags.compareTo === undefined ? undefined : await readPreviousWeek(flags.compareTo, week);

  const { orders, tickets, quality } = await loadInputs(ordersFile, ticketsFile, ingest, flags, term);

  const scoped = scopeReport(orders, tickets, week, asOf);
  const { cohort, cohortProblem } = weeklyCohort(() => runCohortAnalysis(scoped.cohortOrders, scoped.cohortTickets, options), week !== null);
  if (cohortProblem !== null) term.warn(`later spend not analysed: ${cohortProblem}`);
  const weekEmpty = week !== null && scoped.sliceTickets.records.length === 0;
  if (weekEmpty) term.warn(`no tickets were opened in ${week.label} (${scoped.scope.week!.start}..${scoped.scope.week!.end}); check --week and --as-of against the dates in ${ticketsFile}`);
  const by = resolveDimensions(requested, tickets.present, tickets.quality.file);
  const slices = tickets.present.has('satisfaction') && !weekEmpty ? analyzeSlices(scoped.sliceTickets, { by, minRated }) : null;
  const trends = week === null ? null : weeklyTrends(tickets.records, week, previous);
  const outcomes = evaluateGates(gates, gateMetrics(cohort, [orders.quality, tickets.quality], trends));
  const checks = outcomes.map((o) => ({ rule: o.gate.text, value: o.value, fired: o.fired, message: o.message }));

  term.err(`drawing the charts${flags.png ? ' (SVG and PNG)' : ''}…`);
  const { files, warnings } = await reportFiles({ title: flags.title ?? null, theme: flags.theme, png: Boolean(flags.png), scope: scoped.scope, cohort, cohortProblem, slices, trends, quality, checks });
  for (const w of warnings) term.warn(`chart ${w}`);
  await writeOutputSet(dir, files, DOCUMENTS).catch((e: NodeJS.ErrnoException) => {
    throw new OutputError(`cannot write the report into ${dir} (${e.code ?? e.message}); check that ${dir} is a writable directory with free space.`);
  });
  const removed = await removeStale(dir, files, isReportFile);
  term.err(`wrote ${files.length} files to ${dir}${removed.length > 0 ? `; removed ${removed.join(', ')} of an earlier run` : ''}`);

  for (const warning of cohort === null ? [] : cohortCaveats(cohort).warnings) term.warn(warning);
  for (const o of outcomes) term.err(`check ${o.message}`);
  return outcomes.some((o) => o.fired) ? EXIT.gate : EXIT.ok;
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
