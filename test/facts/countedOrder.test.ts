import { describe, expect, it } from 'vitest';
import { isCountedOrder } from '../../src/facts/countedOrder.js';

describe('isCountedOrder', () => {
  it('counts orders without a status', () => {
    expect(isCountedOrder(null)).toBe(true);
    expect(isCountedOrder('')).toBe(true);
    expect(isCountedOrder('  ')).toBe(true);
  });

  it.each(['cancelled', 'Canceled', 'REFUNDED', 'voided', 'Failed', ' cancelled '])('does not count %j', (status) => {
    expect(isCountedOrder(status)).toBe(false);
  });

  it.each(['completed', 'paid', 'shipped', 'partially_refunded', 'cancel requested'])('counts %j', (status) => {
    expect(isCountedOrder(status)).toBe(true);
  });
});
