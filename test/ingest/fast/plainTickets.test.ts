import fc from 'fast-check';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readTickets } from '../../../src/ingest/readTickets.js';
import { parseTickets } from '../../../src/ingest/tickets.js';
import { readPlainTickets } from '../../../src/ingest/fast/plainTickets.js';
import { PRESETS } from '../../../src/ingest/presets/index.js';
import type { IngestOptions } from '../../../src/ingest/records.js';
import { inPieces, options } from '../ingestTestUtil.js';
import { expectPlainOrGeneral, plainFiles, renderCsv, ROW_SHAPE, SURFACE } from './plainFileHarness.js';
import { ticketRecords, withTicketRows } from '../../model/ticketRecords.js';

/**
 * The byte reader for plain tickets files against the general path (papaparse → the row rules
 * of tickets.ts), which defines what a file means: on any file, the byte reader either hands
 * the file back (null) or gives exactly the general result: records, quality, profile,
 * problems, or the same error.
 */
const files = plainFiles('tickets');

const CUSTOMERS = ['C1', 'C2', 'c2', ' C3 ', 'Ann@Example.com', 'ann@example.com', 'ÜLI@x.de', 'Ü1', '', 'Total', 'a\u00a0', 'jos\u00e9', 'jose\u0301', 'ann\u200b', '\u200bann', 'ZW\u200d1'];
const DATES = [
  '2024-01-05',
  '2024-01-05 10:00:00',
  '2024-03-31T23:59:59Z',
  '2024-03-31T23:59:59+02:00',
  '2024-03-31T23:59:59.250-05:30',
  '2024-02-30',
  '1/5/2024',
  '13/1/2024',
  '1/5/2024 9:30 AM',
  ' 2024-02-01',
  '',
  '45000',
  '5 Jan 2024',
];
const TICKET_IDS = ['T1', 'T2', 'T1', '', ' T3', 'ü9', 'a-very-long-ticket-identifier-0001', 'Total'];
const ORDER_IDS = ['A1', '', '1001', ' 1002 ', 'ü9', 'a-very-long-order-identifier-0001', 'A1\u200b', 'ü9\ufeff'];
const STATUSES = ['closed', 'open', ' solved', '', 'näh', 'on-hold'];
const SCORES = ['', '1', '5', '3', '0', '6', '4.5', 'good', 'Bad', 'satisfied', 'unsatisfied', 'offered', 'unoffered', 'meh', ' 2 '];
const CHANNELS = ['email', 'chat', ' phone ', '', 'café ☕'];
const NOTES = ['', 'ok', 'café ☕', '"quoted, with comma"', '"two\nlines"', '"say ""hi"""'];
// Optional columns: mostly values the rules accept (blank ones too: spaces, a no-break space),
// so most lines are read from their bytes, and now and then one a rule refuses or reads another way.
const mostly = (accepted: string[], other: string[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...accepted), weight: 6 }, { arbitrary: fc.constantFrom(...other), weight: 1 });
const REASONS = mostly(['order status', 'refund', 'refund', '', '  ', 'Refund ', '\u00a0', 'ü-reason', 'return'], ['x']);
const AGENTS = mostly(['ann', '', '  ', 'ann ', ' bo'], ['dee']);
const BOOLEANS = mostly(['true', 'no', 'Yes', '1', '', ' '], ['maybe']);
const WAITS = mostly(['42', '12.5', '0', '', ' 7'], ['-3', 'soon']);
const COUNTS = mostly(['0', '2', '3.0', ''], ['1.5', 'x']);
const RESPONSES = mostly(['', '2024-01-05 10:30:00', '2024-01-04', '2024-03-31T23:59:59Z'], ['1/5/2024 11:00', ' ', 'later']);

const row = fc.record({
  ticketId: fc.constantFrom(...TICKET_IDS),
  customer: fc.constantFrom(...CUSTOMERS),
  created: mostly(['2024-01-05', '2024-01-05 10:00:00', '2024-03-31T23:59:59Z', '2024-03-31 23:59:59 +0530', '2024-01-05 10:00'], DATES),
  orderId: fc.constantFrom(...ORDER_IDS),
  status: fc.constantFrom(...STATUSES),
  score: fc.constantFrom(...SCORES),
  channel: fc.constantFrom(...CHANNELS),
  note: fc.constantFrom(...NOTES),
  reason: REASONS,
  agent: AGENTS,
  resolved: BOOLEANS,
  followUp: BOOLEANS,
  wait: WAITS,
  transfers: COUNTS,
  response: RESPONSES,
  shape: ROW_SHAPE,
});

const file = fc.record({
  rows: fc.array(row, { minLength: 0, maxLength: 60 }),
  ...SURFACE,
  withNote: fc.boolean(),
  withScore: fc.boolean(),
  withExtras: fc.boolean(),
  mapped: fc.boolean(),
  tz: fc.constantFrom<string | null>(null, 'Europe/Berlin'),
});

type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

