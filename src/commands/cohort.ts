import { Command } from 'commander';
import type { Run } from './run.js';
import { addCohortOptions, type CohortFlags } from './cohortOptions.js';
import { configuredFlags } from './configuredFlags.js';
import { addIngestOptions, type RawIngestFlags } from './ingestOptions.js';
import { parseOutDir } from './outDir.js';
import { type CohortCommandFlags, REPORT_FILE, CHART_FILE } from './cohortFlags.js';

const HELP = `
Takes the customers who bought in one period (the cohort) and splits them by what happened
when they contacted support about it: no problem (no ticket), problem resolved, or problem
unresolved. Then compares what each group spent afterwards (the follow-up window): mean and
median later spend with a 95% bootstrap interval, repeat rate, and Welch and Mann–Whitney
tests between every pair of groups. The headline gives each gap with its p-value.

  cohort        a month (2014-01), a month range (2014-01..2014-06: each complete month
                too, with the trend of its gap) or an inclusive range (2014-01-01..2014-01-31); members
                are the customers with a counted order in it. Default: the latest month
                whose whole follow-up window is inside the data.
  follow-up     starts the day after the cohort window and lasts --follow (3m, 90d, 12w).
  problem       a member's ticket created from the cohort start to the cohort end plus
                --grace (a ticket naming a cohort order by order_id counts whatever its date).
  resolved      every problem ticket resolved: the resolved column, else status
                solved/closed/resolved with a satisfied score when rated.
  later spend   counted orders in the follow-up (refunds subtract; cancelled, refunded,
                voided and failed orders do not count).

If the data ends before the follow-up window does, the later spend is partial: loyalty says
so on stderr and in the report. The groups are observed, not assigned, so a gap is an
association, not the effect of resolving a problem.

Examples:
  loyalty cohort orders.csv tickets.csv
  loyalty cohort orders.csv tickets.csv --cohort 2014-01 --follow 90d
  loyalty cohort orders.csv tickets.csv --json > cohort.json
  loyalty cohort shopify_orders.csv zendesk_tickets.csv --out reports/2014-01 --tz Europe/Berlin
  loyalty cohort --engine duckdb 'orders/*.parquet' tickets.parquet --memory-limit 4GB
  loyalty cohort --source postgres://analyst@db.internal/shop shop.orders support.tickets
  loyalty cohort orders.csv tickets.csv --cohort 2014-01 --facts facts.parquet
  loyalty cohort --facts-in facts.parquet --cohort 2014-01 --json

--out DIR writes report.md (tables, method, caveats, data quality) and cohorts.vl.json
(a Vega-Lite chart of mean later spend with its intervals).
--engine duckdb and --source run the per-member facts stage in DuckDB or PostgreSQL (the same
rules, as SQL) and finish here: the same numbers as reading the CSV files. They read
canonical column names (any case) or --column role.column=NAME; see the README's "Engines".
--facts FILE writes the per-customer facts table (one row per member, with the run's windows,
data range, resolution rule and currency on every row). --facts-in FILE finishes the analysis
from such a table instead of <orders> <tickets>: written by --facts, or loyalty sql's result
exported from a warehouse (CSV, or Parquet when FILE ends in .parquet). It needs --cohort, and
--follow/--grace/--baseline must be the ones the facts were computed for (checked against the
file); the output is the same as from the orders and tickets, but proactiveFollowUp and a month
range's monthly, which need per-ticket and per-order data, are left out.
Options can also come from loyalty.config.json ("windows", "seed", "sql"); flags override it.`;



export function cohortCommand(select: (run: Run) => void): Command {
  const cmd = new Command('cohort')
    .description('later spend of customers whose problem was resolved, left unresolved, or who had none')
    .argument('[orders]', 'orders CSV (customer_id, order_date, amount; or a platform export)')
    .argument('[tickets]', 'tickets CSV (customer_id, created_at; or a help-desk export)');
  addCohortOptions(cmd)
    .option('--json', 'print the result as one JSON document on stdout')
    .option('--out <dir>', `write ${REPORT_FILE}, ${CHART_FILE}, facts.csv, recovery.csv and the repurchase and adjusted-vs-raw charts into DIR`, parseOutDir)
    .option('--facts <file>', 'write the per-customer facts table to FILE: Parquet when it ends in .parquet, else CSV')
    .option('--facts-in <file>', 'finish the analysis from a per-customer facts table (--facts or loyalty sql output; Parquet when it ends in .parquet) instead of <orders> <tickets>; needs --cohort')
    .option('--engine <name>', 'duckdb: compute the per-member facts in DuckDB over CSV or Parquet files and globs (out of core)')
    .option('--memory-limit <size>', 'with --engine duckdb: its memory cap, e.g. 4GB (it spills to disk beyond)')
    .option('--source <url>', 'postgres://user@host/db: compute the facts in that database; the two arguments then name its orders and tickets tables')
    .option('--row-order <column>', 'with --source: the orders column numbering rows in file order (the first of repeated order ids is kept)')
    .option('--column <role.column=NAME>', 'with --engine or --source: the column holding a canonical column (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
  addIngestOptions(cmd).addHelpText('after', HELP);
  return cmd.action((orders: string | undefined, tickets: string | undefined, flags: CohortCommandFlags) =>
    select(async (term) => (await import('./cohortRun.js')).runCohort(orders, tickets, await configuredFlags(cmd, flags), term)),
  );
}
