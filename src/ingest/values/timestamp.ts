import { asciiDigits } from './digits.js';

/**
 * One timestamp value, classified by shape. Year-first forms are unambiguous and parse to a
 * wall-clock time at once; slash dates carry both readings (month-first and day-first) until the
 * column's data decides; bare numbers may be Excel serial dates, decided once the whole column is
 * seen. All times are wall-clock milliseconds (the clock as written, encoded as UTC).
 *
 *   parseTimestamp('2014-01-31T09:30:00+01:00')
 *     → { kind: 'wall', ms: Date.UTC(2014, 0, 31, 9, 30), offsetMinutes: 60, hasTime: true }
 *   parseTimestamp('3/4/2014') → { kind: 'slash', mdy: Date.UTC(2014, 2, 4), dmy: Date.UTC(2014, 3, 3), … }
 */
export type ParsedTimestamp =
  | { kind: 'wall'; ms: number; offsetMinutes: number | null; hasTime: boolean; named?: true }
  | { kind: 'slash'; mdy: number | null; dmy: number | null; first: number; second: number; hasTime: boolean; offsetMinutes: number | null }
  | { kind: 'serial'; value: number };

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const SLASH =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:,?[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([AP])\.?M\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMBER = /^\d+(?:\.\d+)?$/;
// "5 Jan 2014", "05-Jan-2014 10:00", "Mon, 5 January 2014 9:30 PM" and "Jan 5, 2014 9:30 AM":
// a month name makes the order unambiguous.
const TIME = '(?:[ T,]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?(?:\\s*([AP])\\.?M\\.?)?)?\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?$';
const DAY_MONTH = new RegExp(`^(?:[A-Za-z]{3,9},?\\s+)?(\\d{1,2})[ -]([A-Za-z]{3,9})\\.?[ -](\\d{4})${TIME}`, 'i');
const MONTH_DAY = new RegExp(`^(?:[A-Za-z]{3,9},?\\s+)?([A-Za-z]{3,9})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})${TIME}`, 'i');
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function parseTimestamp(raw: string): ParsedTimestamp | null {
  const fast = fastIsoMs(raw);
  if (fast === fast) return { kind: 'wall', ms: fast, offsetMinutes: raw.length === 20 ? 0 : null, hasTime: raw.length !== 10 };
  const text = asciiDigits(raw.trim());
  if (text === '') return null;
  const first = text.charCodeAt(0);
  let m = text.length >= 8 && text.charCodeAt(4) >= 45 && text.charCodeAt(4) <= 47 ? ISO.exec(text) : null;
  if (m) {
    const hasTime = m[4] !== undefined;
    const ms = wallMs(+m[1], +m[2], +m[3], hasTime ? +m[4] : 0, hasTime ? +m[5] : 0, m[6] ? +m[6] : 0, m[7]);
    if (ms === null) return null;
    const offset = m[8] === undefined ? null : offsetMinutes(m[8]);
    if (offset === undefined) return null;
    return { kind: 'wall', ms, offsetMinutes: offset, hasTime };
  }
  if (first < 48 || first > 57) return monthNamed(text);
  m = SLASH.exec(text);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const year = m[3].length === 2 ? twoDigitYear(+m[3]) : +m[3];
    const hasTime = m[4] !== undefined;
    let hour = hasTime ? +m[4] : 0;
    if (m[8] !== undefined) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (m[8].toUpperCase() === 'P' ? 12 : 0);
    }
    const minute = hasTime ? +m[5] : 0;
    const second = m[6] ? +m[6] : 0;
    const offset = m[9] === undefined ? null : offsetMinutes(m[9]);
    if (offset === undefined) return null;
    const mdy = wallMs(year, a, b, hour, minute, second, m[7]);
    const dmy = wallMs(year, b, a, hour, minute, second, m[7]);
    if (mdy === null && dmy === null) return null;
    return { kind: 'slash', mdy, dmy, first: a, second: b, hasTime, offsetMinutes: offset };
  }
  if (NUMBER.test(text)) return { kind: 'serial', value: Number(text) };
  return monthNamed(text);
}

function monthNamed(text: string): ParsedTimestamp | null {
  let m = DAY_MONTH.exec(text);
  let day: number;
  let monthName: string;
  if (m) {
    day = +m[1];
    monthName = m[2];
  } else {
    m = MONTH_DAY.exec(text);
    if (!m) return null;
    day = +m[2];
    monthName = m[1];
  }
  const month = monthNumber(monthName);
  if (month === 0) return null;
  const hasTime = m[4] !== undefined;
  let hour = hasTime ? +m[4] : 0;
  if (m[8] !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[8].toUpperCase() === 'P' ? 12 : 0);
  }
  const offset = m[9] === undefined ? null : offsetMinutes(m[9]);
  if (offset === undefined) return null;
  const ms = wallMs(+m[3], month, day, hour, hasTime ? +m[5] : 0, m[6] ? +m[6] : 0, m[7]);
  return ms === null ? null : { kind: 'wall', ms, offsetMinutes: offset, hasTime, named: true };
}

