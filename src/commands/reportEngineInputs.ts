import type { CohortResult } from '../analysis/cohortResult.js';
import type { SliceResult } from '../analysis/sliceResult.js';
import { analyzeSliceTable } from '../analysis/slices.js';
import { UsageError } from '../errors.js';
import type { FileQuality } from '../ingest/records.js';
import type { NotComputed } from '../report/notComputed.js';
import type { ReportSections } from '../report/reportFiles.js';
import { isoDay } from '../time/calendar.js';
import type { Terminal } from '../terminal.js';
import type { CohortCommandFlags } from './cohortFlags.js';
import { warnAboutQuality } from './qualityWarnings.js';
import type { ReportFlags } from './reportFlags.js';
import { sliceTableInputs } from './sliceTableInputs.js';
import type { SlicesFlags } from './slicesFlags.js';
import type { Day } from '../model/time.js';

/** The report reads tables computed elsewhere instead of the orders and tickets files. */
export function reportUsesTables(flags: ReportFlags): boolean {
  return flags.engine !== undefined || flags.source !== undefined || flags.factsIn !== undefined || flags.slicesIn !== undefined;
}

const ROWS = 'need the ticket rows, which';

/**
 * Refuses (64) what the engine and exported-table paths cannot do, before anything is read:
 * every flag here needs the ticket (or order) rows in process.
 */
export function checkTableReportFlags(flags: ReportFlags, weekly: boolean): void {
  const how = tableHow(flags);
  const refuse = (what: string) => {
    throw new UsageError(`${what} cannot be used with ${how}: ${how === '--engine' || how === '--source' ? 'the engine returns only the facts and the slice table' : 'the exported tables hold no ticket rows'}; run the report on the orders and tickets files for it`);
  };
  if (weekly) refuse('--week (and the csat-drop check, which needs it)');
  if (flags.compareTo !== undefined) refuse('--compare-to');
  if (flags.change.length > 0 || flags.costPerContact !== undefined) refuse('--change and --cost-per-contact (the prevention section)');
  // The engines read created_at's wall clock as stored (see sliceTableInputs).
  if (flags.tz !== undefined) refuse('--tz');
  const exported = flags.factsIn !== undefined || flags.slicesIn !== undefined;
  const engine = flags.engine !== undefined || flags.source !== undefined;
  if (exported && engine) throw new UsageError('--facts-in and --slices-in cannot be combined with --engine or --source: the tables are already computed');
  if (exported && (flags.column !== undefined || flags.memoryLimit !== undefined || flags.rowOrder !== undefined)) {
    throw new UsageError('--column, --memory-limit and --row-order are for --engine and --source: the exported tables are already computed');
  }
}

function tableHow(flags: ReportFlags): string {
  if (flags.source !== undefined) return '--source';
  if (flags.engine !== undefined) return '--engine';
  return flags.factsIn !== undefined ? '--facts-in' : '--slices-in';
}

/**
 * The cohort section from the members' facts and the slices section from the slice table:
 * computed by the engine (`--engine duckdb`, `--source postgres://…`; the cohort, the slice
 * table and the ticket period each in a session of their own), or read from the tables
 * `loyalty sql` and `loyalty sql --query slices` exported (`--facts-in`, `--slices-in`, either
 * alone). The analyses are the CSV path's own; what needs ticket rows is listed as not computed.
 */
