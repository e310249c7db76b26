import { DataError } from '../errors.js';
import {
  CUSTOMER_FACT_COLUMNS,
  RESOLUTION_RULES,
  type CustomerFactColumn,
  type CustomerFactsTable,
  type FactsRun,
  type ResolutionRule,
} from '../model/customerFacts.js';
import { parseIsoDay } from '../time/calendar.js';
import { grown } from '../model/grown.js';
import type { Group } from '../model/groups.js';

/** A facts file as text cells: its header and its rows, each with the line (CSV) or row number (Parquet) it came from. */
export interface FactsCells {
  file: string;
  where: 'line' | 'row';
  /** A CSV file: customer ids may carry the apostrophe facts.csv puts before a formula-like cell (unformulaCell). */
  formulaGuarded?: boolean;
  header: string[];
  rows: { line: number; cells: string[] }[];
}

const MS_PER_DAY = 86_400_000;
const GROUPS: readonly string[] = ['no_problem', 'resolved', 'unresolved'];
const CONTEXT_COLUMNS = ['cohort_start', 'cohort_end', 'follow_up_end', 'problem_end', 'baseline_start', 'pre_start', 'data_first_day', 'data_last_day', 'resolution_rule', 'currency'] as const satisfies readonly CustomerFactColumn[];
const WRITERS = 'loyalty cohort --facts FILE, or the result of loyalty sql';

/**
 * The members read so far, by column: a number column per NUMBER_COLUMNS entry, grown by
 * doubling. A cohort of millions of members then costs ~8 bytes a number, where an object and
 * an array per member cost ~200 bytes more.
 */
class MemberColumns {
  length = 0;
  readonly customerId: string[] = [];
  readonly group: Group[] = [];
  private lines = new Int32Array(1024);
  private readonly numbers: Float64Array[] = NUMBER_COLUMNS.map(() => new Float64Array(1024));

  push(line: number, customerId: string, group: Group, numbers: readonly number[]): void {
    if (this.length === this.lines.length) {
      this.lines = grown(this.lines, this.length * 2);
      for (let c = 0; c < this.numbers.length; c++) this.numbers[c] = grown(this.numbers[c]!, this.length * 2);
    }
    this.lines[this.length] = line;
    for (let c = 0; c < numbers.length; c++) this.numbers[c]![this.length] = numbers[c]!;
    this.customerId.push(customerId);
    this.group.push(group);
    this.length += 1;
  }

  line(m: number): number {
    return this.lines[m]!;
  }

  number(column: NumberColumn, m: number): number {
    return this.numbers[at[column]]![m]!;
  }
}

/** The member columns read as numbers (all but customer_id and group, before the context), in this order (MemberColumns). */
type ContextColumn = (typeof CONTEXT_COLUMNS)[number];
type NumberColumn = Exclude<CustomerFactColumn, 'customer_id' | 'group' | ContextColumn>;
const NUMBER_COLUMNS = CUSTOMER_FACT_COLUMNS.slice(2, CUSTOMER_FACT_COLUMNS.indexOf('cohort_start')) as NumberColumn[];
const at = Object.fromEntries(NUMBER_COLUMNS.map((c, i) => [c, i])) as Record<NumberColumn, number>;

/**
 * Text cells → the per-customer facts table, checked strictly: every column of
 * CUSTOMER_FACT_COLUMNS once (names ignoring case and surrounding spaces, any order) and no
 * other, every cell readable, groups and counts consistent, the context columns the same on
 * every row, each customer once. Any failure is a DataError naming file, line, column and value;
 * no row is ever dropped. Members are sorted by customer id (UTF-16 code units) as src/facts
 * sorts them, whatever the file's row order, since the statistics read members in that order.
 */
export function factsTable(input: FactsCells): CustomerFactsTable {
  const builder = new FactsTableBuilder(input);
  for (const { line, cells } of input.rows) builder.add(line, cells);
  return builder.finish();
}

/**
 * factsTable one row at a time (add, then finish), for rows that arrive streamed: an engine's
 * facts query can return millions of members, and holding them all as text first would take
 * several times the memory of the table.
 */
export class FactsTableBuilder {
  private readonly index: Record<CustomerFactColumn, number>;
  private readonly members = new MemberColumns();
  private first: { line: number; context: string[] } | null = null;
  private run: FactsRun | null = null;
  private observed = 0;

  constructor(private readonly input: Omit<FactsCells, 'rows'>) {
    this.index = columnIndex(input);
  }

  private place(line: number): string {
    return `${this.input.file}${this.input.where === 'line' ? ':' : ' row '}${line}`;
  }

  private fail(line: number, column: string, value: string, what: string): never {
    throw new DataError(`${this.place(line)}: column ${column} ${JSON.stringify(value)} ${what}; write the facts file with ${WRITERS} exported unchanged.`);
  }

