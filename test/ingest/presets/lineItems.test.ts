import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LineItemGroups } from '../../../src/ingest/presets/lineItems.js';
import type { RawRow } from '../../../src/ingest/presets/preset.js';

const row = (line: number, order_id: string, amount = '', sku = ''): RawRow => ({ line, values: { order_id, amount, sku } });

/** Per group: its head's line and its sku as a fold picks it (the head's, else the first non-blank among its rows). */
function shape(rows: RawRow[], repeatedHeadIsDuplicate: boolean): [number, string][] {
  const groups = new LineItemGroups(repeatedHeadIsDuplicate, ['sku']);
  for (const r of rows) groups.add(r);
  expect(groups.rows).toBe(rows.length);
  const out: [number, string][] = [];
  for (const batch of groups.drain((g) => ({ line: g.head.line, values: { sku: groups.value(g, g.head, 'sku') } }), 2)) {
    expect(batch.length).toBeLessThanOrEqual(2);
    for (const r of batch) out.push([r.line, r.values.sku!]);
  }
  return out;
}

describe('LineItemGroups', () => {
  test('rows of one order group together, in order of first appearance, even when apart', () => {
    const rows = [row(2, 'A', '10'), row(3, 'B', '5', 'b1'), row(4, 'A', '', 'a1'), row(5, 'A', '', 'a2')];
    expect(shape(rows, true)).toEqual([
      [2, 'a1'],
      [3, 'b1'],
    ]);
  });
  test('the row carrying the amount is the head even when a line item comes first', () => {
    expect(shape([row(2, 'A', '', 'x'), row(3, 'A', '10', 'y')], true)).toEqual([[3, 'y']]);
    expect(shape([row(2, 'A', '', 'x'), row(3, 'A', '10', '')], true)).toEqual([[3, 'x']]);
  });
  test('a second amount for the same order is a duplicate group when asked, a line item otherwise', () => {
    const rows = [row(2, 'A', '10'), row(3, 'A', '', 's3'), row(4, 'A', '10', 's4'), row(5, 'A', '', 's5')];
    // Later line items join the first group: the map names the first group of an id.
    expect(shape(rows, true)).toEqual([
      [2, 's3'],
      [4, 's4'],
    ]);
    expect(shape(rows, false)).toEqual([[2, 's3']]);
  });
  test('rows without an order id stay alone', () => {
    expect(shape([row(2, ''), row(3, ' ')], true)).toEqual([
      [2, ''],
      [3, ''],
    ]);
  });
  test('a blank value is not picked; the head\u2019s own value comes first', () => {
    const groups = new LineItemGroups(true, ['sku']);
    groups.add(row(2, 'A', '', '  '));
    groups.add(row(3, 'A', '', 'z'));
    groups.add(row(4, 'A', '7', ''));
    const [batch] = [...groups.drain((g) => g.head)];
    expect(batch!.map((r) => r.line)).toEqual([4]);
    const head = { line: 4, values: { sku: 'own' } };
    const groups2 = new LineItemGroups(true, ['sku']);
    groups2.add(row(2, 'A', '', 'z'));
    const [[g]] = [...groups2.drain((x) => ({ line: 0, values: { sku: groups2.value(x, head, 'sku') } }))];
    expect(g!.values.sku).toBe('own');
  });
  test('no rows, no groups', () => {
    expect(shape([], true)).toEqual([]);
  });
});

/**
 * The grouping rule written the plain way, every row kept: groups in order of first
 * appearance, the first row with an amount as head, a second amount a group of its own when
 * asked (later rows of the id still join the first group), a pick the head's value or else
 * the first non-blank one among the group's rows.
 */
function reference(rows: RawRow[], duplicate: boolean): [number, string][] {
  const groups: { head: RawRow; rows: RawRow[] }[] = [];
  const byOrder = new Map<string, { head: RawRow; rows: RawRow[] }>();
  const hasAmount = (r: RawRow) => (r.values.amount ?? '').trim() !== '';
  for (const r of rows) {
    const id = (r.values.order_id ?? '').trim();
    const group = id === '' ? undefined : byOrder.get(id);
    if (group === undefined || (hasAmount(r) && hasAmount(group.head) && duplicate)) {
      const fresh = { head: r, rows: [r] };
      groups.push(fresh);
      if (group === undefined && id !== '') byOrder.set(id, fresh);
      continue;
    }
    group.rows.push(r);
    if (!hasAmount(group.head) && hasAmount(r)) group.head = r;
  }
  return groups.map((g) => {
    const own = g.head.values.sku ?? '';
    const first = g.rows.map((r) => r.values.sku ?? '').find((v) => v.trim() !== '') ?? '';
    return [g.head.line, own.trim() !== '' ? own : first];
  });
}

test('LineItemGroups groups and picks as the plain rule does, on any rows', () => {
  const rowArb = fc.record({
    order_id: fc.constantFrom('', ' ', '#1', '#1 ', '#2', 'A', 'a', '#3'),
    amount: fc.constantFrom('', ' ', '10', '0'),
    sku: fc.constantFrom('', '  ', 's1', 's2', 'a-much-longer-value-than-thirteen'),
  });
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 40 }), fc.boolean(), (values, duplicate) => {
      const rows = values.map((v, i) => ({ line: i + 2, values: v }));
      expect(shape(rows, duplicate)).toEqual(reference(rows, duplicate));
    }),
    { numRuns: 500 },
  );
});
