import { money } from './format.js';

/**
 * Money in the data's currency: the one function the adjusted-comparison outputs format money
 * with, so a project-wide currency formatter can replace it in one place. A known ISO code
 * gets its symbol ($, €, £, ¥), any other code is written before the number ("CHF 12.00"), and
 * amounts that named no currency keep the "$" every other output uses.
 *
 * @example
 * moneyIn(1234.5, 'EUR'); // "€1,234.50"
 * moneyIn(-3, null);      // "-$3.00"
 */
export function moneyIn(x: number | null, currency: string | null, digits = 2): string {
  const text = money(x, digits);
  if (text === '–') return text;
  const symbol = currency === null ? '$' : (SYMBOLS[currency] ?? `${currency} `);
  return text.replace('$', symbol);
}

/** The currency for axis titles and column notes: "USD", or "$" when the data named none. */
export function currencyLabel(currency: string | null): string {
  return currency ?? '$';
}

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹', KRW: '₩' };
