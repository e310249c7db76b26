import { CURRENCY_CODES, CURRENCY_SYMBOLS } from '../../money.js';
import { asciiDigits } from './digits.js';

/**
 * One money amount as written in an export: "$1,234.50", "1.234,50 €", "(12.00)", "-€5",
 * "EUR 10", "۱۲۳٫۵". `decimal` is the file's preferred decimal separator (',' for
 * ;-delimited files or --decimal ,); a value whose separators can only mean one thing
 * ("1.234,50", "12,5") is read that way whatever the preference.
 *
 *   parseAmount('$1,234.50', '.') → { value: 1234.5, currency: 'USD' }
 *   parseAmount('1.234', ',')     → { value: 1234, currency: null }   (thousands dot)
 *   parseAmount('(12.00)', '.')   → { value: -12, currency: null }    (accounting negative)
 */
export interface Amount {
  value: number;
  /** ISO code when the value names its currency ($ is read as USD), else null. */
  currency: string | null;
}

const PREFIX = /^(US\$|CA\$|C\$|AU\$|A\$|NZ\$|HK\$|R\$|[$€£¥₹₽₩₺₪]|[A-Za-z]{3}(?![A-Za-z]))\s*/;
const SUFFIX = /\s*(US\$|CA\$|C\$|AU\$|A\$|NZ\$|HK\$|R\$|[$€£¥₹₽₩₺₪]|zł|(?<![A-Za-z])[A-Za-z]{3})$/;
const NUMBER = /^\d[\d.,' \u00a0\u202f]*$|^[.,]\d+$/;
const PLAIN = /^-?\d+(\.\d+)?$/;

/**
 * The largest amount one row may carry, in the file's currency: a trillion. Above it a value is
 * a typo or a pasted id, not an order; it also keeps every amount exact to the cent in a double
 * (1e12 × 100 < 2^53) and every sum of up to a billion rows finite.
 */
export const MAX_AMOUNT = 1e12;

export function parseAmount(raw: string, decimal: '.' | ','): Amount | null {
  const trimmed = raw.trim();
  // The common case, a plain decimal, skips the general path (not "1.234" in a decimal-comma file).
  if (PLAIN.test(trimmed) && (decimal === '.' || !trimmed.includes('.'))) return { value: Number(trimmed), currency: null };
  let text = asciiDigits(trimmed);
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  let currency: string | null = null;
  [text, negative] = takeSign(text, negative);
  const prefix = PREFIX.exec(text);
  if (prefix) {
    currency = currencyCode(prefix[1]);
    if (currency === null) return null;
    text = text.slice(prefix[0].length);
    [text, negative] = takeSign(text, negative);
  }
  const suffix = SUFFIX.exec(text);
  if (suffix) {
    const code = currencyCode(suffix[1]);
    if (code === null || (currency !== null && code !== currency)) return null;
    currency = code;
    text = text.slice(0, text.length - suffix[0].length);
  }
  if (text.endsWith('-') && !negative) {
    negative = true;
    text = text.slice(0, -1).trimEnd();
  }
  if (!NUMBER.test(text)) return null;
  const value = readNumber(text.replace(/['\s\u00a0\u202f]/g, ''), decimal);
  if (value === null) return null;
  return { value: negative ? -value : value, currency };
}

/** "$", "usd", "€" → ISO code; null when not a currency this reader knows. */
export function currencyCode(token: string): string | null {
  const symbol = CURRENCY_SYMBOLS[token] ?? CURRENCY_SYMBOLS[token.toUpperCase()];
  if (symbol) return symbol;
  const upper = token.toUpperCase();
  return CURRENCY_CODES.has(upper) ? upper : null;
}

function takeSign(text: string, negative: boolean): [string, boolean] {
  const c = text[0];
  if (c === '-' || c === '\u2212') return [text.slice(1).trimStart(), !negative];
  if (c === '+') return [text.slice(1).trimStart(), negative];
  return [text, negative];
}

/** Digits with "." and "," in some role each; null when the separators make no sense. */
function readNumber(text: string, preferred: '.' | ','): number | null {
  const hasDot = text.includes('.');
  const hasComma = text.includes(',');
  let decimalSep: '.' | ',' | null = null;
  let thousandsSep: '.' | ',' | null = null;
  if (hasDot && hasComma) {
    decimalSep = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    thousandsSep = decimalSep === '.' ? ',' : '.';
  } else if (hasDot || hasComma) {
    const sep = hasDot ? '.' : ',';
    const count = text.split(sep).length - 1;
    if (sep === preferred && count === 1) decimalSep = sep;
    else if (isThousandsGrouping(text, sep)) thousandsSep = sep;
    else if (count === 1) decimalSep = sep; // "12,5": not a grouping, so it can only be a decimal
    else return null;
  }
  let integer = text;
  let fraction = '';
  if (decimalSep !== null) {
    const at = text.lastIndexOf(decimalSep);
    integer = text.slice(0, at);
    fraction = text.slice(at + 1);
  }
  if (thousandsSep !== null && integer.includes(thousandsSep)) {
    if (!isThousandsGrouping(integer, thousandsSep)) return null;
    integer = integer.split(thousandsSep).join('');
  }
  if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction) || integer + fraction === '') return null;
  return Number(`${integer || '0'}.${fraction || '0'}`);
}

/** "1,234,567" with sep ",": groups of exactly three digits after a first group of one to three. */
function isThousandsGrouping(text: string, sep: string): boolean {
  const groups = text.split(sep);
  if (groups.length < 2 || !/^\d{1,3}$/.test(groups[0])) return false;
  return groups.slice(1).every((g) => /^\d{3}$/.test(g));
}
