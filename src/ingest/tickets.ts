import type { IngestOptions, LoadedTickets } from './records.js';
import { RowAccounting } from './accounting.js';
import { PRESETS } from './presets/index.js';
import type { Preset } from './presets/preset.js';
import { openMappedRows, type MappedRows } from './mappedRows.js';
import { columnLabel } from './mapping.js';
import { buildQuality, noteNormalizedIds } from './quality.js';
import { isoWall, Range, type ColumnProfile } from './profile.js';
import { normalizeCustomerId, normalizeOrderId } from './values/customerId.js';
import { detach, Interner } from './values/detach.js';
import { DateColumn, type PendingTime, type TimeCell } from './values/dateColumn.js';
import { parseBoolean, parseCount, parseSeconds } from './values/flags.js';
import { parseSatisfaction } from './values/score.js';
import { plausibleDates } from './values/plausibleDate.js';
import { REQUIRED_TICKET_COLUMNS, type Satisfaction, TICKET_COLUMNS, type TicketColumn, type TicketRecord } from '../model/ticketRecord.js';
import { OPTIONAL_NUMBERS, type OptionalNumber, TicketTable } from '../model/ticketTable.js';

/**
 * Tickets: any supported surface form → the canonical TicketTable plus the accounting of every
 * row that could not be used. A non-empty value that cannot be read in an optional column
 * (a score of "meh", resolved = "maybe") leaves that cell empty, counted under its own reason;
 * the ticket is kept.
 */
export async function parseTickets(
  source: AsyncIterable<Uint8Array | string> | string,
  fileName: string,
  options: IngestOptions,
  presets: readonly Preset[] = PRESETS,
): Promise<LoadedTickets> {
  const acc = new RowAccounting(fileName, options.strict, options.maxUnusable);
  const input = await openMappedRows(source, fileName, 'tickets', TICKET_COLUMNS, REQUIRED_TICKET_COLUMNS, options, acc, presets);
  const rows = ticketRowsFor(input, options, acc);
  for await (const batch of input.rows) for (const { line, values } of batch) rows.row(line, values);
  return rows.finish(fileName, input);
}

/**
 * What one tickets row means, defined once: both readers (the general one over papaparse
 * records, and the byte reader for plain files in plainTickets.ts) hand their rows to `row`;
 * `finish` resolves the dates that wait for the whole column and builds the quality and profile.
 */
export interface TicketRows {
  row(line: number, values: Partial<Record<string, string>>): void;
  /**
   * A row the byte reader has read completely with the same rules (plainTicketLine.ts): row k
   * of `batch` (a table numbering ids and labels with `table`), its createdAt as fastIsoMs read
   * it (made wall time here, in row order, as `row` does), and first_response_at likewise (NaN
   * for none).
   */
  plain(batch: TicketTable, k: number, createdZone: number, responseMs: number, responseZone: number): void;
  /** The tickets kept so far. */
  readonly table: TicketTable;
  finish(fileName: string, input: Omit<MappedRows, 'rows'>): LoadedTickets;
  /** Raw ids that Unicode normalisation changed (customerId.ts), for the data-quality count. */
  readonly changedIds: { customer_id: Set<string>; order_id: Set<string> };
}

