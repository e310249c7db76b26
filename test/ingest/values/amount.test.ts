import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../src/ingest/values/amount.js';

describe('parseAmount', () => {
  it.each([
    ['12', '.', 12, null],
    ['-5.25', '.', -5.25, null],
    ['$1,234.50', '.', 1234.5, 'USD'],
    ['1,234.50 USD', '.', 1234.5, 'USD'],
    ['€ 12', '.', 12, 'EUR'],
    ['12 €', '.', 12, 'EUR'],
    ['£1,000,000', '.', 1000000, 'GBP'],
    ['¥500', '.', 500, 'JPY'],
    ['usd 3.10', '.', 3.1, 'USD'],
    ['(12.00)', '.', -12, null],
    ['($12.00)', '.', -12, 'USD'],
    ['-$5', '.', -5, 'USD'],
    ['$-5', '.', -5, 'USD'],
    ['1.234,50', '.', 1234.5, null],
    ['1.234,50 €', ',', 1234.5, 'EUR'],
    ['12,5', ',', 12.5, null],
    ['12,5', '.', 12.5, null],
    ['1,234', '.', 1234, null],
    ['1,234', ',', 1.234, null],
    ['1.234', ',', 1234, null],
    ['1.5', ',', 1.5, null],
    ["1'234.50", '.', 1234.5, null],
    ['1 234,50', ',', 1234.5, null],
    ['۱۲۳٫۵', '.', 123.5, null],
    ['١٬٢٣٤', '.', 1234, null],
    ['.5', '.', 0.5, null],
  ] as const)('%s (decimal %s) → %d %s', (raw, decimal, value, currency) => {
    expect(parseAmount(raw, decimal)).toEqual({ value, currency });
  });

  it.each(['', 'abc', '12abc', '1.2.3', '1,23,4', '$', '12 XYZ', '$12 €', '1..2'])('rejects %j', (raw) => {
    expect(parseAmount(raw, '.')).toBeNull();
  });
});
