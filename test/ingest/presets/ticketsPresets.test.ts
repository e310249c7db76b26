import { describe, expect, test } from 'vitest';
import type { LoadedTickets } from '../../../src/ingest/records.js';
import { sampleTickets, wall } from './samples.js';
import { ticketRecords } from '../../model/ticketRecords.js';

/** [line, ticketId, customerId, created, status, satisfied (null = not rated), score value, reason, channel, agent] */
function tuples(loaded: LoadedTickets) {
  return ticketRecords(loaded.table).map((r) => [
    r.line,
    r.ticketId,
    r.customerId,
    r.createdAt,
    r.status,
    r.satisfaction === null ? null : r.satisfaction.satisfied,
    r.satisfaction?.kind === 'numeric' ? r.satisfaction.value : null,
    r.reason,
    r.channel,
    r.agent,
  ]);
}

describe('Zendesk ticket sample', () => {
  test('Good/Bad (with comment) and Offered/Unoffered; Requester id when the e-mail is empty', async () => {
    const loaded = await sampleTickets('zendesk-tickets');
    expect(loaded.quality.format).toBe('zendesk');
    expect(tuples(loaded)).toEqual([
      [2, '101', 'ann@example.com', wall('2014-01-06 09:12'), 'Solved', true, null, 'Question', 'Mail', 'Maya Chen'],
      [3, '102', 'bob@example.com', wall('2014-01-10 17:45'), 'Closed', false, null, 'Incident', 'Web Form', 'Tom Reyes'],
      [4, '103', 'carol@example.com', wall('2014-01-12 08:30'), 'Solved', null, null, 'Question', 'Mail', 'Maya Chen'], // Offered
      [5, '104', '361004', wall('2014-02-15 10:05'), 'Open', null, null, 'Incident', 'Phone call (incoming)', 'Tom Reyes'],
      [6, '105', 'erin@example.com', wall('2014-02-20 12:30'), 'Solved', true, null, 'Task', 'Chat', 'Maya Chen'], // Good with comment
      [7, '106', 'ann@example.com', wall('2014-02-03 15:00'), 'Pending', null, null, 'Question', 'Mail', 'Tom Reyes'],
      [8, '107', 'frank@example.com', wall('2014-03-02 20:15'), 'Solved', false, null, 'Question', 'Web Form', 'Maya Chen'], // Bad with comment
      [9, '108', 'gina@example.com', wall('2014-03-16 08:00'), 'New', null, null, null, 'Mail', null],
      [10, '109', 'bob@example.com', wall('2014-01-20 10:30'), 'Solved', true, null, 'Question', 'Mail', 'Maya Chen'],
      [11, '110', 'hal@example.com', wall('2014-03-20 14:00'), 'Closed', null, null, 'Question', 'Web Form', 'Tom Reyes'],
      [12, '111', 'carol@example.com', wall('2014-01-25 16:20'), 'Solved', false, null, 'Incident', 'Phone call (incoming)', 'Tom Reyes'],
    ]);
  });

  test('first reply time in minutes becomes wait_seconds; Reopens is read', async () => {
    const loaded = await sampleTickets('zendesk-tickets');
    expect(ticketRecords(loaded.table).map((r) => r.waitSeconds)).toEqual([2520, 10800, 900, null, 180, 3600, 14400, null, 1800, 86400, 300]);
    expect(ticketRecords(loaded.table).map((r) => r.reopens)).toEqual([0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0]);
    expect(loaded.quality).toMatchObject({ rowsRead: 11, rowsUsed: 11, rowsSkipped: 0 });
  });
});

describe('Freshdesk ticket sample', () => {
  test('tab-delimited, day-first times; Awesome/Just Okay/Not Good read as 5/3/1; Contact ID fallback', async () => {
    const loaded = await sampleTickets('freshdesk-tickets');
    expect(loaded.quality.format).toBe('freshdesk');
    expect(tuples(loaded)).toEqual([
      [2, '201', 'hanna@example.de', wall('2014-01-06 09:30'), 'Resolved', true, 5, 'Question', 'Email', 'Sara Blum'],
      [3, '202', 'jonas.weber@example.de', wall('2014-01-16 18:02'), 'Closed', false, 1, 'Incident', 'Phone', 'Paul Frey'],
      [4, '203', 'hanna@example.de', wall('2014-01-21 08:45'), 'Open', null, null, 'Question', 'Portal', 'Sara Blum'],
      [5, '204', '9003', wall('2014-02-03 12:10'), 'Resolved', false, 3, 'Refund', 'Chat', 'Paul Frey'],
      [6, '205', 'max@example.de', wall('2014-02-11 09:00'), 'Pending', null, null, 'Problem', 'Email', null],
      [7, '206', 'max@example.de', wall('2014-03-14 16:30'), 'Closed', true, 5, 'Question', 'Feedback Widget', 'Sara Blum'],
      [8, '207', 'jonas.weber@example.de', wall('2014-01-05 07:55'), 'Resolved', true, 5, 'Question', 'Email', 'Paul Frey'],
      [9, '208', 'lena@example.de', wall('2014-02-22 13:13'), 'Closed', false, 3, 'Question', 'Chat', 'Sara Blum'],
      [10, '209', 'hanna@example.de', wall('2014-03-07 10:20'), 'Resolved', false, 1, 'Incident', 'Phone', 'Paul Frey'],
      [11, '210', 'max@example.de', wall('2014-03-28 17:05'), 'Waiting on Customer', null, null, 'Question', 'Email', 'Sara Blum'],
    ]);
    expect(loaded.quality.decisions).toEqual(['utf-8, tab-delimited', 'created_at: D/M/YYYY (day first)', 'satisfaction: 1–5 scale']);
  });
});

