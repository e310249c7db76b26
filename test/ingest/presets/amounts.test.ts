import { describe, expect, test } from 'vitest';
import { guessDecimal, netAmount, plainDecimal, withCurrency } from '../../../src/ingest/presets/amounts.js';
import { parseAmount } from '../../../src/ingest/values/amount.js';

describe('netAmount', () => {
  test('subtracts the refunded amount', () => {
    expect(netAmount('25.00', '5.00', '.')).toBe('20.00');
    expect(netAmount('15.50', '5.25', '.')).toBe('10.25');
  });
  test('a refund written negative (WooCommerce) is subtracted, not added', () => {
    expect(netAmount('45,00', '-10,00', ',')).toBe('35.00');
  });
  test('nothing refunded keeps the text exactly as written', () => {
    expect(netAmount('1.234,50', '0,00', ',')).toBe('1.234,50');
    expect(netAmount('$1,250.00', '', '.')).toBe('$1,250.00');
  });
  test('keeps the currency a symbol names', () => {
    expect(netAmount('$30.00', '$10.00', '.')).toBe('20.00 USD');
  });
  test('an unreadable total is left for the core to count', () => {
    expect(netAmount('n/a', '5.00', '.')).toBe('n/a');
  });
  test('the written net reads back the same under either decimal preference', () => {
    for (const text of [netAmount('1.5', '0.266', '.'), netAmount('1000', '1', '.'), netAmount('3', '4.5', '.')]) {
      expect(parseAmount(text, '.')?.value).toBe(parseAmount(text, ',')?.value);
    }
    expect(parseAmount(netAmount('1.5', '0.266', '.'), ',')?.value).toBeCloseTo(1.234, 10);
  });
});

describe('withCurrency', () => {
  test('appends a known ISO code in upper case', () => {
    expect(withCurrency('20.00', 'usd')).toBe('20.00 USD');
  });
  test('leaves unknown codes, empty amounts and amounts that already name a currency alone', () => {
    expect(withCurrency('20.00', 'XYZ')).toBe('20.00');
    expect(withCurrency('', 'USD')).toBe('');
    expect(withCurrency('€20', 'EUR')).toBe('€20');
    expect(withCurrency('20.00', undefined)).toBe('20.00');
  });
});

describe('guessDecimal', () => {
  test('comma when more values end in ,dd than .dd', () => {
    expect(guessDecimal(['59,90', '1.234,50', '12,5', undefined])).toBe(',');
    expect(guessDecimal(['25.00', '1,250.00', '7'])).toBe('.');
  });
  test('a tie or no evidence means a decimal point', () => {
    expect(guessDecimal(['1,50', '1.50'])).toBe('.');
    expect(guessDecimal(['12', '1,234'])).toBe('.');
  });
});

describe('plainDecimal', () => {
  test('two places for cents, four otherwise (never three)', () => {
    expect(plainDecimal(20)).toBe('20.00');
    expect(plainDecimal(0.1 + 0.2)).toBe('0.30');
    expect(plainDecimal(-0.5)).toBe('-0.50');
    expect(plainDecimal(1.234)).toBe('1.2340');
  });
});
