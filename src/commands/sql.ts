import { Command } from 'commander';
import type { Run } from './run.js';
import { configuredFlags } from './configuredFlags.js';
import { DEFAULT_BASELINE, DEFAULT_COHORT_OPTIONS } from '../analysis/cohortResult.js';
import { type SqlFlags } from './sqlFlags.js';

const HELP = `
Prints the facts stage of the cohort analysis as one SQL query for your database or
warehouse: orders and tickets in, one row per cohort member out, with the columns of the
facts table (customer_id, group, … first_problem_at, pre_spend, last_problem_at,
linked_tickets, excluded_tickets, and the run's context: the windows, the counted orders'
first and last day, the resolution rule, the currency). Run it there, export the result as
CSV or Parquet, and finish with loyalty cohort --facts-in FILE --cohort … (the same --cohort,
--follow, --grace and --baseline): the same JSON as loyalty cohort on the files. The query
follows the rules of loyalty cohort exactly (counted orders, one row per order id, windows,
grace, tickets linked by order id, resolution); see the README's "Engines" section.

Tables and columns: --orders-table and --tickets-table name the tables (schema.table
allowed); columns default to their canonical names (orders.customer_id, orders.order_date,
orders.amount, orders.order_id, orders.status; tickets.customer_id, tickets.created_at,
tickets.order_id, tickets.status, tickets.resolved, tickets.satisfaction) and are renamed
with --column role.column=NAME (repeatable). Optional columns the tables lack go in
--absent, e.g. --absent tickets.resolved,orders.status.

Repeated order ids: the CSV path keeps the first row in the file. Give --row-order COLUMN
(a column numbering the rows in file order, e.g. the line number kept when loading) to get
the same rows; without it the earliest order date wins, then the smallest amount.

--cohort is required for the facts query (it does not look at your data to choose a month).

--query slices prints the table loyalty slices is built from instead: per hour, ISO weekday
(1 = Monday), reason, channel, agent and weekday-hour cell, the tickets, ratings, score sums,
transfer, reopen and first-contact counts and the exact median wait. Export its result (CSV
with a header, or Parquet) and read it with loyalty slices --facts-in FILE. It reads the
operational columns too (wait_seconds, first_response_at, transfers, reopens, contacts,
first_contact_resolved): list those the table lacks in --absent.

Examples:
  loyalty sql --dialect bigquery --cohort 2014-01 --orders-table shop.orders --tickets-table shop.tickets
  loyalty sql --dialect postgres --cohort 2014-01 --column orders.amount=total_price --absent tickets.resolved
  loyalty sql --dialect snowflake --cohort 2014-01..2014-03 --follow 90d --row-order line > facts.sql
  loyalty sql --dialect bigquery --cohort 2014-01 --currency USD > facts.sql   # then, on the export:
  loyalty cohort --facts-in facts.csv --cohort 2014-01
  loyalty sql --dialect trino --query slices --tickets-table support.tickets --absent tickets.first_response_at`;


export function sqlCommand(select: (run: Run) => void): Command {
  const d = DEFAULT_COHORT_OPTIONS;
  const cmd = new Command('sql')
    .description('print the per-member facts query for DuckDB, PostgreSQL, BigQuery, Snowflake, Spark or Trino')
    .option('--dialect <name>', 'duckdb, postgres, bigquery, snowflake, spark or trino')
    .option('--query <name>', 'facts (one row per cohort member) or slices (the per-slice table loyalty slices --facts-in reads)', 'facts')
    .option('--cohort <window>', 'cohort window: YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (required)')
    .option('--follow <span>', 'length of the follow-up window: months (3m), days (90d) or weeks (12w)', d.follow)
    .option('--grace <span>', 'how long after the cohort window a ticket still counts as a problem', d.grace)
    .option('--baseline <span>', 'length of the baseline window before the cohort, for prior spend (12m)', DEFAULT_BASELINE)
    .option('--currency <code>', "the amounts' currency, written in the currency column (e.g. USD)")
    .option('--orders-table <name>', 'the orders table (default: orders)')
    .option('--tickets-table <name>', 'the tickets table (default: tickets)')
    .option('--column <role.column=NAME>', 'the column holding a canonical column, e.g. orders.amount=total (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--absent <columns>', 'optional columns the tables do not have, comma-separated')
    .option('--row-order <column>', 'orders column numbering the rows in file order (first of repeated order ids kept)')
    .option('--config <file>', 'read options from this JSON file (default: ./loyalty.config.json when present); flags override it')
    .addHelpText('after', HELP);
  return cmd.action((flags: SqlFlags) => select(async (term) => (await import('./sqlRun.js')).runSql(await configuredFlags(cmd, flags), term)));
}
