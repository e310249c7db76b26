import { CUSTOMER_FACT_COLUMNS, type CustomerFactsTable } from '../model/customerFacts.js';
import { isoDay } from '../time/calendar.js';

const MS_PER_DAY = 86_400_000;

/**
 * One row of the facts table as text cells, in CUSTOMER_FACT_COLUMNS order: money to 12
 * significant digits (sums of cents carry no float noise that way), new_customer as
 * true/false, days_to_next_order empty when censored, first_problem_at as YYYY-MM-DD.
 */
export function factCells(f: CustomerFactsTable, m: number): string[] {
  const days = f.daysToNextOrder[m]!;
  const first = f.firstProblemAt[m]!;
  return [
    f.customerId[m]!,
    f.group[m]!,
    amount(f.cohortSpend[m]!),
    String(f.cohortOrders[m]),
    amount(f.priorSpend[m]!),
    String(f.priorOrders[m]),
    f.newCustomer[m] === 1 ? 'true' : 'false',
    amount(f.laterSpend[m]!),
    String(f.laterOrders[m]),
    Number.isNaN(days) ? '' : String(days),
    String(f.problemTickets[m]),
    String(f.unresolvedTickets[m]),
    Number.isNaN(first) ? '' : dayText(first),
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
  const lines = [[...CUSTOMER_FACT_COLUMNS, 'open_tickets', 'last_ticket_at', 'value_at_stake'].join(',')];
  for (const m of rows) {
    const last = f.extra.lastProblemAt[m]!;
    lines.push(csvLine([...factCells(f, m), String(f.unresolvedTickets[m]), Number.isNaN(last) ? '' : dayText(last), perCustomer === null ? '' : amount(perCustomer)]));
  }
  return lines.join('\n') + '\n';
}

function amount(x: number): string {
  return String(Number(x.toPrecision(12)));
}

function dayText(wall: number): string {
  return isoDay(Math.floor(wall / MS_PER_DAY));
}

/**
 * Cells quoted when they hold a comma, quote or line break (quotes doubled). A cell a
 * spreadsheet would run as a formula (= + - @ first, or a tab/CR) gets a leading apostrophe,
 * so a hostile customer id stays text.
 */
export function csvLine(cells: string[]): string {
  return cells
    .map((cell) => {
      const safe = /^[=+\-@\t\r]/.test(cell) && !/^-?\d/.test(cell) ? `'${cell}` : cell;
      return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}
