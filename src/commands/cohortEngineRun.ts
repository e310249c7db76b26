import { cohortFromFacts } from '../analysis/cohortFromFacts.js';
import type { CohortResult } from '../analysis/cohortResult.js';
import { chooseCohortWindow } from '../analysis/cohortWindow.js';
import { resolutionRuleFor } from '../analysis/resolution.js';
import { parseCohortSpans } from '../analysis/windows.js';
import { DIALECTS, tableName, type Dialect } from '../engines/dialects.js';
import { duckdbFileViews, type FileViews } from '../engines/duckdbFiles.js';
import { openDuckDb } from '../engines/duckdbEngine.js';
import type { Engine } from '../engines/engine.js';
import { readEngineFactsTable } from '../engines/factsRows.js';
import { matchColumns, parseColumnFlags, sourceOf } from '../engines/factsSource.js';
import { describeTarget, openPostgres } from '../engines/postgresEngine.js';
import { factsSql, factsWindows, ticketCountsSql } from '../engines/factsSql.js';
import { orderRowsSql, orderSpanSql, ordersCtes } from '../engines/ordersSql.js';
import { DataError, UsageError } from '../errors.js';
import { percent } from '../ingest/accounting.js';
import { CurrencyTally } from '../ingest/currencies.js';
import { DEFAULT_INGEST_OPTIONS } from '../ingest/records.js';
import type { FileQuality, TicketColumn } from '../ingest/records.js';
import type { CustomerFactsTable } from '../model/customerFacts.js';
import { dayFromParts, isoDay } from '../time/calendar.js';
import { cohortOptionsFrom } from './cohortOptions.js';
import { parseMaxUnusable } from './ingestOptions.js';
import type { CohortCommandFlags } from './cohortFlags.js';

/**
 * `loyalty cohort --engine duckdb` and `--source postgres://…`: the facts stage runs in an
 * embedded DuckDB over the files (CSV, Parquet, globs; out of core under --memory-limit) or in
 * the PostgreSQL database over two tables; only the members' facts come back, and the
 * statistics, headline and output are the CSV path's own.
 */
