import { Command, Option } from 'commander';
import type { Run } from './run.js';
import { GATE_EXAMPLES } from '../analysis/gates.js';
import { DEFAULT_SLICE_OPTIONS, DIMENSIONS } from '../analysis/sliceResult.js';
import { THEME_NAMES, type ThemeName } from '../report/theme.js';
import { addCohortOptions, type CohortFlags } from './cohortOptions.js';
import { configuredFlags } from './configuredFlags.js';
import { addIngestOptions, type RawIngestFlags } from './ingestOptions.js';
import { parseOutDir } from './outDir.js';
import { TOP_HELP } from './slicesFlags.js';
import { type ReportFlags } from './reportFlags.js';

const HELP = `
Writes a complete report into DIR, for analysts, weekly CI jobs and client slides:
  report.md      headline, later spend by group, satisfaction findings, contact-reason trends
                 (weekly), prevention (weekly contact rate by reason, top reasons, root causes,
                 each --change), method, caveats, data quality, links to every chart
  report.html    the same, self-contained: charts inline as SVG, no script, no network
  summary.json   the cohort --json and slices --json documents, the weekly trends, the checks
  NAME.vl.json   each chart's Vega-Lite spec, as themed; NAME.svg its drawing; NAME.png with --png
Charts: cohorts, reason-trends (weekly), csat-by-hour, csat-by-weekday, volume-by-weekday,
csat-by-reason (with a reason column), csat-heatmap, contact-rate (each --change marked). Each is titled with its finding, and a
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

On the engines (--engine duckdb FILES, --source postgres://… TABLES) and from exported tables
(--facts-in facts.csv and/or --slices-in slices.csv, no arguments; --cohort required with
--facts-in), later spend comes from the per-customer facts and satisfaction from the slice
table, analysed as above. Drivers, prevention and weekly trends need the ticket rows: the
report says they are not computed; --week, --compare-to, the csat-drop check, --change,
--cost-per-contact and --tz are refused (64). See the README's "Engines".

Every file is written to a temporary name and renamed into place once all are ready, so an
interrupted run leaves the previous report whole. Same inputs and flags give byte-identical
files; no date is printed unless --as-of gives one. Nothing is printed on stdout.

Examples:
  loyalty report orders.csv tickets.csv --out reports/demo --png --theme slide
  loyalty report orders.csv tickets.csv --out reports/ --week last --fail-on "csat-drop>5pt"
  loyalty report orders.csv tickets.csv --out reports/2014-W17 --week 2014-W17 --compare-to reports/2014-W16
  loyalty report --engine duckdb 'orders/*.parquet' tickets.parquet --out reports/big --memory-limit 4GB
  loyalty report --source postgres://analyst@db.internal/shop shop.orders support.tickets --out reports/db
  loyalty report --facts-in facts.parquet --slices-in slices.parquet --cohort 2014-01 --out reports/warehouse`;


export function reportCommand(select: (run: Run) => void): Command {
  const cmd = new Command('report')
    .description('write report.md, report.html, summary.json and charts (SVG, PNG) into a directory; weekly mode and CI checks')
    .argument('[orders]', 'orders CSV (customer_id, order_date, amount; or a platform export); with --engine a CSV or Parquet file or glob, with --source a table')
    .argument('[tickets]', 'tickets CSV (customer_id, created_at; satisfaction for CSAT; or a help-desk export); with --engine a file or glob, with --source a table')
    .requiredOption('--out <dir>', 'directory to write the report into (created if missing)', parseOutDir)
    .option('--as-of <date>', 'the day the report is run for, YYYY-MM-DD (default: today, used only to resolve --week last)')
    .option('--week <week>', 'weekly mode: an ISO week (2026-W47) or last')
    .option('--compare-to <dir>', "read the previous week from DIR/summary.json (last week's report)")
    .option('--fail-on <rule>', 'exit 1 when a rule fires, e.g. "csat-drop>5pt" (repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--png', 'also write every chart as PNG')
    .addOption(new Option('--theme <name>', 'chart theme: default (screen) or slide (1600×900)').choices(THEME_NAMES).default('default'))
    .option('--title <text>', 'the report title (default: "Customer support and revenue" or "Weekly support report YYYY-Www")')
    .option('--by <dimensions>', `satisfaction slices: comma list of ${DIMENSIONS.join(', ')} (default: hour, weekday and every column present)`)
    .option('--min-rated <n>', 'ratings a slice needs before it can be flagged', String(DEFAULT_SLICE_OPTIONS.minRated))
    .option('--change <REASON@YYYY-MM-DD>', 'prevention: evaluate a fix to a contact reason that went live that day (repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--cost-per-contact <n>', "prevention: cost of one contact, in the data's currency")
    .option('--top <n>', TOP_HELP, String(DEFAULT_SLICE_OPTIONS.top))
    .option('--engine <name>', 'duckdb: compute the cohort facts and the slice table in DuckDB over CSV or Parquet files and globs (out of core)')
    .option('--memory-limit <size>', 'with --engine duckdb: its memory cap, e.g. 4GB (it spills to disk beyond)')
    .option('--source <url>', 'postgres://user@host/db: compute them in that database; the two arguments then name its orders and tickets tables')
    .option('--row-order <column>', 'with --source: the orders column numbering rows in file order (the first of repeated order ids is kept)')
    .option('--column <role.column=NAME>', 'with --engine or --source: the column holding a canonical column (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--facts-in <file>', 'later spend from this per-customer facts table (CSV or Parquet: loyalty sql, exported); needs --cohort')
    .option('--slices-in <file>', 'satisfaction from this slice table (CSV or Parquet: loyalty sql --query slices, exported)');
  addIngestOptions(addCohortOptions(cmd)).addHelpText('after', HELP);
  return cmd.action((orders: string | undefined, tickets: string | undefined, flags: ReportFlags) =>
    select(async (term) => (await import('./reportRun.js')).runReport(orders, tickets, await configuredFlags(cmd, flags), term)),
  );
}
