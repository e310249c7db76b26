import { Command } from 'commander';
import type { Run } from './run.js';
import { DEFAULT_SLICE_OPTIONS, DIMENSIONS } from '../analysis/sliceResult.js';
import { configuredFlags } from './configuredFlags.js';
import { addIngestOptions, type RawIngestFlags } from './ingestOptions.js';
import { parseOutDir } from './outDir.js';
import { TOP_HELP, type SlicesFlags } from './slicesFlags.js';

const HELP = `
Slices every ticket by the hour and weekday it was opened, and by reason, channel and agent
when those columns exist; gives each slice its volume, CSAT (satisfied ÷ rated, with a 95%
Wilson interval) and, when present, median wait, transfer, reopen and first-contact rates.
Each slice is tested against all other tickets (two-proportion z-test, Benjamini–Hochberg
adjusted per dimension) and flagged low or high when adjusted p < 0.05 and it has at least
--min-rated ratings. Findings rank the low slices by how many satisfied tickets they fall
short of the overall rate; the first is what to fix first.

Needs a satisfaction column (1–5, or good/bad); map one with --map tickets.satisfaction=Header.

Examples:
  loyalty slices tickets.csv
  loyalty slices tickets.csv --by hour,reason --min-rated 50
  loyalty slices tickets.csv --json > slices.json
  loyalty slices tickets.csv --out reports/slices --tz Europe/Berlin
  loyalty slices --engine duckdb 'tickets/*.parquet' --memory-limit 4GB
  loyalty slices --source postgres://analyst@db.internal/shop support.tickets
  loyalty slices --facts-in slices.parquet

--engine duckdb and --source compute the per-slice counts and median waits in DuckDB (CSV,
Parquet, globs) or PostgreSQL; --facts-in reads them from the exported result of
loyalty sql --query slices (CSV or Parquet). Both read the wall clock as written: --tz is
refused with them. See the README's "Engines".

--out DIR writes slices.md and Vega-Lite charts: csat-by-hour, csat-by-weekday,
volume-by-weekday, csat-by-reason, csat-heatmap (.vl.json), for the dimensions analysed.`;


export function slicesCommand(select: (run: Run) => void): Command {
  const cmd = new Command('slices')
    .description('where and when satisfaction drops: CSAT by hour, weekday, reason, channel and agent')
    .argument('[tickets]', 'tickets CSV (needs customer_id, created_at and satisfaction); with --engine a CSV or Parquet file or glob, with --source a table')
    .option('--by <dimensions>', `comma list of ${DIMENSIONS.join(', ')} (default: hour, weekday and every column present)`)
    .option('--json', 'print the result as one JSON document on stdout')
    .option('--out <dir>', 'write slices.md and the Vega-Lite charts into DIR', parseOutDir)
    .option('--min-rated <n>', 'ratings a slice needs before it can be flagged', String(DEFAULT_SLICE_OPTIONS.minRated))
    .option('--top <n>', TOP_HELP, String(DEFAULT_SLICE_OPTIONS.top))
    .option('--engine <name>', 'duckdb: compute the slice table in DuckDB over a CSV or Parquet file or glob (out of core)')
    .option('--memory-limit <size>', 'with --engine duckdb: its memory cap, e.g. 4GB (it spills to disk beyond)')
    .option('--source <url>', 'postgres://user@host/db: compute the slice table in that database; the argument then names its tickets table')
    .option('--column <role.column=NAME>', 'with --engine or --source: the column holding a canonical column, e.g. tickets.reason=topic (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--facts-in <file>', 'read the slice table from FILE (CSV or Parquet), the exported result of loyalty sql --query slices');
  addIngestOptions(cmd).addHelpText('after', HELP);
  return cmd.action((file: string | undefined, flags: SlicesFlags) => select(async (term) => (await import('./slicesRun.js')).runSlices(file, await configuredFlags(cmd, flags), term)));
}