/** "Jan", "January", "sept" → 1–12; 0 when not an English month name. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  if (lower.length < 3) return 0;
  return MONTHS.findIndex((full) => full.startsWith(lower)) + 1;
}

/** Excel's day 0 is 1899-12-30 (after its 1900 leap-year bug); serial 25569 = 1970-01-01. */
export function excelSerialToWall(serial: number): number {
  return Math.round((serial - 25569) * 86400) * 1000;
}

/** Serial dates 20000–80000 are the years 1954–2119; other bare numbers are not dates. */
export function isPlausibleExcelSerial(value: number): boolean {
  return value >= 20000 && value <= 80000;
}

function wallMs(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string | undefined): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  // Date.UTC reads the years 0–99 as 1900–1999: year 0019 must stay 0019 (and be refused as
  // implausible), not become 1919.
  if (y < 100) return new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms)).setUTCFullYear(y);
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, mo: number): number {
  if (mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) return 29;
  return MONTH_DAYS[mo - 1];
}

/**
 * The shapes machine exports write millions of times — "2014-01-31", "2014-01-31 09:30:00",
 * "2014-01-31T09:30:00Z" — read by character codes, without a regular expression or any
 * allocation. NaN for anything else (which then takes the general path). The shape is
 * known from the length: 10 = date only, 19 = naive date-time, 20 = date-time in UTC (Z).
 */
export function fastIsoMs(s: string): number {
  const n = s.length;
  if (n !== 10 && n !== 19 && n !== 20) return NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = d4(s, 0);
  const mo = d2(s, 5);
  const d = d2(s, 8);
  if (y < 0 || mo < 0 || d < 0) return NaN;
  if (n === 10) return wallMs(y, mo, d, 0, 0, 0, undefined) ?? NaN;
  const sep = s.charCodeAt(10);
  if ((sep !== 84 && sep !== 32) || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return NaN;
  if (n === 20 && s.charCodeAt(19) !== 90) return NaN;
  const h = d2(s, 11);
  const mi = d2(s, 14);
  const se = d2(s, 17);
  if (h < 0 || mi < 0 || se < 0) return NaN;
  return wallMs(y, mo, d, h, mi, se, undefined) ?? NaN;
}

function d2(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function d4(s: string, at: number): number {
  const hi = d2(s, at);
  const lo = d2(s, at + 2);
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

function twoDigitYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

/** "Z", "UTC", "+01:00", "-0530", "+02" → minutes east of UTC; undefined when out of range. */
function offsetMinutes(suffix: string): number | undefined {
  const s = suffix.toUpperCase();
  if (s === 'Z' || s === 'UTC' || s === 'GMT') return 0;
  const sign = s[0] === '-' ? -1 : 1;
  const digits = s.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

/**
 * fastIsoMs over UTF-8 bytes [start, end) of a buffer: the same shapes, the same result, no
 * string made. The byte reader of plain files uses it; a property test holds the two equal.
 */
export function fastIsoMsBytes(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n !== 10 && n !== 19 && n !== 20) return NaN;
  if (b[start + 4] !== 45 || b[start + 7] !== 45) return NaN;
  const y = b2(b, start) * 100 + b2(b, start + 2);
  const mo = b2(b, start + 5);
  const d = b2(b, start + 8);
  if (y < 0 || mo < 0 || d < 0 || b2(b, start) < 0 || b2(b, start + 2) < 0) return NaN;
  const midnight = dayMs(y, mo, d);
  if (n === 10) return midnight;
  const sep = b[start + 10];
  if ((sep !== 84 && sep !== 32) || b[start + 13] !== 58 || b[start + 16] !== 58) return NaN;
  if (n === 20 && b[start + 19] !== 90) return NaN;
  const h = b2(b, start + 11);
  const mi = b2(b, start + 14);
  const se = b2(b, start + 17);
  if (h < 0 || mi < 0 || se < 0 || h > 23 || mi > 59 || se > 59 || midnight !== midnight) return NaN;
  // Date.UTC's sum for valid fields, in exact integer arithmetic.
  return midnight + h * 3_600_000 + mi * 60_000 + se * 1000;
}

/**
 * wallMs(y, mo, d) at midnight, remembered for the last date asked: exports sorted by date
 * ask for the same day thousands of times in a row.
 */
let lastDayKey = -1;
let lastDayMs = NaN;
function dayMs(y: number, mo: number, d: number): number {
  const key = (y * 100 + mo) * 100 + d;
  if (key !== lastDayKey) {
    lastDayKey = key;
    lastDayMs = wallMs(y, mo, d, 0, 0, 0, undefined) ?? NaN;
  }
  return lastDayMs;
}

function b2(b: Uint8Array, at: number): number {
  const x = b[at] - 48;
  const y = b[at + 1] - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}