export function ticketRowsFor(input: Pick<MappedRows, 'mapping'>, options: IngestOptions, acc: RowAccounting): TicketRows {
  const sources = input.mapping.sources;
  const created = new DateColumn('created_at', columnLabel('created_at', sources), options.dateFormat, options.tz);
  const responded = new DateColumn('first_response_at', columnLabel('first_response_at', sources), options.dateFormat, options.tz);
  const scales = new Set<string>();
  const changedIds = { customer_id: new Set<string>(), order_id: new Set<string>() };
  const table = new TicketTable();
  // Slash dates and bare numbers wait for the whole column; their tickets are fixed up after.
  const pendingCreated: { index: number; cell: PendingTime }[] = [];
  const responses: { index: number; cell: TimeCell }[] = [];
  const present = TICKET_COLUMNS.filter((c) => c in sources);
  const has = new Set<string>(present);
  // A wait comes from wait_seconds or from first_response_at; the others from their own column.
  const sourceOf: Record<OptionalNumber, readonly TicketColumn[]> = {
    waitSeconds: ['wait_seconds', 'first_response_at'],
    transfers: ['transfers'],
    reopens: ['reopens'],
    contacts: ['contacts'],
  };
  table.lacks(OPTIONAL_NUMBERS.filter((c) => !sourceOf[c].some((s) => has.has(s))));
  const text = (values: Partial<Record<string, string>>, c: TicketColumn) => (has.has(c) ? textCell(values[c] ?? '') : null);
  const interners = { status: new Interner(), reason: new Interner(), channel: new Interner(), agent: new Interner() };
  const label = (values: Partial<Record<string, string>>, c: keyof typeof interners) =>
    has.has(c) ? interners[c].intern((values[c] ?? '').trim()) || null : null;
  const read = <T>(line: number, values: Partial<Record<string, string>>, field: OptionalField<T>): T | null => {
    if (!has.has(field.column)) return null;
    const raw = values[field.column] ?? '';
    const value = field.parse(raw);
    if (value !== 'invalid') return value;
    acc.emptyCell(line, field.reason, raw, field.column, sources[field.column] ?? null, field.fix);
    return null;
  };

  function row(line: number, values: Partial<Record<string, string>>): void {
    const rawId = values.customer_id ?? '';
    const rawCreated = values.created_at ?? '';
    const customerId = normalizeCustomerId(rawId, changedIds.customer_id);
    const createdCell = created.cell(rawCreated, line);
    if (createdCell === null) acc.unparseable('created_at', line, rawCreated);
    if (customerId === '') {
      acc.skip(line, 'empty customer_id', rawId, 'customer_id', sources.customer_id, 'fill in the customer or map another column with --map tickets.customer_id=<header>');
      return;
    }
    if (createdCell === null) {
      acc.skip(line, 'unparseable created_at', rawCreated, 'created_at', sources.created_at, DATE_FIX);
      return;
    }
    // An unreadable optional cell is left empty and counted; the ticket itself stays.
    const satisfaction = read(line, values, SATISFACTION);
    const resolved = read(line, values, RESOLVED);
    const firstContactResolved = read(line, values, FIRST_CONTACT_RESOLVED);
    const waitSeconds = read(line, values, WAIT_SECONDS);
    const transfers = read(line, values, TRANSFERS);
    const reopens = read(line, values, REOPENS);
    const contacts = read(line, values, CONTACTS);
    const followUp = read(line, values, FOLLOW_UP);
    let respondedCell: TimeCell | null = null;
    const rawResponse = has.has('first_response_at') ? (values.first_response_at ?? '') : '';
    if (rawResponse.trim() !== '') {
      respondedCell = responded.cell(rawResponse, line);
      if (respondedCell === null) acc.emptyCell(line, 'unparseable first_response_at', rawResponse, 'first_response_at', sources.first_response_at ?? null, DATE_FIX);
    }
    if (typeof createdCell !== 'number') pendingCreated.push({ index: table.length, cell: createdCell });
    table.push({
      line,
      customerId,
      createdAt: typeof createdCell === 'number' ? createdCell : NaN,
      ticketId: text(values, 'ticket_id'),
      orderId: has.has('order_id') ? detach(normalizeOrderId(values.order_id ?? '', changedIds.order_id) ?? '') || null : null,
      status: label(values, 'status'),
      resolved,
      satisfaction,
      reason: label(values, 'reason'),
      channel: label(values, 'channel'),
      agent: label(values, 'agent'),
      waitSeconds,
      transfers,
      reopens,
      contacts,
      firstContactResolved,
      followUp,
    });
    kept(respondedCell);
  }

  /** What the last ticket kept tells the column decisions, and its response time to resolve. */
  function kept(respondedCell: TimeCell | null): void {
    const i = table.length - 1;
    if (table.satisfied[i]! >= 0) scales.add(table.score[i]! > 0 ? 'numeric' : 'text');
    const wait = table.waitSeconds[i]!;
    if (wait !== wait && respondedCell !== null) responses.push({ index: i, cell: respondedCell });
  }

  function plain(batch: TicketTable, k: number, createdZone: number, responseMs: number, responseZone: number): void {
    table.copyRow(batch, k);
    const i = table.length - 1;
    table.createdAt[i] = created.fastCell(table.createdAt[i]!, createdZone);
    kept(responseMs === responseMs ? responded.fastCell(responseMs, responseZone) : null);
  }

  function finish(fileName: string, input: Omit<MappedRows, 'rows'>): LoadedTickets {
    acc.assertSomeRows('tickets');
    created.decide(fileName);
    responded.decide(fileName);

    const unusable = new Set<number>();
    for (const { index, cell } of pendingCreated) {
      const createdAt = created.resolve(cell);
      if (createdAt !== null) table.createdAt[index] = createdAt;
      else {
        // Only bare numbers in a column that turned out not to be all Excel dates land here.
        unusable.add(index);
        acc.unparseable('created_at', table.line[index]!, cell.raw);
        acc.skip(table.line[index]!, 'unparseable created_at', cell.raw, 'created_at', sources.created_at, DATE_FIX);
      }
    }
    // created_at outside 1970 .. a year after the run is a typo: skipped, so it moves no window.
    const plausible = plausibleDates(options.now ?? Date.now());
    for (let i = 0; i < table.length; i++) {
      const ms = table.createdAt[i]!;
      if (plausible.has(ms) || unusable.has(i)) continue;
      unusable.add(i);
      const shown = isoWall(ms);
      acc.unparseable('created_at', table.line[i]!, shown);
      acc.skip(table.line[i]!, `implausible created_at (${plausible.why(ms)})`, shown, 'created_at', sources.created_at, 'correct the year (dates from 1970 to a year after today are read)');
    }
    for (const { index, cell } of responses) {
      if (unusable.has(index)) continue;
      const respondedAt = responded.resolve(cell);
      if (respondedAt === null) {
        acc.emptyCell(table.line[index]!, 'unparseable first_response_at', typeof cell === 'number' ? '' : cell.raw, 'first_response_at', sources.first_response_at ?? null, DATE_FIX);
        continue;
      }
      if (!plausible.has(respondedAt)) {
        acc.emptyCell(table.line[index]!, `implausible first_response_at (${plausible.why(respondedAt)})`, isoWall(respondedAt), 'first_response_at', sources.first_response_at ?? null, 'correct the year (dates from 1970 to a year after today are read)');
        continue;
      }
      // A response stamped before the ticket was opened is a clock or export error: no wait known.
      const createdAt = table.createdAt[index]!;
      table.waitSeconds[index] = respondedAt >= createdAt ? (respondedAt - createdAt) / 1000 : NaN;
    }
    if (unusable.size > 0) table.retain((i) => !unusable.has(i));
    const createdRange = new Range();
    for (let i = 0; i < table.length; i++) createdRange.add(table.createdAt[i]!);
    acc.assertSomeUsed(table.length + acc.rowsMerged);
    acc.assertColumnsUsable(sources, (column) =>
      column === 'created_at'
        ? 'check that --map tickets.created_at points at the creation time and that dates are ISO (2014-01-31) or M/D/YYYY (--date-format)'
        : 'map the column that holds the customer with --map tickets.customer_id=<header>',
    );

    const scoreFormat = scales.size === 0 ? 'no ratings' : [...scales].sort().map((k) => (k === 'numeric' ? '1–5 scale' : 'good/bad')).join(' and ');
    const decisions = [`created_at: ${created.describe()}`];
    if (has.has('first_response_at')) decisions.push(`first_response_at: ${responded.describe()}`);
    if (has.has('satisfaction')) decisions.push(`satisfaction: ${scoreFormat}`);
    const quality = buildQuality(fileName, input, acc, table.length, decisions);
    noteNormalizedIds(quality, changedIds);
    const columns: ColumnProfile[] = present.map((c) => {
      const [type, format, range] = describeColumn(c, created, responded, scoreFormat, createdRange);
      return input.observer.profile(c, sources[c], type, format, range);
    });
    const profile = {
      encoding: input.encoding,
      delimiter: input.dialect.delimiter,
      lineEnding: input.dialect.lineEnding,
      headers: input.header.headers,
      columns,
    };
    return { table, present: new Set(present), quality, profile, problems: acc.sortedProblems() };
  }

  return { row, plain, finish, changedIds, table };
}

