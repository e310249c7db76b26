import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDuckDb, DUCKDB_PACKAGE, type DuckGroup } from './duckdb.js';
import { ensureBenchFiles, label, type BenchFiles } from './generate.js';
import { measure, median, type Measured } from './measure.js';
import type { StageRun, StageTimes } from './stages.js';

/**
 * `npm run bench`: `loyalty cohort` end to end against the same cohort query in DuckDB, on
 * seeded 1M- and 10M-row orders files (plus 10% as many tickets), alternating the two tools
 * run by run so both see the same machine load. Checks that both found the same cohort, group
 * sizes and mean later spend to the cent; prints a table and writes bench/results/<time>.json.
 *
 *   npm run bench -- [--sizes 1M,10M] [--runs 3] [--no-duckdb] [--in-process]
 *
 * --in-process measures dist/bench/stages.js (readOrders, readTickets, runCohortAnalysis,
 * the --json document) instead of the CLI.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HELP_RUNS = 10;

interface Flags {
  sizes: number[];
  runs: number;
  duckdb: boolean;
  inProcess: boolean;
}

interface SizeResult {
  orderRows: number;
  ticketRows: number;
  inputMb: number;
  loyalty: ToolResult;
  duckdb: ToolResult | null;
  /** loyalty median wall ÷ DuckDB median wall. */
  ratio: number | null;
  agree: boolean | null;
  disagreements: string[];
  stages: StageTimes;
}

interface ToolResult {
  runs: { wallMs: number; peakRssMb: number }[];
  medianWallMs: number;
  mbPerSecond: number;
  peakRssMb: number;
  groups: Record<string, { customers: number; meanSpend: number | null }>;
  cohortStart: string;
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { sizes: [1_000_000, 10_000_000], runs: 3, duckdb: true, inProcess: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') flags.sizes = argv[++i].split(',').map(parseSize);
    else if (a === '--runs') flags.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--no-duckdb') flags.duckdb = false;
    else if (a === '--in-process') flags.inProcess = true;
    else throw new Error(`unknown flag ${a}; use --sizes 1M,10M --runs 3 --no-duckdb --in-process`);
  }
  return flags;
}

function parseSize(text: string): number {
  const m = /^(\d+)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`--sizes: "${text}" is not a row count like 1M or 250k`);
  return Number(m[1]) * (m[2].toLowerCase() === 'm' ? 1_000_000 : m[2].toLowerCase() === 'k' ? 1000 : 1);
}

const log = (s: string) => process.stderr.write(`${s}\n`);

async function runLoyalty(files: BenchFiles, inProcess: boolean): Promise<{ m: Measured; run: StageRun | null; json: unknown }> {
  const args = inProcess
    ? ['dist/bench/stages.js', files.orders, files.tickets]
    : ['bin/loyalty.js', 'cohort', files.orders, files.tickets, '--json'];
  const m = await measure(process.execPath, args, ROOT);
  if (m.exitCode !== 0) throw new Error(`loyalty exited ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  const json = JSON.parse(m.stdout);
  return { m, run: inProcess ? (json as StageRun) : null, json };
}

function loyaltyGroups(json: unknown): { start: string; groups: ToolResult['groups'] } {
  const doc = json as { cohort: { start: string }; groups: Record<string, { customers: number; meanSpend: number | null }> };
  const groups: ToolResult['groups'] = {};
  for (const [g, s] of Object.entries(doc.groups)) groups[g] = { customers: s.customers, meanSpend: s.meanSpend };
  return { start: doc.cohort.start, groups };
}

async function runDuck(files: BenchFiles): Promise<{ m: Measured; start: string; groups: ToolResult['groups'] }> {
  const m = await measure(process.execPath, ['dist/bench/duckdb.js', files.orders, files.tickets], ROOT);
  if (m.exitCode !== 0) throw new Error(`DuckDB query exited ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  const rows = JSON.parse(m.stdout) as DuckGroup[];
  const groups: ToolResult['groups'] = {};
  for (const r of rows) groups[r.group] = { customers: Number(r.customers), meanSpend: r.mean_spend };
  return { m, start: rows[0]?.cohort_start ?? '', groups };
}

function toolResult(runs: Measured[], inputBytes: number, start: string, groups: ToolResult['groups']): ToolResult {
  const medianWallMs = median(runs.map((r) => r.wallMs));
  return {
    runs: runs.map((r) => ({ wallMs: r.wallMs, peakRssMb: r.peakRssMb })),
    medianWallMs,
    mbPerSecond: round1(inputBytes / 1e6 / (medianWallMs / 1000)),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    groups,
    cohortStart: start,
  };
}

/** Same cohort, same group sizes, same mean later spend to the cent. */
function compare(a: ToolResult, b: ToolResult): string[] {
  const out: string[] = [];
  if (a.cohortStart !== b.cohortStart) out.push(`cohort starts ${a.cohortStart} vs ${b.cohortStart}`);
  for (const g of ['no_problem', 'resolved', 'unresolved']) {
    const x = a.groups[g];
    const y = b.groups[g] ?? { customers: 0, meanSpend: null };
    if (x.customers !== y.customers) out.push(`${g}: ${x.customers} vs ${y.customers} customers`);
    const cents = (v: number | null) => (v === null ? null : Math.round(v * 100));
    if (cents(x.meanSpend) !== cents(y.meanSpend)) out.push(`${g}: mean ${x.meanSpend} vs ${y.meanSpend}`);
  }
  return out;
}

async function benchSize(rows: number, flags: Flags, duckOk: boolean): Promise<SizeResult> {
  const files = ensureBenchFiles(rows, log);
  const inputBytes = statSync(files.orders).size + statSync(files.tickets).size;
  const loyaltyRuns: Measured[] = [];
  const duckRuns: Measured[] = [];
  let lg: { start: string; groups: ToolResult['groups'] } | null = null;
  let dg: { start: string; groups: ToolResult['groups'] } | null = null;
  for (let i = 0; i < flags.runs; i++) {
    // Alternate which tool goes first, so neither always runs on a warmer page cache.
    const order = i % 2 === 0 ? ['loyalty', 'duckdb'] : ['duckdb', 'loyalty'];
    for (const tool of order) {
      if (tool === 'loyalty') {
        const { m, json } = await runLoyalty(files, flags.inProcess);
        loyaltyRuns.push(m);
        lg = flags.inProcess ? { start: (json as StageRun).cohort.start, groups: (json as StageRun).groups } : loyaltyGroups(json);
        log(`${label(rows)} run ${i + 1}: loyalty ${s(m.wallMs)}, ${m.peakRssMb} MB`);
      } else if (duckOk) {
        const d = await runDuck(files);
        duckRuns.push(d.m);
        dg = { start: d.start, groups: d.groups };
        log(`${label(rows)} run ${i + 1}: DuckDB  ${s(d.m.wallMs)}, ${d.m.peakRssMb} MB`);
      }
    }
  }
  const stageRun = await runLoyalty(files, true);
  const loyalty = toolResult(loyaltyRuns, inputBytes, lg!.start, lg!.groups);
  const duckdb = dg ? toolResult(duckRuns, inputBytes, dg.start, dg.groups) : null;
  const disagreements = duckdb ? compare(loyalty, duckdb) : [];
  return {
    orderRows: rows,
    ticketRows: files.tickets_rows,
    inputMb: round1(inputBytes / 1e6),
    loyalty,
    duckdb,
    ratio: duckdb ? Math.round((loyalty.medianWallMs / duckdb.medianWallMs) * 100) / 100 : null,
    agree: duckdb ? disagreements.length === 0 : null,
    disagreements,
    stages: stageRun.run!.stages,
  };
}

async function helpTime(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < HELP_RUNS; i++) times.push((await measure(process.execPath, ['bin/loyalty.js', '--help'], ROOT)).wallMs);
  return median(times);
}

