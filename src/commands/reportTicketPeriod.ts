import type { ReportScope } from '../analysis/reportScope.js';
import { ticketPeriodSql } from '../engines/ticketPeriodSql.js';
import { openTicketsSource, type EngineSourceFlags } from './engineSource.js';

/**
 * The first and last day a usable ticket was opened, counted by the engine: the period the
 * report states for its satisfaction section and charts, as the CSV path's scopeReport does.
 */
export async function ticketPeriodOnEngine(ticketsArg: string, flags: EngineSourceFlags): Promise<ReportScope['ticketPeriod']> {
  const { engine, dialect, source } = await openTicketsSource(ticketsArg, flags);
  try {
    const [row] = await engine.rows(ticketPeriodSql(dialect, source));
    return row?.first_day == null || row.last_day == null ? null : { start: row.first_day, end: row.last_day };
  } finally {
    await engine.close();
  }
}
