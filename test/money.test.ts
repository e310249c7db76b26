import { describe, expect, it } from 'vitest';
import { currencySymbol, formatMoney } from '../src/money.js';
import { parseAmount } from '../src/ingest/values/amount.js';

describe('formatMoney', () => {
  it('writes the symbol the amount parser reads, before the number', () => {
    expect(formatMoney(1234.5, 'EUR')).toBe('€1,234.50');
    expect(formatMoney(60, 'GBP')).toBe('£60.00');
    expect(formatMoney(1234567.891, 'USD')).toBe('$1,234,567.89');
    expect(formatMoney(5, 'CAD')).toBe('CA$5.00');
  });

  it('puts the minus before the symbol, złoty after the number, a bare code for currencies with no symbol', () => {
    expect(formatMoney(-40, 'EUR')).toBe('-€40.00');
    expect(formatMoney(-5, 'PLN')).toBe('-5.00 zł');
    expect(formatMoney(12, 'CHF')).toBe('CHF 12.00');
  });

  it('shows no symbol when the data named no currency, and a dash for a missing value', () => {
    expect(formatMoney(100, null)).toBe('100.00');
    expect(formatMoney(null, 'EUR')).toBe('–');
    expect(formatMoney(Number.NaN, 'EUR')).toBe('–');
  });

  it('round-trips: every symbol written is read back as the same currency', () => {
    for (const code of ['USD', 'EUR', 'GBP', 'JPY', 'INR', 'RUB', 'KRW', 'TRY', 'ILS', 'PLN', 'CAD', 'AUD', 'NZD', 'HKD', 'BRL', 'CHF', 'SEK']) {
      expect(parseAmount(formatMoney(1234.5, code), '.')).toEqual({ value: 1234.5, currency: code });
    }
    expect(currencySymbol('EUR')).toBe('€');
    expect(currencySymbol(null)).toBe('');
  });
});
