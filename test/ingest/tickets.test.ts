import { describe, expect, it } from 'vitest';
import { parseTickets } from '../../src/ingest/tickets.js';
import { DataError } from '../../src/errors.js';
import { expectAccounted, options } from './ingestTestUtil.js';
import { ticketRecords } from '../model/ticketRecords.js';

const utc = Date.UTC;

describe('parseTickets', () => {
  it('reads every canonical ticket column', async () => {
    const csv = [
      'customer_id,created_at,ticket_id,order_id,status,resolved,satisfaction,reason,channel,agent,first_response_at,transfers,reopens,contacts,first_contact_resolved,follow_up',
      'Ann@X.com,2014-01-05 09:00,T1,O1,solved,yes,good,order status,phone,Kim,2014-01-05 09:02:30,1,0,2,no,TRUE',
      'bo,2014-01-06T10:00:00Z,,,, ,,  ,,,,,,,,',
    ].join('\n');
    const loaded = await parseTickets(csv, 'tickets.csv', options());
    expect(ticketRecords(loaded.table)).toEqual([
      {
        line: 2, customerId: 'ann@x.com', createdAt: utc(2014, 0, 5, 9), ticketId: 'T1', orderId: 'O1', status: 'solved', resolved: true,
        satisfaction: { kind: 'text', satisfied: true }, reason: 'order status', channel: 'phone', agent: 'Kim', waitSeconds: 150,
        transfers: 1, reopens: 0, contacts: 2, firstContactResolved: false, followUp: true,
      },
      {
        line: 3, customerId: 'bo', createdAt: utc(2014, 0, 6, 10), ticketId: null, orderId: null, status: null, resolved: null,
        satisfaction: null, reason: null, channel: null, agent: null, waitSeconds: null,
        transfers: null, reopens: null, contacts: null, firstContactResolved: null, followUp: null,
      },
    ]);
    expect(loaded.present.size).toBe(16);
    expect(loaded.present.has('wait_seconds')).toBe(false);
  });

  it('prefers wait_seconds over first_response_at', async () => {
    const loaded = await parseTickets('customer_id,created_at,wait_seconds,first_response_at\na,2014-01-05 09:00,42,2014-01-05 10:00\nb,2014-01-05 09:00,,2014-01-05 09:01\n', 't.csv', options());
    expect(ticketRecords(loaded.table).map((r) => r.waitSeconds)).toEqual([42, 60]);
  });

  it('leaves unreadable scores and flags empty and counts them, keeping the ticket; offered/unoffered are unrated', async () => {
    const rows = ['customer_id,created_at,satisfaction,resolved'];
    for (let i = 0; i < 38; i++) rows.push(`c${i},2014-01-05,${['4', 'offered', 'Unoffered', '', 'bad'][i % 5]},true`);
    rows.push('x,2014-01-05,meh,true', 'y,2014-01-05,5,maybe');
    const loaded = await parseTickets(rows.join('\n'), 't.csv', options());
    const scores = rows.slice(1, 39).map((_, i) => [true, null, null, null, false][i % 5]);
    expect(ticketRecords(loaded.table).map((r) => r.satisfaction?.satisfied ?? null)).toEqual([...scores, null, true]);
    expect(ticketRecords(loaded.table).slice(-2).map((r) => [r.customerId, r.resolved])).toEqual([
      ['x', true],
      ['y', null],
    ]);
    expect(loaded.quality.skipped).toEqual({});
    expect(loaded.quality.cellsEmptied).toEqual({
      'unrecognised satisfaction score': { count: 1, firstLines: [40], examples: ['meh'] },
      'unrecognised resolved value': { count: 1, firstLines: [41], examples: ['maybe'] },
    });
    expect(loaded.quality.warnings).toEqual([
      '2 unreadable cell(s) left empty, their rows kept: 1 unrecognised resolved value (first at line 41: "maybe"); 1 unrecognised satisfaction score (first at line 40: "meh")',
    ]);
    expectAccounted(loaded.quality);
    expect(loaded.quality.decisions).toEqual(['utf-8, ","-delimited', 'created_at: ISO 8601', 'satisfaction: 1–5 scale and good/bad']);
  });

  it('names the tickets file and --map in a missing-column error', async () => {
    await expect(parseTickets('Requester email,Created time\na,2014-01-05\n', 'zendesk.csv', options())).rejects.toThrow(
      new DataError(
        'zendesk.csv: no customer_id or created_at columns (headers found: Requester email, Created time); add --map tickets.customer_id="Requester email" --map tickets.created_at="Created time" to say which header holds it.',
      ),
    );
  });

  it('converts created_at with --tz, which moves hours and weekdays', async () => {
    const loaded = await parseTickets('customer_id,created_at\na,2014-01-06T02:30:00Z\n', 't.csv', options({ tz: 'America/Los_Angeles' }));
    expect(ticketRecords(loaded.table)[0].createdAt).toBe(utc(2014, 0, 5, 18, 30));
  });
});