export async function reportTableInputs(ordersArg: string | undefined, ticketsArg: string | undefined, flags: ReportFlags, checked: { top: number; asOf: Day | null }, status: Terminal): Promise<ReportSections> {
  const exported = flags.factsIn !== undefined || flags.slicesIn !== undefined;
  if (exported && (ordersArg !== undefined || ticketsArg !== undefined)) {
    throw new UsageError('--facts-in and --slices-in replace <orders> <tickets>: give the tables alone, e.g. loyalty report --facts-in facts.csv --slices-in slices.csv --cohort 2014-01 --out DIR');
  }
  if (!exported && (ordersArg === undefined || ticketsArg === undefined)) {
    throw new UsageError(`report ${tableHow(flags)} needs <orders> <tickets>: the two ${flags.source !== undefined ? 'tables (schema.table)' : 'files or globs'}`);
  }
  const sliceFlags: SlicesFlags = { ...flags, json: undefined, out: undefined, factsIn: flags.slicesIn };
  const notComputed: NotComputed = {
    drivers: `Drivers are not computed on this path: they ${ROWS} ${exported ? 'the exported tables do not hold' : 'the engine does not return'}; run the report on the orders and tickets files for them.`,
    prevention: `Prevention is not computed on this path: it needs the ticket rows (weekly contacts per reason), which ${exported ? 'the exported tables do not hold' : 'the engine does not return'}.`,
    trends: 'Weekly trends need --week, which this path does not take: they count the ticket rows of two weeks.',
  };

  let cohort: CohortResult | null = null;
  let cohortQuality: { orders: FileQuality; tickets: FileQuality } | null = null;
  if (!exported || flags.factsIn !== undefined) {
    const cohortFlags: CohortCommandFlags = { ...flags, out: undefined };
    const run = exported
      ? await (await import('./cohortFactsIn.js')).cohortFromFactsFile(flags.factsIn!, cohortFlags, status)
      : await (await import('./cohortEngineRun.js')).cohortOnEngine(ordersArg!, ticketsArg!, cohortFlags);
    if (!exported) {
      warnAboutQuality(run.quality.orders, status);
      warnAboutQuality(run.quality.tickets, status);
    }
    cohort = run.result;
    cohortQuality = run.quality;
  } else {
    notComputed.cohort = 'no per-customer facts table was given (--facts-in); export the result of loyalty sql and pass it with --facts-in for later spend.';
  }

  let slices: SliceResult | null = null;
  let sliceQuality: FileQuality | null = null;
  // As in process, tickets without scores give a report without CSAT rather than no report.
  const unscored = !exported && cohortQuality!.tickets.columns.satisfaction === undefined;
  if (unscored) {
    notComputed.slices = 'The tickets have no satisfaction column, so there is no CSAT to report; name the column that holds the scores with --column tickets.satisfaction=NAME.';
  } else if (!exported || flags.slicesIn !== undefined) {
    // The cohort's tickets quality, warned about above, counts the same table's rows and cells.
    const quiet = cohortQuality !== null && !exported ? { ...status, warn: () => {} } : status;
    const { table, quality, by, minRated } = await sliceTableInputs(exported ? undefined : ticketsArg, sliceFlags, quiet);
    slices = analyzeSliceTable(table, { by, minRated, top: checked.top });
    sliceQuality = quality;
  } else {
    notComputed.slices = 'No slice table was given (--slices-in), so there is no CSAT to report; export the result of loyalty sql --query slices and pass it with --slices-in.';
  }

  const ticketPeriod = exported ? null : await (await import('./reportTicketPeriod.js')).ticketPeriodOnEngine(ticketsArg!, flags);
  // A report over every row the tables count: no week, nothing left out by date.
  const scope = { week: null, previousWeek: null, asOf: checked.asOf === null ? null : isoDay(checked.asOf), ticketPeriod, laterOrders: 0, laterTickets: 0 };
  return {
    scope,
    cohort,
    cohortProblem: null,
    slices,
    drivers: null,
    trends: null,
    prevention: null,
    // The cohort's qualities count the same tickets table, and its emptied resolved cells too.
    quality: { orders: cohortQuality?.orders ?? noFacts(), tickets: exported ? (sliceQuality ?? cohortQuality!.tickets) : cohortQuality!.tickets },
    notComputed,
  };
}

/** The orders' place in a report read from a slice table alone: nothing was read. */
function noFacts(): FileQuality {
  return {
    file: '(no --facts-in)',
    format: 'none',
    columns: {},
    rowsRead: 0,
    rowsUsed: 0,
    rowsSkipped: 0,
    skipped: {},
    decisions: ['no per-customer facts table was given: later spend is not analysed'],
    warnings: [],
  };
}
