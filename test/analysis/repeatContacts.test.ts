import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatContacts } from '../../src/analysis/repeatContacts.js';

const DAY = 86_400_000;

/** The definition, directly: all tickets by (time, order), each compared with its customer's last. */
function byGlobalSort(customer: number[], createdAt: number[], windowMs: number): number[] {
  const order = customer.map((_, i) => i).sort((a, b) => createdAt[a]! - createdAt[b]! || a - b);
  const last = new Map<number, number>();
  const out = customer.map(() => 0);
  for (const i of order) {
    const previous = last.get(customer[i]!);
    if (previous !== undefined && createdAt[i]! - previous <= windowMs) out[i] = 1;
    last.set(customer[i]!, createdAt[i]!);
  }
  return out;
}

describe('repeatContacts', () => {
  it('marks a ticket opened within the window after the same customer’s previous one', () => {
    // Customer 0: day 0, day 3 (repeat), day 20; customer 1: two tickets at the same instant.
    const customer = [0, 1, 0, 1, 0];
    const created = [0, 5 * DAY, 3 * DAY, 5 * DAY, 20 * DAY];
    expect([...repeatContacts(customer, created, 2, 7 * DAY)]).toEqual([0, 0, 1, 1, 0]);
  });

  it('agrees with a sort of all tickets by time', () => {
    // Up to 6 customers among up to 120 tickets: some customers have over 32 (the other sort).
    const ticket = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 }).map((d) => (d * DAY) / 2));
    fc.assert(
      fc.property(fc.array(ticket, { maxLength: 120 }), (tickets) => {
        const customer = tickets.map(([c]) => c);
        const created = tickets.map(([, t]) => t);
        expect([...repeatContacts(customer, Float64Array.from(created), 7, 7 * DAY)]).toEqual(byGlobalSort(customer, created, 7 * DAY));
      }),
      { numRuns: 300 },
    );
  });
});
