import { describe, expect, it } from 'vitest';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { memberSpend, type MemberSpend } from '../../src/facts/memberSpend.js';
import { order } from '../analysis/cohortRecords.js';
import { orderTable } from '../model/orderRecords.js';
import { ByteKeys } from '../../src/model/byteKeys.js';

const cohort = parseCohortWindow('2014-01');
const followUp = parseCohortWindow('2014-02-01..2014-04-30');

/** Ids as keys of another table, as a tickets table asks (problemTickets). */
const asked = new ByteKeys();
const memberOf = (spend: MemberSpend, id: string) => spend.membersOf(asked, Int32Array.of(asked.addText(id)))[0]!;
const hasOrder = (spend: MemberSpend, m: number, id: string) => spend.hasCohortOrder(m, asked, asked.addText(id));

function ids(spend: MemberSpend): string[] {
  return Array.from({ length: spend.count }, (_, m) => spend.id(m));
}

/** Member `id`'s spend, or undefined for a customer outside the cohort. */
function get(spend: MemberSpend, id: string) {
  const m = memberOf(spend, id);
  if (m < 0) return undefined;
  return { baselineSpend: spend.baselineSpend[m], laterSpend: spend.laterSpend[m], laterPurchases: spend.laterPurchases[m] };
}

describe('memberSpend', () => {
  it('members have a counted cohort-window order; spend is split by window', () => {
    const members = memberSpend(
      orderTable([
        order('a', '2014-01-10', 50),
        order('a', '2014-01-31 23:59', 25),
        order('a', '2014-02-01', 30),
        order('a', '2014-04-30 23:59', 20),
        order('a', '2014-05-01', 999), // after the follow-up
        order('a', '2013-12-31 23:59', 999), // before the cohort
        order('b', '2014-02-10', 40), // no cohort order: not a member
      ]),
      cohort,
      followUp,
    );
    expect(ids(members)).toEqual(['a']);
    expect(memberOf(members, 'b')).toBe(-1);
    const a = get(members, 'a')!;
    expect(a.baselineSpend).toBe(75);
    expect(a.laterSpend).toBe(50);
    expect(a.laterPurchases).toBe(2);
  });

  it('a customer whose only cohort order was cancelled is not a member', () => {
    const members = memberSpend(orderTable([order('c', '2014-01-05', 80, { status: 'Cancelled' }), order('c', '2014-02-05', 60)]), cohort, followUp);
    expect(ids(members)).toEqual([]);
  });

  it('cancelled, refunded, voided and failed orders add no spend in either window', () => {
    const members = memberSpend(
      orderTable([
        order('a', '2014-01-05', 100),
        order('a', '2014-01-06', 70, { status: 'refunded' }),
        order('a', '2014-02-05', 60, { status: 'canceled' }),
        order('a', '2014-02-06', 60, { status: 'VOIDED' }),
        order('a', '2014-02-07', 60, { status: 'failed' }),
        order('a', '2014-02-08', 10, { status: 'completed' }),
      ]),
      cohort,
      followUp,
    );
    expect(get(members, 'a')).toMatchObject({ baselineSpend: 100, laterSpend: 10, laterPurchases: 1 });
  });

  it('a refund row lowers later spend and is not a repeat purchase', () => {
    const members = memberSpend(orderTable([order('a', '2014-01-05', 100), order('a', '2014-02-05', -30)]), cohort, followUp);
    expect(get(members, 'a')).toMatchObject({ laterSpend: -30, laterPurchases: 0 });
  });

  it('a member with no follow-up orders has later spend 0', () => {
    expect(get(memberSpend(orderTable([order('a', '2014-01-05', 100)]), cohort, followUp), 'a')).toMatchObject({ laterSpend: 0, laterPurchases: 0 });
  });

  it('keeps every cohort-window order id for linking, cancelled ones too, but no follow-up ids', () => {
    const members = memberSpend(
      orderTable([
        order('a', '2014-01-05', 100, { id: 'A1' }),
        order('a', '2014-01-06', 100, { id: 'A2', status: 'cancelled' }),
        order('a', '2014-02-06', 100, { id: 'A3' }),
        order('a', '2014-01-07', 5),
      ]),
      cohort,
      followUp,
    );
    const a = memberOf(members, 'a');
    expect(['A1', 'A2', 'A3', 'A4', ''].map((id) => hasOrder(members, a, id))).toEqual([true, true, false, false, false]);
  });

  it('does not depend on whether the follow-up order comes first in the file', () => {
    const members = memberSpend(orderTable([order('a', '2014-03-01', 30), order('a', '2014-01-05', 100)]), cohort, followUp);
    expect(get(members, 'a')).toMatchObject({ baselineSpend: 100, laterSpend: 30 });
  });

  it('sorts members by customer id, whatever the order of rows', () => {
    const members = memberSpend(orderTable([order('c', '2014-01-05', 1), order('a', '2014-01-06', 2), order('B', '2014-01-07', 3)]), cohort, followUp);
    expect(ids(members)).toEqual(['B', 'a', 'c']);
    expect(['a', 'B', 'c'].map((id) => memberOf(members, id))).toEqual([1, 0, 2]);
    expect([...members.baselineSpend]).toEqual([3, 2, 1]);
  });

  it('links numbered and other order ids to their own member only', () => {
    const members = memberSpend(
      orderTable([
        order('a', '2014-01-05', 10, { id: '1001' }),
        order('b', '2014-01-05', 10, { id: '1002' }),
        order('b', '2014-01-06', 10, { id: 'W-7' }),
        order('c', '2014-01-07', 10, { id: '1002' }), // a repeated id in hand-built records: both customers own it
      ]),
      cohort,
      followUp,
    );
    const [a, b, c] = ['a', 'b', 'c'].map((id) => memberOf(members, id));
    expect([hasOrder(members, a, '1001'), hasOrder(members, b, '1001'), hasOrder(members, a, '1002')]).toEqual([true, false, false]);
    expect([hasOrder(members, b, '1002'), hasOrder(members, c, '1002'), hasOrder(members, b, 'W-7'), hasOrder(members, c, 'W-7')]).toEqual([true, true, true, false]);
    expect([hasOrder(members, a, '1003'), hasOrder(members, a, '01001')]).toEqual([false, false]);
  });
});
