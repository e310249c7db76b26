/**
 * Currencies: the one table that reads a symbol in an amount ("€", "C$", "zł") and writes it
 * back in every output. Intl's currency formatting is not used on purpose: its symbols and
 * spacing change with the ICU version, and reports must be byte-identical on every machine.
 *
 *   formatMoney(1234.5, 'EUR') → "€1,234.50"
 *   formatMoney(-5, 'PLN')     → "-5.00 zł"
 *   formatMoney(12, 'CHF')     → "CHF 12.00"   (no symbol of its own: the code)
 *   formatMoney(12, null)      → "12.00"       (the data named no currency)
 */

/** A symbol as written in amounts → its ISO 4217 code. A bare "$" is read as US dollars. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD', US$: 'USD', C$: 'CAD', CA$: 'CAD', A$: 'AUD', AU$: 'AUD', NZ$: 'NZD', HK$: 'HKD', R$: 'BRL',
  '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₩': 'KRW', '₺': 'TRY', '₪': 'ILS', zł: 'PLN',
};

/** The codes amounts may name in letters ("EUR 10", "10 chf"). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF',
  'INR', 'BRL', 'MXN', 'ZAR', 'SGD', 'HKD', 'KRW', 'TRY', 'RUB', 'ILS', 'AED', 'SAR', 'IRR', 'EGP', 'RON',
]);

/** ISO code → how outputs write it: the symbol read for it (the first listed; CA$ not C$), before or after. */
const DISPLAY: Readonly<Record<string, { symbol: string; after: boolean }>> = {
  USD: { symbol: '$', after: false },
  CAD: { symbol: 'CA$', after: false },
  AUD: { symbol: 'A$', after: false },
  NZD: { symbol: 'NZ$', after: false },
  HKD: { symbol: 'HK$', after: false },
  BRL: { symbol: 'R$', after: false },
  EUR: { symbol: '€', after: false },
  GBP: { symbol: '£', after: false },
  JPY: { symbol: '¥', after: false },
  INR: { symbol: '₹', after: false },
  RUB: { symbol: '₽', after: false },
  KRW: { symbol: '₩', after: false },
  TRY: { symbol: '₺', after: false },
  ILS: { symbol: '₪', after: false },
  PLN: { symbol: 'zł', after: true },
};

/** "€", "CHF": how a currency is named in axis titles and column headers; "" for none. */
export function currencySymbol(code: string | null): string {
  if (code === null) return '';
  return DISPLAY[code]?.symbol ?? code;
}

/** What goes before and after the number: "€" and "", "" and " zł", "CHF " and "". */
export function currencyAffixes(code: string | null): { prefix: string; suffix: string } {
  if (code === null) return { prefix: '', suffix: '' };
  const display = DISPLAY[code];
  if (display === undefined) return { prefix: `${code} `, suffix: '' };
  return display.after ? { prefix: '', suffix: ` ${display.symbol}` } : { prefix: display.symbol, suffix: '' };
}

/**
 * A money figure with the currency's symbol, grouped with commas and a decimal point whatever
 * the currency (one fixed number format across outputs); "–" for a missing value.
 */
export function formatMoney(x: number | null, currency: string | null, digits = 2): string {
  if (x === null || !Number.isFinite(x)) return '–';
  const sign = x < 0 ? '-' : '';
  const { prefix, suffix } = currencyAffixes(currency);
  // From 1e15 on a double no longer holds every cent, and toFixed writes "1e+21" from 1e21:
  // such amounts (a misplaced value, mostly) are shown to 3 significant digits, "$1.00e+308".
  if (Math.abs(x) >= 1e15) return sign + prefix + Math.abs(x).toPrecision(3) + suffix;
  const [int, frac] = Math.abs(x).toFixed(digits).split('.');
  const number = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? '.' + frac : '');
  return sign + prefix + number + suffix;
}
