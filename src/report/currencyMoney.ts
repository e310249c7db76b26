import { currencySymbol, formatMoney } from '../money.js';

/**
 * Money in the data's currency for the adjusted-comparison outputs: the project's one money
 * format (src/money.ts), with no symbol when the amounts named no currency.
 *
 * @example
 * moneyIn(1234.5, 'EUR'); // "€1,234.50"
 * moneyIn(-3, null);      // "-3.00"
 */
export function moneyIn(x: number | null, currency: string | null, digits = 2): string {
  return formatMoney(x, currency, digits);
}

/** An axis title's unit: " (€)", or nothing when the data named no currency. */
export function withCurrency(title: string, currency: string | null): string {
  const symbol = currencySymbol(currency);
  return symbol === '' ? title : `${title} (${symbol})`;
}