  add(line: number, cells: readonly string[]): void {
    const cell = (c: CustomerFactColumn) => cells[this.index[c]]!.trim();
    if (this.first === null) {
      const context = CONTEXT_COLUMNS.map((c) => cell(c));
      this.first = { line, context };
      this.run = runOf(context, (column, value, what) => this.fail(line, column, value, what));
      this.observed = this.run.dataLastDay - this.run.windows.followUp.start;
    }
    const first = this.first;
    CONTEXT_COLUMNS.forEach((c, i) => {
      if (cell(c) !== first.context[i]) this.fail(line, c, cell(c), `differs from ${JSON.stringify(first.context[i])} on the first row (${this.place(first.line)}): one file holds one run, so every row has the same context`);
    });
    const customerId = this.input.formulaGuarded ? unformulaCell(cell('customer_id')) : cell('customer_id');
    if (customerId === '') this.fail(line, 'customer_id', customerId, 'is empty');
    const group = cell('group');
    if (!GROUPS.includes(group)) this.fail(line, 'group', group, `is not a group (${GROUPS.join(', ')})`);
    const numbers = NUMBER_COLUMNS.map((c) => numberCell(c, cell(c), (what) => this.fail(line, c, cell(c), what)));
    const value = (c: NumberColumn) => numbers[at[c]]!;
    const problems = value('problem_tickets');
    const expected = problems === 0 ? 'no_problem' : value('unresolved_tickets') > 0 ? 'unresolved' : 'resolved';
    if (group !== expected) this.fail(line, 'group', group, `disagrees with problem_tickets ${problems} and unresolved_tickets ${value('unresolved_tickets')} (that is ${expected})`);
    for (const c of ['unresolved_tickets', 'linked_tickets'] as const) {
      if (value(c) > problems) this.fail(line, c, cell(c), `is more than problem_tickets ${problems}`);
    }
    for (const c of ['first_problem_at', 'last_problem_at'] as const) {
      if (Number.isNaN(value(c)) !== (problems === 0)) this.fail(line, c, cell(c), problems === 0 ? 'is set for a member without problem tickets' : 'is empty for a member with problem tickets');
    }
    const days = value('days_to_next_order');
    if (days > this.observed) this.fail(line, 'days_to_next_order', cell('days_to_next_order'), `is after data_last_day (${this.observed} days after the follow-up start)`);
    this.members.push(line, customerId, group as Group, numbers);
  }

  /** The table, members sorted by customer id; an error when there were no rows or a customer repeats. */
  finish(): CustomerFactsTable {
    const members = this.members;
    if (this.run === null) throw new DataError(`${this.input.file}: no rows; a facts file holds one row per cohort member (${WRITERS}).`);
    const ids = members.customerId;
    const order = Array.from({ length: members.length }, (_, m) => m).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    for (let k = 1; k < order.length; k++) {
      const [a, b] = [order[k - 1]!, order[k]!];
      if (ids[a] === ids[b]) {
        const [first, second] = [Math.min(members.line(a), members.line(b)), Math.max(members.line(a), members.line(b))];
        this.fail(second, 'customer_id', ids[b]!, `repeats the customer of ${this.place(first)}; a facts file holds each member once`);
      }
    }
    return tableOf(members, order, this.run);
  }

  get rows(): number {
    return this.members.length;
  }
}

/**
 * The inverse of facts.csv's guard against spreadsheet formulas (src/report/factsCsv.ts,
 * csvLine): one leading apostrophe off a cell whose apostrophes are followed by = + - @, a tab
 * or CR. An id is then the one the CSV path sorted, so members keep their order.
 *
 * @example
 * unformulaCell("'@bob");  // '@bob'
 * unformulaCell("''=x");   // "'=x"
 * unformulaCell("'bob");   // "'bob"
 */
