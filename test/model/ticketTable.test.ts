import { describe, expect, it } from 'vitest';
import { TicketTable } from '../../src/model/ticketTable.js';
import type { TicketRecord } from '../../src/model/ticketRecord.js';
import { ticketRecords, ticketTable } from './ticketRecords.js';

const base: TicketRecord = {
  line: 2,
  customerId: 'a',
  createdAt: Date.UTC(2014, 0, 1, 9),
  ticketId: 'T1',
  orderId: 'A1',
  status: 'solved',
  resolved: true,
  satisfaction: { kind: 'numeric', value: 4, satisfied: true },
  reason: 'billing',
  channel: 'email',
  agent: 'Kim',
  waitSeconds: 12.5,
  transfers: 0,
  reopens: 2,
  contacts: 1,
  firstContactResolved: false,
  followUp: true,
};
const records: TicketRecord[] = [
  base,
  {
    ...base,
    line: 3,
    customerId: 'b',
    createdAt: Date.UTC(2014, 0, 2),
    ticketId: null,
    orderId: null,
    status: null,
    resolved: null,
    satisfaction: { kind: 'text', satisfied: false },
    reason: null,
    channel: 'billing',
    agent: null,
    waitSeconds: null,
    transfers: null,
    reopens: null,
    contacts: null,
    firstContactResolved: null,
    followUp: null,
  },
  { ...base, line: 4, customerId: 'a', createdAt: Date.UTC(2014, 0, 3), satisfaction: null, resolved: false, waitSeconds: 0, followUp: false },
];

describe('TicketTable', () => {
  it('gives back every field of every ticket pushed, nulls included', () => {
    expect(ticketRecords(ticketTable(records))).toEqual(records);
  });

  it('numbers a customer once and shares one label list across the label columns', () => {
    const table = ticketTable(records);
    expect([...table.customer.subarray(0, 3)]).toEqual([0, 1, 0]);
    expect(table.customerIds.size).toBe(2);
    // "billing" is a reason on the first ticket and a channel on the second: one code.
    expect(table.channel[1]).toBe(table.reason[0]);
    expect(table.labels).toEqual([null, 'solved', 'billing', 'email', 'Kim']);
  });

  it('takes an empty order id as none, as ingest does', () => {
    const table = ticketTable([{ ...base, orderId: '' }]);
    expect(table.orderId[0]).toBe(-1);
    expect(table.orderIdText(0)).toBeNull();
  });

  it('filtered keeps the tickets asked for, in order, with the same ids and labels', () => {
    const table = ticketTable(records);
    const kept = table.filtered((i) => i !== 1);
    expect(ticketRecords(kept)).toEqual([records[0], records[2]]);
    expect(kept.customerIds).toBe(table.customerIds);
    expect(kept.labels).toBe(table.labels);
    expect(table.filtered(() => false).length).toBe(0);
    expect(ticketRecords(table.filtered(() => true))).toEqual(records);
  });

  it('retain drops the other tickets in place and grows past its first capacity', () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({ ...base, line: i + 2, customerId: `c${i % 7}` }));
    const table = ticketTable(many);
    expect(table.length).toBe(2500);
    table.retain((i) => i % 1000 === 999);
    expect(ticketRecords(table)).toEqual([many[999], many[1999]]);
  });
});

describe('TicketTable.lacks', () => {
  const ticket = (i: number): TicketRecord => ({
    line: i + 2,
    customerId: `c${i % 7}`,
    createdAt: 1_700_000_000_000 + i,
    ticketId: `T${i}`,
    orderId: null,
    status: 'closed',
    resolved: null,
    satisfaction: null,
    reason: null,
    channel: null,
    agent: null,
    waitSeconds: i % 3 === 0 ? i : null,
    transfers: null,
    reopens: null,
    contacts: null,
    firstContactResolved: null,
    followUp: null,
  });

  it('keeps the lacking columns in one array, NaN on every row, through growth, filtering and retaining', () => {
    const table = new TicketTable();
    table.lacks(['transfers', 'reopens', 'contacts']);
    for (let i = 0; i < 3000; i++) table.push(ticket(i)); // past the first 1,024 rows: grown
    expect(table.reopens).toBe(table.transfers);
    expect(table.contacts).toBe(table.transfers);
    expect(table.waitSeconds).not.toBe(table.transfers);
    for (const c of ['transfers', 'reopens', 'contacts'] as const) expect(Array.from(table[c].subarray(0, table.length)).every(Number.isNaN)).toBe(true);
    expect(table.waitSeconds[3]).toBe(3);
    const odd = table.filtered((i) => i % 2 === 1);
    expect(odd.contacts).toBe(odd.transfers);
    expect(Number.isNaN(odd.reopens[0]!)).toBe(true);
    expect(odd.waitSeconds[1]).toBe(3);
    table.retain((i) => i >= 1000);
    expect(table.length).toBe(2000);
    expect(table.waitSeconds[2]).toBe(1002);
    expect(Array.from(table.reopens.subarray(0, table.length)).every(Number.isNaN)).toBe(true);
  });

  it('is said on an empty table only', () => {
    const table = new TicketTable();
    table.push(ticket(0));
    expect(() => table.lacks(['transfers', 'reopens'])).toThrow(/already has rows/);
  });
});
