import { cohortFromFacts } from '../analysis/cohortFromFacts.js';
import type { CohortOptions, CohortResult } from '../analysis/cohortResult.js';
import { chooseCohortWindow } from '../analysis/cohortWindow.js';
import { resolutionRuleFor } from '../analysis/resolution.js';
import { parseCohortSpans } from '../analysis/windows.js';
import type { Dialect } from '../engines/dialects.js';
import type { FileViews } from '../engines/duckdbFiles.js';
import type { Engine } from '../engines/engine.js';
import { readEngineFactsTable } from '../engines/factsRows.js';
import { factsSql, factsWindows } from '../engines/factsSql.js';
import { ticketRowsSql } from '../engines/ticketsSql.js';
import { orderRowsSql, orderSpanSql, ordersCtes } from '../engines/ordersSql.js';
import { DataError } from '../errors.js';
import { CurrencyTally } from '../ingest/currencies.js';
import { DEFAULT_INGEST_OPTIONS } from '../ingest/records.js';
import type { FileQuality } from '../ingest/records.js';
import type { CustomerFactsTable } from '../model/customerFacts.js';
import { dayFromParts, isoDay } from '../time/calendar.js';
import { cohortOptionsFrom } from './cohortOptions.js';
import { assertCellsUsable, fileQuality, implausibleTickets, withEmptiedCells } from './engineQuality.js';
import { openSource } from './engineSource.js';
import { parseMaxUnusable } from './ingestOptions.js';
import type { CohortCommandFlags } from './cohortFlags.js';
import type { TicketColumn } from '../model/ticketRecord.js';

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
  const { facts, quality, choice } = await factsOnEngine(ordersFile, ticketsFile, flags, options);
  return { result: cohortFromFacts(facts, { options, choice }), quality, facts };
}

/** The facts stage in the engine: the members' facts, the files' data quality and how the cohort window was chosen. */
async function factsOnEngine(ordersFile: string, ticketsFile: string, flags: CohortCommandFlags, options: CohortOptions) {
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
    // The counts first and the facts last, so the engine is closed (its memory given back)
    // before the statistics run on what may be millions of members.
    const [tickets] = await engine.rows(ticketRowsSql(d, views.source));
    const emptied = { satisfaction: Number(tickets!.scores_emptied), resolved: Number(tickets!.resolved_emptied) };
    assertCellsUsable(labels.tickets, views.columns.tickets, Number(tickets!.rows_read), emptied, maxUnusable);
    const quality = {
      orders: await ordersQuality(engine, d, labels.orders, views),
      tickets: withEmptiedCells(fileQuality(engine.name, labels.tickets, views.columns.tickets, Number(tickets!.rows_read), Number(tickets!.rows_used), 0, implausibleTickets(tickets!)), {
        // The reasons the CSV reader counts the same cells under (src/ingest/tickets.ts).
        'unrecognised satisfaction score': emptied.satisfaction,
        'unrecognised resolved value': emptied.resolved,
      }),
    };
    const facts = await readEngineFactsTable(engine, factsSql(d, views.source, windows, context), `${engine.name} facts query`);
    if (facts === null) {
      throw new DataError(
        `no customer has a counted order in the cohort window ${isoDay(window.start)}..${isoDay(window.end)}; the counted orders in ${labels.orders} run ${isoDay(span.first)}..${isoDay(span.last)}. Choose a window inside that range with --cohort, e.g. --cohort ${isoDay(span.first).slice(0, 7)}`,
      );
    }
    return { facts, quality, choice };
  } finally {
    await engine.close();
  }
}

const RANKED = 'loyalty_orders_ranked';

async function ordersQuality(engine: Engine, d: Dialect, label: string, views: FileViews): Promise<FileQuality> {
  const [row] = await engine.rows(orderRowsSql(d, views.source));
  const implausible = { column: 'order_date', before: Number(row!.implausible_before), after: Number(row!.implausible_after) };
  return fileQuality(engine.name, label, views.columns.orders, Number(row!.rows_read), Number(row!.rows_used), Number(row!.duplicate_order_ids), implausible);
}

