import { CUSTOMER_FACT_COLUMNS, type CustomerFactsTable } from '../model/customerFacts.js';
import { isoDay } from '../time/calendar.js';

const MS_PER_DAY = 86_400_000;

/** The columns recovery.csv repeats from the facts table: the member's own, without the run's context. */
const RECOVERY_FACT_COLUMNS = CUSTOMER_FACT_COLUMNS.slice(0, CUSTOMER_FACT_COLUMNS.indexOf('first_problem_at') + 1);

/**
 * One row of the facts table as text cells, in CUSTOMER_FACT_COLUMNS order: money as the
 * shortest text that reads back as the same double (the sums are exact, so that is the decimal
 * sum itself, and `--facts-in` reproduces every statistic to the last digit), new_customer as
 * true/false, days_to_next_order empty when censored, first/last_problem_at as YYYY-MM-DD, the
 * context's days as YYYY-MM-DD and an empty currency when the data named none.
 */
export function factCells(f: CustomerFactsTable, m: number): string[] {
  const days = f.daysToNextOrder[m]!;
  const { windows, ...run } = f.run;
  return [
    f.customerId(m),
    f.group[m]!,
    money(f.cohortSpend[m]!),
    String(f.cohortOrders[m]),
    money(f.priorSpend[m]!),
    String(f.priorOrders[m]),
    f.newCustomer[m] === 1 ? 'true' : 'false',
    money(f.laterSpend[m]!),
    String(f.laterOrders[m]),
    Number.isNaN(days) ? '' : String(days),
    String(f.problemTickets[m]),
    String(f.unresolvedTickets[m]),
    wallDay(f.firstProblemAt[m]!),
    money(f.preSpend[m]!),
    wallDay(f.lastProblemAt[m]!),
    String(f.linkedTickets[m]),
    String(f.excludedTickets[m]),
    isoDay(windows.cohort.start),
    isoDay(windows.cohort.end),
    isoDay(windows.followUp.end),
    isoDay(windows.problem.end),
    isoDay(windows.baseline.start),
    isoDay(windows.pre.start),
    isoDay(run.dataFirstDay),
    isoDay(run.dataLastDay),
    run.resolutionRule,
    run.currency ?? '',
  ];
}

/** facts.csv: the header and one line per member, sorted by customer id; CRLF-free, RFC 4180 quoting. */
export function factsCsv(f: CustomerFactsTable): string {
  const lines = [CUSTOMER_FACT_COLUMNS.join(',')];
  for (let m = 0; m < f.count; m++) lines.push(csvLine(factCells(f, m)));
  return lines.join('\n') + '\n';
}

/**
 * recovery.csv: the unresolved members, highest prior + cohort spend first (ties by customer
 * id), with their facts, open tickets (problem tickets not resolved), the date of their last
 * problem ticket and the expected value at stake, the adjusted resolved − unresolved gap per
 * customer (empty when it could not be estimated).
 */
export function recoveryCsv(f: CustomerFactsTable, perCustomer: number | null): string {
  const rows: number[] = [];
  for (let m = 0; m < f.count; m++) if (f.group[m] === 'unresolved') rows.push(m);
  const known = (m: number) => f.priorSpend[m]! + f.cohortSpend[m]!;
  rows.sort((a, b) => known(b) - known(a) || a - b);
  const lines = [[...RECOVERY_FACT_COLUMNS, 'open_tickets', 'last_ticket_at', 'value_at_stake'].join(',')];
  for (const m of rows) {
    const cells = factCells(f, m).slice(0, RECOVERY_FACT_COLUMNS.length);
    lines.push(csvLine([...cells, String(f.unresolvedTickets[m]), wallDay(f.lastProblemAt[m]!), perCustomer === null ? '' : amount(perCustomer)]));
  }
  return lines.join('\n') + '\n';
}

/** A statistic to 12 significant digits (no float noise in the file). */
function amount(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/** A member's exact sum: the shortest text that reads back as the same double. */
function money(x: number): string {
  return String(x);
}

/** The day of a wall time, empty for NaN (no such ticket). */
export function wallDay(wall: number): string {
  return Number.isNaN(wall) ? '' : isoDay(Math.floor(wall / MS_PER_DAY));
}

/**
 * Cells quoted when they hold a comma, quote or line break (quotes doubled). A cell a
 * spreadsheet would run as a formula (= + - @ first, or a tab/CR) gets a leading apostrophe,
 * so a hostile customer id stays text; so does one already starting with apostrophes before
 * such a character, so the reader (src/ingest/factsTable.ts, unformulaCell) can take exactly
 * one off and get every id back.
 */
export function csvLine(cells: string[]): string {
  return cells
    .map((cell) => {
      const safe = /^'*[=+\-@\t\r]/.test(cell) && !/^-?\d/.test(cell) ? `'${cell}` : cell;
      return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}