/** ticket_id and order_id: trimmed, empty → null. */
export function textCell(raw: string): string | null {
  return detach(raw.trim()) || null;
}

export interface OptionalField<T> {
  column: TicketColumn;
  parse: (raw: string) => T | null | 'invalid';
  reason: string;
  fix: string;
}

const YES_NO = 'use true/false, yes/no or 1/0';
const SATISFACTION: OptionalField<Satisfaction> = {
  column: 'satisfaction',
  parse: parseSatisfaction,
  reason: 'unrecognised satisfaction score',
  fix: 'use 1–5, good/bad or satisfied/unsatisfied (empty, offered or unoffered mean not rated)',
};
const RESOLVED: OptionalField<boolean> = { column: 'resolved', parse: parseBoolean, reason: 'unrecognised resolved value', fix: YES_NO };
const FIRST_CONTACT_RESOLVED: OptionalField<boolean> = {
  column: 'first_contact_resolved',
  parse: parseBoolean,
  reason: 'unrecognised first_contact_resolved value',
  fix: YES_NO,
};
const FOLLOW_UP: OptionalField<boolean> = { column: 'follow_up', parse: parseBoolean, reason: 'unrecognised follow_up value', fix: YES_NO };
const WAIT_SECONDS: OptionalField<number> = { column: 'wait_seconds', parse: parseSeconds, reason: 'unparseable wait_seconds', fix: 'write the wait as a number of seconds' };
const TRANSFERS: OptionalField<number> = { column: 'transfers', parse: parseCount, reason: 'unparseable transfers', fix: 'write transfers as a whole number' };
const REOPENS: OptionalField<number> = { column: 'reopens', parse: parseCount, reason: 'unparseable reopens', fix: 'write reopens as a whole number' };
const CONTACTS: OptionalField<number> = { column: 'contacts', parse: parseCount, reason: 'unparseable contacts', fix: 'write contacts as a whole number' };

