import { describe, expect, test } from 'vitest';
import { groupLineItems } from '../../../src/ingest/presets/lineItems.js';
import type { RawRow } from '../../../src/ingest/presets/preset.js';

const row = (line: number, order_id: string, amount = ''): RawRow => ({ line, values: { order_id, amount } });
const shape = (groups: ReturnType<typeof groupLineItems>) => groups.map((g) => [g.head.line, g.rows.map((r) => r.line)]);

describe('groupLineItems', () => {
  test('rows of one order group together, in order of first appearance, even when apart', () => {
    const rows = [row(2, 'A', '10'), row(3, 'B', '5'), row(4, 'A'), row(5, 'A')];
    expect(shape(groupLineItems(rows, true))).toEqual([
      [2, [2, 4, 5]],
      [3, [3]],
    ]);
  });
  test('the row carrying the amount is the head even when a line item comes first', () => {
    expect(shape(groupLineItems([row(2, 'A'), row(3, 'A', '10')], true))).toEqual([[3, [2, 3]]]);
  });
  test('a second amount for the same order is a duplicate group when asked, a line item otherwise', () => {
    const rows = [row(2, 'A', '10'), row(3, 'A'), row(4, 'A', '10')];
    expect(shape(groupLineItems(rows, true))).toEqual([
      [2, [2, 3]],
      [4, [4]],
    ]);
    expect(shape(groupLineItems(rows, false))).toEqual([[2, [2, 3, 4]]]);
  });
  test('rows without an order id stay alone', () => {
    expect(shape(groupLineItems([row(2, ''), row(3, ' ')], true))).toEqual([
      [2, [2]],
      [3, [3]],
    ]);
  });
  test('no rows, no groups', () => {
    expect(groupLineItems([], true)).toEqual([]);
  });
});