function table(results: SizeResult[], scaling: number | null, helpMs: number): string {
  const lines = [
    '| orders (tickets) | input | loyalty wall | loyalty MB/s | loyalty peak RSS | DuckDB wall | DuckDB MB/s | DuckDB peak RSS | loyalty ÷ DuckDB | same result |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const d = r.duckdb;
    lines.push(
      `| ${label(r.orderRows)} (${label(r.ticketRows)}) | ${r.inputMb} MB | ${s(r.loyalty.medianWallMs)} | ${r.loyalty.mbPerSecond} | ${r.loyalty.peakRssMb} MB | ` +
        `${d ? s(d.medianWallMs) : 'n/a'} | ${d ? d.mbPerSecond : 'n/a'} | ${d ? `${d.peakRssMb} MB` : 'n/a'} | ${r.ratio ?? 'n/a'} | ${r.agree === null ? 'n/a' : r.agree ? 'yes' : 'NO'} |`,
    );
  }
  lines.push('', '| orders | orders read by | tickets read by | aggregate | statistics | report | total (in process) |', '|---|---|---|---|---|---|---|');
  for (const r of results) {
    const t = r.stages;
    lines.push(`| ${label(r.orderRows)} | ${s(t.readOrdersMs)} | ${s(t.readTicketsMs)} | ${s(t.aggregateMs)} | ${s(t.statisticsMs)} | ${s(t.reportMs)} | ${s(t.totalMs)} |`);
  }
  lines.push('', `1M → 10M wall-time ratio: ${scaling ?? 'n/a'}; \`loyalty --help\`: ${helpMs} ms (median of ${HELP_RUNS})`);
  return lines.join('\n');
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const loadBefore = loadavg();
  const duckProblem = flags.duckdb ? ensureDuckDb(log) : 'skipped (--no-duckdb)';
  if (duckProblem) log(`DuckDB unavailable: ${duckProblem}; measuring loyalty only`);
  const results: SizeResult[] = [];
  for (const rows of flags.sizes) results.push(await benchSize(rows, flags, duckProblem === null));
  const small = results.find((r) => r.orderRows === 1_000_000);
  const big = results.find((r) => r.orderRows === 10_000_000);
  const scaling = small && big ? Math.round((big.loyalty.medianWallMs / small.loyalty.medianWallMs) * 100) / 100 : null;
  const helpMs = await helpTime();
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, loadavgBefore: loadBefore, loadavgAfter: loadavg() },
    mode: flags.inProcess ? 'in-process (dist/bench/stages.js)' : 'CLI (node bin/loyalty.js cohort … --json)',
    duckdb: duckProblem === null ? `${DUCKDB_PACKAGE}, 2 threads` : `unavailable: ${duckProblem}`,
    runsPerTool: flags.runs,
    sizes: results,
    scaling1Mto10M: scaling,
    helpMs,
  };
  const out = join(ROOT, 'bench', 'results', `${report.date.slice(0, 16).replace(':', '-')}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(table(results, scaling, helpMs) + '\n');
  for (const r of results) if (r.agree === false) process.stdout.write(`${label(r.orderRows)}: results differ: ${r.disagreements.join('; ')}\n`);
  log(`wrote ${out}`);
  if (results.some((r) => r.agree === false)) process.exitCode = 1;
}

await main();