/** The optional columns read by a rule of their raw text alone (plainTicketLine.ts reads them in this order). */
export const OPTIONAL_FIELDS = [SATISFACTION, RESOLVED, FIRST_CONTACT_RESOLVED, WAIT_SECONDS, TRANSFERS, REOPENS, CONTACTS, FOLLOW_UP] as const;

const DATE_FIX = 'write times like 2014-01-31 09:30 or 1/31/2014 9:30 AM (see --date-format), or map another column';

function describeColumn(
  column: TicketColumn,
  created: DateColumn,
  responded: DateColumn,
  scoreFormat: string,
  createdRange: Range,
): [ColumnProfile['type'], string | null, [string, string] | null] {
  switch (column) {
    case 'customer_id':
    case 'ticket_id':
    case 'order_id':
      return ['id', null, null];
    case 'created_at':
      return ['date', created.describe(), createdRange.as(isoWall)];
    case 'first_response_at':
      return ['date', responded.describe(), null];
    case 'satisfaction':
      return ['score', scoreFormat, null];
    case 'resolved':
    case 'first_contact_resolved':
    case 'follow_up':
      return ['boolean', 'true/false, yes/no, 1/0', null];
    case 'transfers':
    case 'reopens':
    case 'contacts':
      return ['count', null, null];
    case 'wait_seconds':
      return ['seconds', null, null];
    default:
      return ['text', null, null];
  }
}
