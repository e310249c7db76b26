import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBenchFiles, label, type BenchFiles } from './generate.js';
import { measure } from './measure.js';
import { shapeNamed } from './shapes.js';

/**
 * `loyalty slices` and `loyalty report` (no PNG) on a shape's files, one run each, against the
 * cohort median on the same files. Used by run.ts, and on its own to time the two commands
 * again after a change to them, against the cohort times of an earlier matrix:
 *
 *   node dist/bench/commands.js bench/results/<matrix>.json [--shapes bench,stripe]
 */
export interface CommandRun {
  wallMs: number;
  peakRssMb: number;
  /** Its wall time ÷ the cohort median on the same files. */
  ofCohort: number;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const log = (s: string) => process.stderr.write(`${s}\n`);

export async function benchCommands(files: BenchFiles, cohortMs: number): Promise<{ slices: CommandRun; report: CommandRun }> {
  const run = async (args: string[]): Promise<CommandRun> => {
    const m = await measure(process.execPath, ['bin/loyalty.js', ...args], ROOT);
    if (m.exitCode !== 0) throw new Error(`loyalty ${args[0]} exited ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-3).join(' / ')}`);
    log(`${files.shape.name} ${label(files.rows)}: ${args[0]} ${(m.wallMs / 1000).toFixed(2)} s, ${m.peakRssMb} MB`);
    return { wallMs: m.wallMs, peakRssMb: m.peakRssMb, ofCohort: Math.round((m.wallMs / cohortMs) * 100) / 100 };
  };
  const out = mkdtempSync(join(tmpdir(), 'loyalty-bench-report-'));
  try {
    const slices = await run(['slices', files.tickets, '--json']);
    const report = await run(['report', files.orders, files.tickets, '--out', out]);
    return { slices, report };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

interface MatrixShape {
  shape: string;
  sizes: { orderRows: number; loyalty: { medianWallMs: number } }[];
}

async function main(): Promise<void> {
  const [matrixFile, ...rest] = process.argv.slice(2);
  if (!matrixFile) throw new Error('usage: node dist/bench/commands.js bench/results/<matrix>.json [--shapes a,b]');
  const only = rest[0] === '--shapes' ? new Set(rest[1]!.split(',')) : null;
  const matrix = JSON.parse(readFileSync(matrixFile, 'utf8')) as { shapes: MatrixShape[] };
  const loadBefore = loadavg();
  const shapes = [];
  for (const entry of matrix.shapes) {
    if (only && !only.has(entry.shape)) continue;
    const largest = entry.sizes[entry.sizes.length - 1];
    if (!largest) continue;
    const files = ensureBenchFiles(largest.orderRows, log, shapeNamed(entry.shape));
    shapes.push({ shape: entry.shape, orderRows: largest.orderRows, cohortMs: largest.loyalty.medianWallMs, ...(await benchCommands(files, largest.loyalty.medianWallMs)) });
  }
  const date = new Date().toISOString();
  const report = {
    date,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, loadavgBefore: loadBefore, loadavgAfter: loadavg() },
    mode: `slices and report only, one run each; cohort times from ${matrixFile}`,
    shapes,
  };
  const out = join(ROOT, 'bench', 'results', `${date.slice(0, 19).replaceAll(':', '-')}-commands.json`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  for (const r of shapes) {
    process.stdout.write(`| ${r.shape} | ${label(r.orderRows)} | slices ${(r.slices.wallMs / 1000).toFixed(2)} s (${r.slices.ofCohort}×, ${r.slices.peakRssMb} MB) | report ${(r.report.wallMs / 1000).toFixed(2)} s (${r.report.ofCohort}×, ${r.report.peakRssMb} MB) |\n`);
  }
  log(`wrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
