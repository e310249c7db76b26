import { DuckDBConnection } from '@duckdb/node-api';
import { loadavg } from 'node:os';
import { Chalk } from 'chalk';
import { main } from '../src/cli.js';
import type { Terminal } from '../src/terminal.js';
import { ensureBenchFiles } from './generate.js';

/**
 * `cohort --engine duckdb` on the benchmark's orders and tickets, in process, timing each
 * statement DuckDB runs and naming it by the step it belongs to. The driver's connection
 * methods are wrapped here, not in src/, so the same script times any version of the engine
 * path. Prints one JSON object: the wall time, the load average and the steps in run order.
 *
 *   node dist/bench/engineSteps.js [rows, default 1000000]
 */
interface Step {
  step: string;
  ms: number;
}

const steps: Step[] = [];

/** A statement → the step it belongs to, by the tables and columns it names. */
function stepOf(sql: string): string {
  if (sql.startsWith('DESCRIBE')) return 'columns';
  if (/CREATE OR REPLACE TABLE loyalty_orders /.test(sql)) return 'read orders';
  if (/CREATE OR REPLACE TABLE loyalty_tickets /.test(sql)) return 'read tickets';
  if (/loyalty_unreadable_/.test(sql)) return 'readable check';
  if (/^CREATE TEMP/.test(sql)) return 'dedupe';
  if (/^-- loyalty facts/.test(sql)) return 'facts';
  if (/problem_tickets/.test(sql)) return 'ticket counts';
  if (/AS first_day/.test(sql)) return 'order span';
  if (/duplicate_order_ids/.test(sql)) return 'order counts';
  return sql.slice(0, 40);
}

// The driver's methods call each other (runAndReadAll → runAndRead → run): only the outermost counts.
let depth = 0;

function timed<A extends unknown[], R>(original: (this: DuckDBConnection, ...args: A) => Promise<R>) {
  return async function (this: DuckDBConnection, ...args: A): Promise<R> {
    const start = performance.now();
    depth += 1;
    try {
      return await original.apply(this, args);
    } finally {
      depth -= 1;
      if (depth === 0) steps.push({ step: stepOf(String(args[0]).trim()), ms: Math.round(performance.now() - start) });
    }
  };
}

const proto = DuckDBConnection.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
for (const method of ['run', 'runAndRead', 'runAndReadAll', 'stream', 'streamAndRead', 'streamAndReadAll']) {
  if (typeof proto[method] === 'function') proto[method] = timed(proto[method]!);
}

const rows = Number(process.argv[2] ?? 1_000_000);
const files = ensureBenchFiles(rows);
const loadBefore = loadavg()[0]!;
const start = performance.now();
let out = '';
const term: Terminal = { out: (t) => void (out += t), err: () => undefined, warn: () => undefined, color: new Chalk({ level: 0 }) };
const code = await main(['cohort', '--engine', 'duckdb', files.orders, files.tickets, '--json', '--quiet'], term);
const wallMs = Math.round(performance.now() - start);
const groups = code === 0 ? JSON.parse(out).groups : null;
console.log(JSON.stringify({ code, wallMs, loadBefore, loadAfter: loadavg()[0], steps, groups }));