export async function cohortOnEngine(
  ordersFile: string,
  ticketsFile: string,
  flags: CohortCommandFlags,
): Promise<{ result: CohortResult; quality: { orders: FileQuality; tickets: FileQuality }; facts: CustomerFactsTable }> {
  const options = cohortOptionsFrom(flags);
  const { follow, grace, baseline } = parseCohortSpans(options);
  const maxUnusable = flags.maxUnusable === undefined ? DEFAULT_INGEST_OPTIONS.maxUnusable : parseMaxUnusable(flags.maxUnusable, '--max-unusable');
  const { engine, dialect: d, views: opened, labels } = await openSource(ordersFile, ticketsFile, flags);
  try {
    // The deduplicated orders once, in a temporary table the four queries below read.
    await engine.run(`CREATE TEMPORARY TABLE ${RANKED} AS WITH ${ordersCtes(d, opened.source)} SELECT * FROM orders_ranked`);
    const views = { ...opened, source: { ...opened.source, orders: { ...opened.source.orders, ranked: RANKED } } };
    const months = await engine.rows(orderSpanSql(d, views.source));
    if (months.length === 0) {
      throw new DataError(`${labels.orders}: no counted orders (every usable row is cancelled, canceled, refunded, voided or failed, or no row was usable); nothing to build a cohort from`);
    }
    const day = (text: string | null) => dayFromParts(Number(text!.slice(0, 4)), Number(text!.slice(5, 7)), Number(text!.slice(8, 10)));
    const span = {
      first: day(months[0]!.first_day),
      last: day(months[months.length - 1]!.last_day),
      months: new Set(months.map((m) => dayFromParts(Number(m.year), Number(m.month), 1))),
    };
    const { window, choice } = chooseCohortWindow(options.cohort, span, follow);
    const windows = factsWindows(window, follow, grace, baseline);
    // The engines read amounts as plain numbers: the currency is the one --currency names,
    // spelled as the in-process path spells it (€ or eur → EUR).
    const context = {
      resolutionRule: resolutionRuleFor(new Set(Object.keys(views.columns.tickets) as TicketColumn[])),
      currency: new CurrencyTally(flags.currency ?? null).keep,
    };
    const facts = await readEngineFactsTable(engine, factsSql(d, views.source, windows, context), `${engine.name} facts query`);
    if (facts === null) {
      throw new DataError(
        `no customer has a counted order in the cohort window ${isoDay(window.start)}..${isoDay(window.end)}; the counted orders in ${labels.orders} run ${isoDay(span.first)}..${isoDay(span.last)}. Choose a window inside that range with --cohort, e.g. --cohort ${isoDay(span.first).slice(0, 7)}`,
      );
    }
    const [tickets] = await engine.rows(ticketCountsSql(d, views.source, windows));
    const emptied = { satisfaction: Number(tickets!.scores_emptied), resolved: Number(tickets!.resolved_emptied) };
    assertCellsUsable(labels.tickets, views.columns.tickets, Number(tickets!.rows_read), emptied, maxUnusable);
    const result = cohortFromFacts(facts, { options, choice });
    const quality = {
      orders: await ordersQuality(engine, d, labels.orders, views),
      tickets: withEmptiedCells(fileQuality(engine.name, labels.tickets, views.columns.tickets, Number(tickets!.rows_read), Number(tickets!.rows_used), 0), {
        // The reasons the CSV reader counts the same cells under (src/ingest/tickets.ts).
        'unrecognised satisfaction score': emptied.satisfaction,
        'unrecognised resolved value': emptied.resolved,
      }),
    };
    return { result, quality, facts };
  } finally {
    await engine.close();
  }
}

const RANKED = 'loyalty_orders_ranked';

/** Where the facts come from: an engine, its dialect, the tables and their columns, and names for messages. */
async function openSource(
  ordersArg: string,
  ticketsArg: string,
  flags: CohortCommandFlags,
): Promise<{ engine: Engine; dialect: Dialect; views: FileViews; labels: { orders: string; tickets: string } }> {
  const columnMap = parseColumnFlags(flags.column ?? []);
  if (flags.source !== undefined) {
    if (flags.engine !== undefined) throw new UsageError('--engine and --source cannot be used together: --source runs the facts stage in that database');
    if (!/^postgres(ql)?:\/\//i.test(flags.source.trim())) {
      throw new UsageError('--source takes a postgres:// URL (postgres://user@host:5432/database; the password from the URL or PGPASSWORD)');
    }
    const url = flags.source.trim();
    const engine = await openPostgres(url);
    try {
      const d = DIALECTS.postgres;
      const target = describeTarget(url);
      const labels = { orders: `postgres ${target} table ${ordersArg}`, tickets: `postgres ${target} table ${ticketsArg}` };
      const orders = matchColumns(await engine.columnNames(`SELECT * FROM ${tableName(d, ordersArg)}`), 'orders', columnMap, labels.orders);
      const tickets = matchColumns(await engine.columnNames(`SELECT * FROM ${tableName(d, ticketsArg)}`), 'tickets', columnMap, labels.tickets);
      const source = sourceOf({ orders: ordersArg, tickets: ticketsArg }, { orders, tickets }, flags.rowOrder?.trim() || null);
      return { engine, dialect: d, views: { source, columns: { orders, tickets } }, labels };
    } catch (e) {
      await engine.close();
      throw e;
    }
  }
  if (flags.engine !== 'duckdb') throw new UsageError(`--engine "${flags.engine}" is not supported; use --engine duckdb (or loyalty sql --dialect … for a warehouse)`);
  if (flags.memoryLimit !== undefined && !/^\s*\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i.test(flags.memoryLimit)) {
    throw new UsageError(`--memory-limit "${flags.memoryLimit}" is not a size; write e.g. --memory-limit 4GB`);
  }
  const engine = await openDuckDb({ memoryLimit: flags.memoryLimit?.replace(/\s+/g, '') });
  try {
    const views = await duckdbFileViews(engine, { orders: ordersArg, tickets: ticketsArg }, columnMap);
    return { engine, dialect: DIALECTS.duckdb, views, labels: { orders: ordersArg, tickets: ticketsArg } };
  } catch (e) {
    await engine.close();
    throw e;
  }
}

