import { DIALECTS, tableName, type Dialect } from '../engines/dialects.js';
import { duckdbFileViews, duckdbTicketsView, type FileViews } from '../engines/duckdbFiles.js';
import { openDuckDb } from '../engines/duckdbEngine.js';
import type { Engine } from '../engines/engine.js';
import { matchColumns, parseColumnFlags, sourceOf, type FactsSource } from '../engines/factsSource.js';
import { describeTarget, openPostgres } from '../engines/postgresEngine.js';
import { UsageError } from '../errors.js';

/** The flags every command that runs on an engine shares (cohort, slices). */
export interface EngineSourceFlags {
  engine?: string;
  source?: string;
  column?: string[];
  memoryLimit?: string;
  rowOrder?: string;
}

interface OpenedEngine {
  engine: Engine;
  dialect: Dialect;
  /** postgres: user@host:port/database, for messages; null for DuckDB. */
  target: string | null;
}

/**
 * The engine `--source postgres://…` or `--engine duckdb` names, its flags checked first
 * (--memory-limit a size, not both flags), opened. The caller closes it.
 */
export async function openEngine(flags: EngineSourceFlags): Promise<OpenedEngine> {
  if (flags.source !== undefined) {
    if (flags.engine !== undefined) throw new UsageError('--engine and --source cannot be used together: --source runs the facts stage in that database');
    if (!/^postgres(ql)?:\/\//i.test(flags.source.trim())) {
      throw new UsageError('--source takes a postgres:// URL (postgres://user@host:5432/database; the password from the URL or PGPASSWORD)');
    }
    const url = flags.source.trim();
    return { engine: await openPostgres(url), dialect: DIALECTS.postgres, target: describeTarget(url) };
  }
  if (flags.engine !== 'duckdb') throw new UsageError(`--engine "${flags.engine}" is not supported; use --engine duckdb (or loyalty sql --dialect … for a warehouse)`);
  if (flags.memoryLimit !== undefined && !/^\s*\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i.test(flags.memoryLimit)) {
    throw new UsageError(`--memory-limit "${flags.memoryLimit}" is not a size; write e.g. --memory-limit 4GB`);
  }
  return { engine: await openDuckDb({ memoryLimit: flags.memoryLimit?.replace(/\s+/g, '') }), dialect: DIALECTS.duckdb, target: null };
}

/** Runs `build` on the opened engine; closes it if `build` fails (on success the caller owns it). */
async function closingOnError<T>(opened: OpenedEngine, build: () => Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (e) {
    await opened.engine.close();
    throw e;
  }
}

/** Where the facts come from: an engine, its dialect, the tables and their columns, and names for messages. */
export async function openSource(
  ordersArg: string,
  ticketsArg: string,
  flags: EngineSourceFlags,
): Promise<{ engine: Engine; dialect: Dialect; views: FileViews; labels: { orders: string; tickets: string } }> {
  const columnMap = parseColumnFlags(flags.column ?? []);
  const opened = await openEngine(flags);
  const { engine, dialect: d, target } = opened;
  return closingOnError(opened, async () => {
    if (target !== null) {
      const labels = { orders: `postgres ${target} table ${ordersArg}`, tickets: `postgres ${target} table ${ticketsArg}` };
      const orders = matchColumns(await engine.columnNames(`SELECT * FROM ${tableName(d, ordersArg)}`), 'orders', columnMap, labels.orders);
      const tickets = matchColumns(await engine.columnNames(`SELECT * FROM ${tableName(d, ticketsArg)}`), 'tickets', columnMap, labels.tickets);
      const source = sourceOf({ orders: ordersArg, tickets: ticketsArg }, { orders, tickets }, flags.rowOrder?.trim() || null);
      return { engine, dialect: d, views: { source, columns: { orders, tickets } }, labels };
    }
    const views = await duckdbFileViews(engine, { orders: ordersArg, tickets: ticketsArg }, columnMap);
    return { engine, dialect: d, views, labels: { orders: ordersArg, tickets: ticketsArg } };
  });
}

/**
 * The tickets alone (what `slices` reads): a PostgreSQL table, or a file DuckDB reads. The
 * source's orders part names no table: the slice query never reads it.
 */
export async function openTicketsSource(
  ticketsArg: string,
  flags: EngineSourceFlags,
): Promise<{ engine: Engine; dialect: Dialect; source: FactsSource; columns: Record<string, string>; label: string }> {
  const columnMap = parseColumnFlags(flags.column ?? []);
  const opened = await openEngine(flags);
  const { engine, dialect: d, target } = opened;
  return closingOnError(opened, async () => {
    const label = target !== null ? `postgres ${target} table ${ticketsArg}` : ticketsArg;
    const { table, columns } =
      target !== null
        ? { table: ticketsArg, columns: matchColumns(await engine.columnNames(`SELECT * FROM ${tableName(d, ticketsArg)}`), 'tickets', columnMap, label) }
        : await duckdbTicketsView(engine, ticketsArg, columnMap);
    const source = sourceOf({ orders: '', tickets: table }, { orders: {}, tickets: columns }, null);
    return { engine, dialect: d, source, columns, label };
  });
}
