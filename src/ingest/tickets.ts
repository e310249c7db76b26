import {
  REQUIRED_TICKET_COLUMNS,
  TICKET_COLUMNS,
  type IngestOptions,
  type LoadedTickets,
  type Satisfaction,
  type TicketColumn,
  type TicketRecord,
} from './records.js';
import { RowAccounting } from './accounting.js';
import { PRESETS } from './presets/index.js';
import type { Preset } from './presets/preset.js';
import { openMappedRows } from './mappedRows.js';
import { columnLabel } from './mapping.js';
import { buildQuality } from './quality.js';
import { isoWall, Range, type ColumnProfile } from './profile.js';
import { normalizeCustomerId } from './values/customerId.js';
import { detach } from './values/detach.js';
import { DateColumn, type TimeCell } from './values/dateColumn.js';
import { parseBoolean, parseCount, parseSeconds } from './values/flags.js';
import { parseSatisfaction } from './values/score.js';

/**
 * Tickets: any supported surface form → canonical TicketRecords plus the accounting of every
 * row that could not be used. A non-empty value that cannot be read in any mapped column
 * (a score of "meh", resolved = "maybe") skips the row, counted under its own reason.
 */
export async function parseTickets(
  source: AsyncIterable<Uint8Array | string> | string,
  fileName: string,
  options: IngestOptions,
  presets: readonly Preset[] = PRESETS,
): Promise<LoadedTickets> {
  const acc = new RowAccounting(fileName, options.strict);
  const input = await openMappedRows(source, fileName, 'tickets', TICKET_COLUMNS, REQUIRED_TICKET_COLUMNS, options, acc, presets);
  const sources = input.mapping.sources;
  const has = (c: TicketColumn) => c in sources;
  const created = new DateColumn('created_at', columnLabel('created_at', sources), options.dateFormat, options.tz);
  const responded = new DateColumn('first_response_at', columnLabel('first_response_at', sources), options.dateFormat, options.tz);
  const scales = new Set<string>();
  type Draft = Omit<TicketRecord, 'createdAt' | 'waitSeconds'> & { created: TimeCell; responded: TimeCell | null; wait: number | null };
  const drafts: Draft[] = [];
  const text = (values: Partial<Record<string, string>>, c: TicketColumn) => (has(c) ? detach((values[c] ?? '').trim()) || null : null);

  for await (const batch of input.rows) {
    rows: for (const { line, values } of batch) {
      const rawId = values.customer_id ?? '';
      const rawCreated = values.created_at ?? '';
      const customerId = normalizeCustomerId(rawId);
      const createdCell = created.cell(rawCreated);
      if (createdCell === null) acc.unparseable('created_at', line, rawCreated);
      if (customerId === '') {
        acc.skip(line, 'empty customer_id', rawId, 'customer_id', sources.customer_id, 'fill in the customer or map another column with --map tickets.customer_id=<header>');
        continue;
      }
      if (createdCell === null) {
        acc.skip(line, 'unparseable created_at', rawCreated, 'created_at', sources.created_at, DATE_FIX);
        continue;
      }
      const optional = <T>(column: TicketColumn, parse: (raw: string) => T | null | 'invalid', reason: string, fix: string): T | null | 'skip' => {
        if (!has(column)) return null;
        const raw = values[column] ?? '';
        const value = parse(raw);
        if (value !== 'invalid') return value;
        acc.skip(line, reason, raw, column, sources[column], fix);
        return 'skip';
      };
      const satisfaction = optional<Satisfaction>('satisfaction', parseSatisfaction, 'unrecognised satisfaction score', 'use 1–5, good/bad or satisfied/unsatisfied (empty, offered or unoffered mean not rated)');
      const resolved = optional<boolean>('resolved', parseBoolean, 'unrecognised resolved value', 'use true/false, yes/no or 1/0');
      const fcr = optional<boolean>('first_contact_resolved', parseBoolean, 'unrecognised first_contact_resolved value', 'use true/false, yes/no or 1/0');
      const wait = optional<number>('wait_seconds', parseSeconds, 'unparseable wait_seconds', 'write the wait as a number of seconds');
      const transfers = optional<number>('transfers', parseCount, 'unparseable transfers', 'write transfers as a whole number');
      const reopens = optional<number>('reopens', parseCount, 'unparseable reopens', 'write reopens as a whole number');
      const contacts = optional<number>('contacts', parseCount, 'unparseable contacts', 'write contacts as a whole number');
      for (const v of [satisfaction, resolved, fcr, wait, transfers, reopens, contacts]) if (v === 'skip') continue rows;
      let respondedCell: TimeCell | null = null;
      if (has('first_response_at') && (values.first_response_at ?? '').trim() !== '') {
        respondedCell = responded.cell(values.first_response_at!);
        if (respondedCell === null) {
          acc.skip(line, 'unparseable first_response_at', values.first_response_at!, 'first_response_at', sources.first_response_at, DATE_FIX);
          continue;
        }
      }
      const score = satisfaction as Satisfaction | null;
      if (score !== null) scales.add(score.kind);
      drafts.push({
        line,
        customerId,
        created: createdCell,
        responded: respondedCell,
        wait: wait as number | null,
        ticketId: text(values, 'ticket_id'),
        orderId: text(values, 'order_id'),
        status: text(values, 'status'),
        resolved: resolved as boolean | null,
        satisfaction: score,
        reason: text(values, 'reason'),
        channel: text(values, 'channel'),
        agent: text(values, 'agent'),
        transfers: transfers as number | null,
        reopens: reopens as number | null,
        contacts: contacts as number | null,
        firstContactResolved: fcr as boolean | null,
      });
    }
  }
  acc.assertSomeRows('tickets');
  created.decide(fileName);
  responded.decide(fileName);

  const records: TicketRecord[] = [];
  const createdRange = new Range();
  for (const d of drafts) {
    const createdAt = created.resolve(d.created);
    if (createdAt === null) {
      const raw = typeof d.created === 'number' ? '' : d.created.raw;
      acc.unparseable('created_at', d.line, raw);
      acc.skip(d.line, 'unparseable created_at', raw, 'created_at', sources.created_at, DATE_FIX);
      continue;
    }
    let waitSeconds = d.wait;
    if (waitSeconds === null && d.responded !== null) {
      const respondedAt = responded.resolve(d.responded);
      if (respondedAt === null) {
        acc.skip(d.line, 'unparseable first_response_at', typeof d.responded === 'number' ? '' : d.responded.raw, 'first_response_at', sources.first_response_at, DATE_FIX);
        continue;
      }
      // A response stamped before the ticket was opened is a clock or export error: no wait known.
      waitSeconds = respondedAt >= createdAt ? (respondedAt - createdAt) / 1000 : null;
    }
    createdRange.add(createdAt);
    const { created: _c, responded: _r, wait: _w, ...rest } = d;
    records.push({ ...rest, createdAt, waitSeconds });
  }
  acc.assertSomeUsed(records.length + acc.rowsMerged);
  acc.assertColumnsUsable(sources, (column) =>
    column === 'created_at'
      ? 'check that --map tickets.created_at points at the creation time and that dates are ISO (2014-01-31) or M/D/YYYY (--date-format)'
      : 'map the column that holds the customer with --map tickets.customer_id=<header>',
  );

  const scoreFormat = scales.size === 0 ? 'no ratings' : [...scales].sort().map((k) => (k === 'numeric' ? '1–5 scale' : 'good/bad')).join(' and ');
  const decisions = [`created_at: ${created.describe()}`];
  if (has('first_response_at')) decisions.push(`first_response_at: ${responded.describe()}`);
  if (has('satisfaction')) decisions.push(`satisfaction: ${scoreFormat}`);
  const quality = buildQuality(fileName, input, acc, records.length, decisions);
  const present = new Set(TICKET_COLUMNS.filter((c) => has(c)));
  const columns: ColumnProfile[] = [...present].map((c) => {
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
  return { records, present, quality, profile, problems: acc.sortedProblems() };
}

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