async function ordersQuality(engine: Engine, d: Dialect, label: string, views: FileViews): Promise<FileQuality> {
  const [row] = await engine.rows(orderRowsSql(d, views.source));
  return fileQuality(engine.name, label, views.columns.orders, Number(row!.rows_read), Number(row!.rows_used), Number(row!.duplicate_order_ids));
}

/**
 * The data-quality block of a file or table read by an engine: rows read and used, and the
 * rows set aside by count (without line numbers: an engine keeps none).
 */
function fileQuality(engine: string, file: string, columns: Record<string, string>, read: number, used: number, duplicates: number): FileQuality {
  const skipped: FileQuality['skipped'] = {};
  if (duplicates > 0) skipped['duplicate order_id'] = { count: duplicates, firstLines: [], examples: [] };
  const unusable = read - used - duplicates;
  if (unusable > 0) skipped['missing or unreadable customer_id, date or amount'] = { count: unusable, firstLines: [], examples: [] };
  return {
    file,
    format: engine,
    columns,
    rowsRead: read,
    rowsUsed: used,
    rowsSkipped: read - used,
    skipped,
    ...(duplicates > 0 || 'amount' in columns ? { duplicateOrderIds: duplicates } : {}),
    decisions: [engine === 'duckdb' ? 'read by DuckDB: ISO 8601 dates as written (offsets kept, not converted), plain decimal amounts' : 'read by PostgreSQL: dates and amounts as the table types them'],
    warnings: [],
  };
}

/**
 * Unreadable cells the engine left empty (NULL) in rows it kept, counted by reason as the CSV
 * path counts them (cellsEmptied and one warning), without line numbers: an engine keeps none.
 */
function withEmptiedCells(quality: FileQuality, counts: Record<string, number>): FileQuality {
  // By reason, in the CSV path's order.
  const found = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (found.length === 0) return quality;
  const total = found.reduce((sum, [, n]) => sum + n, 0);
  return {
    ...quality,
    cellsEmptied: Object.fromEntries(found.map(([reason, count]) => [reason, { count, firstLines: [], examples: [] }])),
    warnings: [...quality.warnings, `${total} unreadable cell(s) left empty, their rows kept: ${found.map(([reason, n]) => `${n} ${reason}`).join('; ')}`],
  };
}

const CELL_FIX: Record<string, string> = {
  satisfaction: 'use 1–5, good/bad or satisfied/unsatisfied (empty, offered or unoffered mean not rated)',
  resolved: 'use true/false, yes/no or 1/0',
};

/**
 * The CSV path's limit on one optional column's unreadable cells (--max-unusable, 5% of the
 * rows read by default): above it the table is refused (65), as the file would be.
 */
function assertCellsUsable(label: string, columns: Record<string, string>, read: number, emptied: Record<string, number>, limit: number): void {
  if (read === 0) return;
  for (const [column, count] of Object.entries(emptied)) {
    if (count / read <= limit) continue;
    const raise = limit < 1 ? `, or raise the limit with --max-unusable (now ${percent(limit)})` : '';
    throw new DataError(`${label}: ${percent(count / read)} of rows (${count} of ${read}) have an unreadable ${column} in column "${columns[column] ?? column}"; ${CELL_FIX[column]}${raise}.`);
  }
}