export function unformulaCell(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function columnIndex(input: Omit<FactsCells, 'rows'>): Record<CustomerFactColumn, number> {
  const names = input.header.map((h) => h.trim().toLowerCase());
  const known = new Set<string>(CUSTOMER_FACT_COLUMNS);
  const unknown = names.filter((n) => !known.has(n));
  const missing = CUSTOMER_FACT_COLUMNS.filter((c) => !names.includes(c));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (unknown.length > 0 || missing.length > 0 || repeated.length > 0) {
    const parts = [
      ...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []),
      ...(unknown.length > 0 ? [`unknown ${unknown.map((n) => JSON.stringify(n)).join(', ')}`] : []),
      ...(repeated.length > 0 ? [`repeated ${repeated.join(', ')}`] : []),
    ];
    throw new DataError(
      `${input.file}: header: ${parts.join('; ')}. A facts file has exactly the columns ${CUSTOMER_FACT_COLUMNS.join(', ')} (${WRITERS}; a file written before the context columns were added must be written again).`,
    );
  }
  return Object.fromEntries(CUSTOMER_FACT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<CustomerFactColumn, number>;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COUNT = /^\d+$/;
const TRUE = ['true', 't', '1'];
const FALSE = ['false', 'f', '0'];

/** One member cell as a number: money as a decimal, counts as whole numbers ≥ 0, booleans as 1/0, dates as wall times (NaN when empty). */
function numberCell(column: NumberColumn, text: string, fail: (what: string) => never): number {
  switch (column) {
    case 'cohort_spend':
    case 'prior_spend':
    case 'later_spend':
    case 'pre_spend':
      if (!DECIMAL.test(text) || !Number.isFinite(Number(text))) fail('is not a number (write a plain decimal such as 12.5)');
      return Number(text);
    case 'new_customer':
      if (TRUE.includes(text.toLowerCase())) return 1;
      if (FALSE.includes(text.toLowerCase())) return 0;
      return fail('is not true or false');
    case 'days_to_next_order':
      if (text === '') return NaN;
      if (!COUNT.test(text)) fail('is not a whole number of days ≥ 0 (empty when there is no next purchase)');
      return Number(text);
    case 'first_problem_at':
    case 'last_problem_at': {
      if (text === '') return NaN;
      const day = parseIsoDay(text.slice(0, 10));
      if (day === null || !/^$|^[T ]/.test(text.slice(10))) fail('is not a date (YYYY-MM-DD, or a timestamp starting with one)');
      return day! * MS_PER_DAY;
    }
    default:
      if (!COUNT.test(text) || Number(text) > 2 ** 31 - 1) fail('is not a whole number ≥ 0');
      return Number(text);
  }
}

/** The run's context from the first row's context cells (CONTEXT_COLUMNS order), checked. */
function runOf(cells: string[], fail: (column: string, value: string, what: string) => never): FactsRun {
  const value = (c: ContextColumn) => cells[CONTEXT_COLUMNS.indexOf(c)]!;
  const day = (c: ContextColumn) => {
    const d = parseIsoDay(value(c).slice(0, 10));
    if (d === null || !/^$|^[T ]00:00(:00(\.0+)?)?(Z|\+00:?00)?$/.test(value(c).slice(10))) return fail(c, value(c), 'is not a date (YYYY-MM-DD)');
    return d;
  };
  const rule = value('resolution_rule');
  if (!RESOLUTION_RULES.includes(rule as ResolutionRule)) fail('resolution_rule', rule, `is not a resolution rule (${RESOLUTION_RULES.join(', ')})`);
  const currency = value('currency');
  if (currency !== '' && !/^[A-Z]{3}$/.test(currency)) fail('currency', currency, 'is not an ISO currency code (three capital letters, or empty)');
  const cohort = { start: day('cohort_start'), end: day('cohort_end') };
  const windows = {
    cohort,
    followUp: { start: cohort.end + 1, end: day('follow_up_end') },
    problem: { start: cohort.start, end: day('problem_end') },
    baseline: { start: day('baseline_start'), end: cohort.start - 1 },
    pre: { start: day('pre_start'), end: cohort.start - 1 },
  };
  const run: FactsRun = { windows, dataFirstDay: day('data_first_day'), dataLastDay: day('data_last_day'), resolutionRule: rule as ResolutionRule, currency: currency === '' ? null : currency };
  const order: [ContextColumn, number, number, string][] = [
    ['cohort_end', cohort.end, cohort.start, 'cohort_start'],
    ['follow_up_end', windows.followUp.end, cohort.end + 1, 'the day after cohort_end'],
    ['problem_end', windows.problem.end, cohort.end, 'cohort_end'],
    ['data_last_day', run.dataLastDay, run.dataFirstDay, 'data_first_day'],
  ];
  for (const [c, later, earlier, name] of order) if (later < earlier) fail(c, value(c), `is before ${name}`);
  for (const c of ['baseline_start', 'pre_start'] as const) if (day(c) >= cohort.start) fail(c, value(c), 'is not before cohort_start');
  return run;
}

function tableOf(members: MemberColumns, order: readonly number[], run: FactsRun): CustomerFactsTable {
  const floats = (c: NumberColumn) => Float64Array.from(order, (m) => members.number(c, m));
  const ints = (c: NumberColumn) => Int32Array.from(order, (m) => members.number(c, m));
  const ids = order.map((m) => members.customerId[m]!);
  return {
    count: order.length,
    customerId: (m) => ids[m]!,
    group: order.map((m) => members.group[m]!),
    cohortSpend: floats('cohort_spend'),
    cohortOrders: ints('cohort_orders'),
    priorSpend: floats('prior_spend'),
    priorOrders: ints('prior_orders'),
    newCustomer: Uint8Array.from(order, (m) => members.number('new_customer', m)),
    laterSpend: floats('later_spend'),
    laterOrders: ints('later_orders'),
    daysToNextOrder: floats('days_to_next_order'),
    problemTickets: ints('problem_tickets'),
    unresolvedTickets: ints('unresolved_tickets'),
    firstProblemAt: floats('first_problem_at'),
    preSpend: floats('pre_spend'),
    lastProblemAt: floats('last_problem_at'),
    linkedTickets: ints('linked_tickets'),
    excludedTickets: ints('excluded_tickets'),
    run,
  };
}
