import { UsageError } from '../errors.js';
import type { Terminal } from '../terminal.js';
import { EXIT } from '../errors.js';
import { parseCohortSpans, parseCohortWindow } from '../analysis/windows.js';
import { DIALECT_NAMES, DIALECTS, type DialectName } from '../engines/dialects.js';
import { factsSource, parseColumnFlags } from '../engines/factsSource.js';
import { factsSql, factsWindows, resolutionRuleOf } from '../engines/factsSql.js';
import { CurrencyTally } from '../ingest/currencies.js';
import { sliceTableSql } from '../engines/sliceTableSql.js';
import type { SqlFlags } from './sqlFlags.js';

/** `loyalty sql`: the facts query on stdout, nothing else. */
export async function runSql(flags: SqlFlags, term: Terminal): Promise<number> {
  const name = flags.dialect?.trim().toLowerCase();
  if (name === undefined || !(DIALECT_NAMES as readonly string[]).includes(name)) {
    const given = flags.dialect === undefined ? 'no --dialect given' : `--dialect "${flags.dialect}" is not supported`;
    throw new UsageError(`${given}; choose one of ${DIALECT_NAMES.join(', ')}, e.g. --dialect bigquery`);
  }
  const columns = parseColumnFlags(flags.column ?? []);
  if (flags.rowOrder !== undefined) columns['orders.row_order'] = flags.rowOrder.trim();
  const absent = (flags.absent ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const source = factsSource({ orders: flags.ordersTable ?? 'orders', tickets: flags.ticketsTable ?? 'tickets' }, columns, absent);
  const dialect = DIALECTS[name as DialectName];
  if (flags.query === 'slices') {
    term.out(sliceTableSql(dialect, source).trimEnd());
    return EXIT.ok;
  }
  if (flags.query !== 'facts') throw new UsageError(`--query "${flags.query}" is not a query; choose facts or slices`);
  if (flags.cohort === undefined) {
    throw new UsageError('loyalty sql needs --cohort (a month like 2014-01 or a range like 2014-01-01..2014-01-31): the query does not look at the data to choose one');
  }
  const { follow, grace, baseline } = parseCohortSpans({ cohort: flags.cohort, follow: flags.follow, grace: flags.grace, baseline: flags.baseline, seed: 1, bootstrap: 1 });
  const windows = factsWindows(parseCohortWindow(flags.cohort), follow, grace, baseline);
  const context = { resolutionRule: resolutionRuleOf(source.tickets), currency: new CurrencyTally(flags.currency ?? null).keep };
  term.out(factsSql(dialect, source, windows, context).trimEnd());
  return EXIT.ok;
}