function render(f: File): Buffer {
  const header = [
    'ticket_id',
    f.mapped ? 'Requester' : 'customer_id',
    'created_at',
    'order_id',
    'status',
    ...(f.withScore ? ['satisfaction'] : []),
    'channel',
    ...(f.withNote ? ['note'] : []),
    ...(f.withExtras ? ['reason', 'agent', 'resolved', 'wait_seconds', 'transfers', 'first_response_at', 'first_contact_resolved', f.mapped ? 'Called back' : 'follow_up'] : []),
  ];
  const rows = f.rows.map((r) => {
    const note = f.quotes ? r.note : r.note.replace(/"/g, '');
    const extras = f.withExtras ? [r.reason, r.agent, r.resolved, r.wait, r.transfers, r.response, r.resolved, r.followUp] : [];
    return { fields: [r.ticketId, r.customer, r.created, r.orderId, r.status, ...(f.withScore ? [r.score] : []), r.channel, ...(f.withNote ? [note] : []), ...extras], shape: r.shape };
  });
  return renderCsv(header, rows, f);
}

function plainRead(bytes: Buffer, name: string, o: IngestOptions, chunk: number) {
  return files.read(bytes, (handle) => readPlainTickets(handle, bytes.length, name, o, PRESETS, undefined, chunk));
}

describe('plain tickets reader', () => {
  it('gives the general path’s result, or hands the file back, on any file', async () => {
    const o = (f: File) => options({ tz: f.tz, map: f.mapped ? { 'tickets.customer_id': 'Requester', 'tickets.follow_up': 'Called back' } : {} });
    await expectPlainOrGeneral(
      file,
      async (f) => withTicketRows(await parseTickets(inPieces(render(f), 1 << 20), 'tickets.csv', o(f))),
      async (f) => {
        const read = await plainRead(render(f), 'tickets.csv', o(f), f.chunk);
        return 'value' in read ? { value: withTicketRows(read.value) } : read;
      },
    );
  });

  it('reads a plain file itself: the same records as the general path', async () => {
    const text =
      'ticket_id,customer_id,created_at,order_id,status,satisfaction,channel\r\n' +
      'T1,Ann@Example.com,2024-01-05 10:00:00,A1,closed,good,email\r\n' +
      'T2,C2,2024-01-06,,open,,chat\r\n' +
      'T3,C2,2024-01-07,,open,meh,chat\r\n';
    const bytes = Buffer.from(text);
    // One unreadable score in three tickets is over the default 5%: raised to read the file.
    const o = options({ maxUnusable: 0.5 });
    const plain = await plainRead(bytes, 't.csv', o, 1 << 20);
    expect('value' in plain && plain.value !== null).toBe(true);
    const loaded = (plain as { value: NonNullable<Awaited<ReturnType<typeof readPlainTickets>>> }).value;
    expect(ticketRecords(loaded.table).map((r) => [r.line, r.customerId, r.createdAt, r.orderId, r.status, r.satisfaction, r.channel])).toEqual([
      [2, 'ann@example.com', Date.UTC(2024, 0, 5, 10), 'A1', 'closed', { kind: 'text', satisfied: true }, 'email'],
      [3, 'C2', Date.UTC(2024, 0, 6), null, 'open', null, 'chat'],
      [4, 'C2', Date.UTC(2024, 0, 7), null, 'open', null, 'chat'],
    ]);
    expect(loaded.quality.rowsSkipped).toBe(0);
    expect(loaded.quality.cellsEmptied?.['unrecognised satisfaction score']?.count).toBe(1);
    expect(withTicketRows(loaded)).toEqual(withTicketRows(await parseTickets(inPieces(bytes, 1 << 20), 't.csv', o)));
  });

  it('counts no id normalised on a totals row, which the general path sets aside unread', async () => {
    const text = 'ticket_id,customer_id,created_at,order_id\nT1,C1,2024-01-05,A1\nTotal,ZW\u200d1,,A1\n';
    const plain = await plainRead(Buffer.from(text), 't.csv', options(), 1 << 20);
    const general = await parseTickets(text, 't.csv', options());
    expect(general.quality.idsNormalized).toBeUndefined();
    expect(plain).toEqual({ value: expect.anything() });
    expect(withTicketRows((plain as { value: NonNullable<Awaited<ReturnType<typeof readPlainTickets>>> }).value)).toEqual(withTicketRows(general));
  });

  it('hands back files with quotes it cannot unquote, NUL bytes, invalid UTF-8 or UTF-16', async () => {
    const header = 'customer_id,created_at\n';
    for (const bytes of [
      Buffer.from(`${header}"C,1",2024-01-01\n`),
      Buffer.from(`${header}C1,2024-01-01\u0000\n`),
      Buffer.concat([Buffer.from(`${header}C`), Buffer.from([0xc3, 0x28]), Buffer.from(',2024-01-01\n')]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}C1,2024-01-01\n`, 'utf16le')]),
    ]) {
      expect(await plainRead(bytes, 't.csv', options(), 1 << 20)).toEqual({ value: null });
    }
  });

  it('readTickets reads a quoted file through the general path with the same result', async () => {
    const path = files.path('quoted.csv');
    const text = 'customer_id,created_at,note\nC1,2024-01-05,"a, b"\nC2,2024-01-06,"line\nbreak"\n';
    await writeFile(path, text);
    expect(withTicketRows(await readTickets(path, options()))).toEqual(withTicketRows(await parseTickets(text, path, options())));
  });
});
