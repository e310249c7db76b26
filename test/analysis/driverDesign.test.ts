import { describe, expect, it } from 'vitest';
import { designOnes, designSpec, factorBlocks, modelTickets } from '../../src/analysis/driverDesign.js';
import type { Coded, DriverColumns, DriverSet } from '../../src/analysis/driverTickets.js';

const coded = (names: string[], values: (string | null)[]): Coded => ({
  names,
  codes: Int32Array.from(values, (v) => (v === null ? -1 : names.indexOf(v))),
});
const flag = (values: (number | null)[]) => Int8Array.from(values, (v) => (v === null ? -1 : v));

// Five tickets: reason Billing ×3 (the reference) and Shipping ×2, a wait band missing on one,
// transferred on two, and one unrated ticket.
function tickets(): DriverSet {
  const reason = coded(['Billing', 'Shipping'], ['Billing', 'Shipping', 'Billing', 'Shipping', 'Billing']);
  const same = coded(['x'], ['x', 'x', 'x', 'x', 'x']);
  const columns: DriverColumns = {
    length: 5,
    satisfied: Int8Array.from([1, 0, -1, 1, 0]),
    keys: { hour: same, weekday: same, reason, channel: same, agent: same },
    levels: { reason },
    waitStratum: coded([], [null, null, null, null, null]),
    flags: {
      wait: flag([null, null, null, null, null]),
      transferred: flag([0, 1, 0, 1, null]),
      reopened: flag([0, 0, 0, 0, 0]),
      repeatContact: flag([0, 0, 0, 0, 0]),
      firstContactResolved: flag([null, null, null, null, null]),
    },
  };
  return { columns, rows: Int32Array.from([0, 1, 2, 3, 4]) };
}

describe('designOnes', () => {
  it('lists the columns holding 1 of each rated, complete ticket: intercept, level, flags, indicator', () => {
    const { kept, dropped } = modelTickets(tickets(), ['reason'], ['transferred']);
    // Ticket 2 is unrated (not counted), ticket 4 has no transfers (dropped, counted).
    expect([...kept.rows]).toEqual([0, 1, 3]);
    expect(dropped).toEqual({ total: 1, byColumn: { transfers: 1 } });
    const { blocks } = factorBlocks(kept, ['reason'], 1);
    // Kept: Billing ×1, Shipping ×2, so Shipping is the reference and Billing is column 1.
    expect(blocks.map((b) => [b.reference, b.levels])).toEqual([['Shipping', ['Billing']]]);
    const spec = designSpec(blocks, ['transferred']);
    // Columns: 0 intercept, 1 reason = Billing, 2 transferred.
    const ones = designOnes(kept, spec);
    expect(ones.width).toBe(3);
    expect([...ones.starts]).toEqual([0, 2, 4, 6]);
    expect([...ones.columns]).toEqual([0, 1, 0, 2, 0, 2]);
  });

  it('sets the indicator column for tickets in the finding', () => {
    const all = tickets();
    const { kept } = modelTickets(all, ['reason'], ['transferred']);
    const { blocks } = factorBlocks(kept, ['reason'], 1);
    // The finding is reason = Billing: the reason block gives way to one "in the finding" column.
    const spec = designSpec(blocks, ['transferred'], { dimension: 'reason', keys: new Set(['Billing']) });
    const ones = designOnes(kept, spec);
    expect(ones.width).toBe(3);
    expect([...ones.columns]).toEqual([0, 2, 0, 1, 0, 1]);
  });
});
