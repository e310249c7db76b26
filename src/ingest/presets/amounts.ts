import { currencyCode, parseAmount } from '../values/amount.js';
import type { RawRow, RowFold } from './preset.js';

/**
 * Amount arithmetic for presets whose exports split one payment over several columns
 * (a total and a refunded amount, a number and a currency code). Folds work on raw text, so
 * the result is written back as text the core's amount parser reads the same way whatever
 * the file's decimal separator: a plain decimal point and never exactly three fraction
 * digits (which a decimal-comma file would read as a thousands group).
 *
 *   netAmount('25.00', '5.00', '.')  → '20.00'
 *   netAmount('25,00', '', ',')      → '25,00'   (nothing refunded: the text is kept as written)
 *   withCurrency('20.00', 'usd')     → '20.00 USD'
 */
export function netAmount(total: string, refunded: string, decimal: '.' | ','): string {
  const refund = refunded.trim() === '' ? null : parseAmount(refunded, decimal);
  if (refund === null || refund.value === 0) return total;
  const gross = parseAmount(total, decimal);
  // An unreadable total stays as written so the core counts it as an unparseable amount.
  if (gross === null) return total;
  const net = gross.value - Math.abs(refund.value);
  const text = plainDecimal(net);
  const currency = gross.currency ?? refund.currency;
  return currency === null ? text : `${text} ${currency}`;
}

/** Appends the row's currency code so the core can refuse to sum two currencies. */
export function withCurrency(amount: string, code: string | undefined): string {
  const text = amount.trim();
  const iso = code === undefined || code.trim() === '' ? null : currencyCode(code.trim());
  // Unknown codes are left off: an unreadable suffix would make every amount unparseable.
  if (text === '' || iso === null || /[A-Za-z$€£¥₹₽₩₺₪]/.test(text)) return amount;
  return `${text} ${iso}`;
}

/**
 * The decimal separator the amounts of a column use, for folds that must compute with them
 * before the core has decided: a comma when more values end in ",d" or ",dd" than in ".d"
 * or ".dd" (Excel in a decimal-comma locale), a point otherwise.
 */
export function guessDecimal(values: Iterable<string | undefined>): '.' | ',' {
  const guess = new DecimalGuess();
  for (const raw of values) guess.add(raw);
  return guess.result();
}

/** guessDecimal fed one value at a time, for folds that see their rows one by one. */
export class DecimalGuess {
  private comma = 0;
  private point = 0;

  add(raw: string | undefined): void {
    if (raw === undefined) return;
    const number = raw.replace(/[^\d.,]/g, '');
    if (/,\d{1,2}$/.test(number)) this.comma++;
    else if (/\.\d{1,2}$/.test(number)) this.point++;
  }

  result(): '.' | ',' {
    return this.comma > this.point ? ',' : '.';
  }
}

/**
 * A fold that computes with amounts: every row goes to `keep`, and its amount and refunded
 * amount to the decimal-separator guess, which `finish` is given once all rows are in.
 */
export function amountsFold(keep: (row: RawRow) => void, finish: (decimal: '.' | ',') => ReturnType<RowFold['finish']>): RowFold {
  const decimal = new DecimalGuess();
  return {
    add(row) {
      decimal.add(row.values.amount);
      decimal.add(row.values.refunded_amount);
      keep(row);
    },
    finish: () => finish(decimal.result()),
  };
}

/** 20 → "20.00", 1.234 → "1.2340", -0.5 → "-0.50"; cents stay exact despite binary floats. */
export function plainDecimal(value: number): string {
  const cents = Math.round(value * 100);
  if (Math.abs(value * 100 - cents) < 1e-6) return (cents / 100).toFixed(2);
  return value.toFixed(4);
}