describe('Gorgias ticket sample', () => {
  test('every field quoted, ISO times with Z kept as written, "4/5" and "5 stars" scores', async () => {
    const loaded = await sampleTickets('gorgias-tickets');
    expect(loaded.quality.format).toBe('gorgias');
    expect(tuples(loaded)).toEqual([
      [2, '30001', 'ann@example.com', wall('2014-01-07 15:04:05'), 'closed', true, 5, null, 'email', 'maya@loyalgoods.example'],
      [3, '30002', 'bob@example.com', wall('2014-01-11 09:20:00'), 'closed', false, 2, null, 'chat', 'tom@loyalgoods.example'],
      [4, '30003', 'carol@example.com', wall('2014-01-13 21:45:30'), 'open', null, null, null, 'facebook-messenger', null],
      [5, '30004', 'dave@example.com', wall('2014-02-16 11:00:00'), 'closed', true, 4, null, 'email', 'maya@loyalgoods.example'],
      [6, '30005', 'erin@example.com', wall('2014-02-21 08:30:00'), 'closed', false, 3, null, 'phone', 'tom@loyalgoods.example'],
      [7, '30006', 'frank@example.com', wall('2014-03-02 10:00:00'), 'closed', true, 5, null, 'sms', 'maya@loyalgoods.example'],
      [8, '30007', 'gina@example.com', wall('2014-03-16 13:00:00'), 'closed', false, 1, null, 'email', 'tom@loyalgoods.example'],
      [9, '30008', 'ann@example.com', wall('2014-02-04 19:30:00'), 'closed', true, 4, null, 'chat', 'maya@loyalgoods.example'],
      [10, '30009', 'hal@example.com', wall('2014-03-21 08:00:00'), 'open', null, null, null, 'email', null],
      [11, '30010', 'ivy@example.com', wall('2014-04-01 12:00:00'), 'closed', true, 5, null, 'instagram-direct-message', 'tom@loyalgoods.example'],
    ]);
  });
});

describe('Help Scout conversation sample', () => {
  test('M/D/YYYY h:mm AM/PM times; Great/Okay/Not Good read as 5/3/1; a spam conversation without customer is counted', async () => {
    const loaded = await sampleTickets('helpscout-tickets');
    expect(loaded.quality.format).toBe('helpscout');
    expect(tuples(loaded)).toEqual([
      [2, '900001', 'ann@example.com', wall('2014-01-08 09:05'), 'closed', true, 5, null, 'email', 'Maya Chen'],
      [3, '900002', 'bob@example.com', wall('2014-01-20 16:45'), 'closed', false, 1, null, 'chat', 'Tom Reyes'],
      [4, '900003', 'carol@example.com', wall('2014-02-03 11:30'), 'active', null, null, null, 'phone', 'Maya Chen'],
      [5, '900004', 'dave@example.com', wall('2014-02-17 08:15'), 'closed', false, 3, null, 'email', 'Tom Reyes'],
      [6, '900005', 'erin@example.com', wall('2014-03-04 12:00'), 'pending', null, null, null, 'email', null],
      [7, '900006', 'frank@example.com', wall('2014-03-12 19:50'), 'closed', true, 5, null, 'chat', 'Maya Chen'],
      [8, '900007', 'gina@example.com', wall('2014-03-16 09:00'), 'closed', false, 3, null, 'email', 'Tom Reyes'],
      [9, '900008', 'ann@example.com', wall('2014-02-05 15:15'), 'closed', false, 1, null, 'phone', 'Tom Reyes'],
      [11, '900010', 'hal@example.com', wall('2014-04-02 10:00'), 'closed', true, 5, null, 'email', 'Maya Chen'],
    ]);
    expect(loaded.quality.skipped['empty customer_id']).toMatchObject({ count: 1, firstLines: [10] });
    expect(loaded.quality.decisions).toContain('created_at: M/D/YYYY (month first)');
  });
});
