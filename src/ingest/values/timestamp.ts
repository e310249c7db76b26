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
  if (fast === fast) {
    const zone = fastZone(raw);
    return { kind: 'wall', ms: fast, offsetMinutes: zoneOffset(zone), hasTime: zone !== ZONE_DATE };
  }
  return parseTimestampText(raw);
}

/** parseTimestamp by its regular expressions alone: the definition fastIsoMs is held to. */
export function parseTimestampText(raw: string): ParsedTimestamp | null {
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
 * What a timestamp fastIsoMs read says about its zone, as one small integer the byte readers
 * keep per row in a typed array: ZONE_DATE (a date, no clock), ZONE_NAIVE (a clock, no
 * offset), or ZONE_OFFSET + the offset in minutes east of UTC ("Z" is ZONE_OFFSET itself).
 */
export const ZONE_DATE = 0;
export const ZONE_NAIVE = 1;
export const ZONE_OFFSET = 1024;

/** The offset in minutes east of UTC a zone code carries, or null when the value named none. */
export function zoneOffset(zone: number): number | null {
  return zone >= ZONE_OFFSET - 900 ? zone - ZONE_OFFSET : null;
}

/**
 * The shapes machine exports write millions of times, read by character codes without a
 * regular expression or any allocation; NaN for anything else (which then takes the general
 * path, parseTimestamp's regular expressions, with the same result):
 *
 *   2014-01-31             2014-01-31 09:30          2014-01-31 09:30:00     (T or space)
 *   2014-01-31T09:30:00Z   2014-01-31T09:30:00.250   2014-01-31T09:30:00.250Z
 *   2014-01-31T09:30:00+0100   2014-01-31 09:30:00 +0100 (Shopify)   2014-01-31T09:30:00+01:00
 *
 * The wall clock as written; `fastZone` gives what the value says about its zone.
 */
export function fastIsoMs(s: string): number {
  return toScratch(s) ? fastIsoMsBytes(SCRATCH, 0, s.length) : NaN;
}

/** The zone code (ZONE_DATE …) of a value fastIsoMs read. */
export function fastZone(s: string): number {
  return toScratch(s) ? fastZoneBytes(SCRATCH, 0, s.length) : ZONE_NAIVE;
}

const SCRATCH = new Uint8Array(32);

/** Copies an ASCII string of a fast shape's length into SCRATCH; false when it cannot be one. */
function toScratch(s: string): boolean {
  const n = s.length;
  if (n < 10 || n > 25) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return false;
    SCRATCH[i] = c;
  }
  return true;
}

/** Milliseconds of a three-digit fraction ".ddd", exactly as wallMs computes them from the text. */
const FRACTION_MS = Array.from({ length: 1000 }, (_, k) => Math.floor(Number(`0.${String(k).padStart(3, '0')}`) * 1000));

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
 * string made. The byte readers of plain files use it; property tests hold it to parseTimestamp.
 */
export function fastIsoMsBytes(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n < 10 || n > 25 || b[start + 4] !== 45 || b[start + 7] !== 45) return NaN;
  const hi = b2(b, start);
  const lo = b2(b, start + 2);
  const mo = b2(b, start + 5);
  const d = b2(b, start + 8);
  if (hi < 0 || lo < 0 || mo < 0 || d < 0) return NaN;
  const midnight = dayMs(hi * 100 + lo, mo, d);
  if (n === 10) return midnight;
  const sep = b[start + 10];
  if (n < 16 || (sep !== 84 && sep !== 32) || b[start + 13] !== 58) return NaN;
  const h = b2(b, start + 11);
  const mi = b2(b, start + 14);
  if (h < 0 || mi < 0 || h > 23 || mi > 59 || midnight !== midnight) return NaN;
  // Date.UTC's sum for valid fields, in exact integer arithmetic.
  const minute = midnight + h * 3_600_000 + mi * 60_000;
  if (n === 16) return minute;
  const se = b2(b, start + 17);
  if (n < 19 || b[start + 16] !== 58 || se < 0 || se > 59) return NaN;
  const second = minute + se * 1000;
  return n === 19 ? second : withSuffix(b, start + 19, end, second);
}

/** The value `second` when [at, end) is one of the fast suffixes (".ddd", "Z", an offset), else NaN. */
function withSuffix(b: Uint8Array, at: number, end: number, second: number): number {
  let ms = second;
  if (b[at] === 46) {
    const x = b2(b, at + 1);
    const y = b[at + 3] - 48;
    if (end - at < 4 || x < 0 || y < 0 || y > 9) return NaN;
    ms += FRACTION_MS[x * 10 + y];
    at += 4;
    if (at === end) return ms;
    return at + 1 === end && b[at] === 90 ? ms : NaN;
  }
  if (at + 1 === end) return b[at] === 90 ? ms : NaN;
  if (b[at] === 32) at++;
  const sign = b[at];
  if (sign !== 43 && sign !== 45) return NaN;
  const hours = b2(b, at + 1);
  const colon = b[at + 3] === 58 ? 1 : 0;
  const minutes = b2(b, at + 3 + colon);
  // An offset beyond ±14:59 is unreadable to the general rule too: it takes that path.
  if (at + 5 + colon !== end || hours < 0 || minutes < 0 || hours > 14 || minutes > 59) return NaN;
  return ms;
}

/** The zone code of a value fastIsoMsBytes read (not NaN) from [start, end). */
export function fastZoneBytes(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 10) return ZONE_DATE;
  const last = b[end - 1];
  if (last === 90) return ZONE_OFFSET;
  if (n <= 19 || b[start + 19] === 46) return ZONE_NAIVE;
  const colon = b[end - 3] === 58;
  const sign = colon ? b[end - 6] : b[end - 5];
  const minutes = b2(b, colon ? end - 5 : end - 4) * 60 + b2(b, end - 2);
  return ZONE_OFFSET + (sign === 45 ? -minutes : minutes);
}

/**
 * wallMs(y, mo, d) at midnight (NaN for no such day). For the years 1900–2155: the month's
 * first midnight, computed once, plus whole days (exact in integer milliseconds), so a file in
 * any order of dates needs no Date.UTC per row (~65 ns a row of an unsorted export). Other
 * years: remembered for the last date asked.
 */
function dayMs(y: number, mo: number, d: number): number {
  const m = (y - FIRST_MONTH_YEAR) * 12 + mo - 1;
  if (m >= 0 && m < MONTHS_KEPT && mo >= 1 && mo <= 12) {
    let first = monthStart[m]!;
    if (first !== first) {
      first = monthStart[m] = wallMs(y, mo, 1, 0, 0, 0, undefined)!;
      monthLength[m] = daysInMonth(y, mo);
    }
    return d >= 1 && d <= monthLength[m]! ? first + (d - 1) * 86_400_000 : NaN;
  }
  const key = (y * 100 + mo) * 100 + d;
  if (key !== lastDayKey) {
    lastDayKey = key;
    lastDayMs = wallMs(y, mo, d, 0, 0, 0, undefined) ?? NaN;
  }
  return lastDayMs;
}

const FIRST_MONTH_YEAR = 1900;
const MONTHS_KEPT = 256 * 12;
/** Per month from January 1900: its first midnight (NaN until asked) and its number of days. */
const monthStart = new Float64Array(MONTHS_KEPT).fill(NaN);
const monthLength = new Uint8Array(MONTHS_KEPT);
let lastDayKey = -1;
let lastDayMs = NaN;

function b2(b: Uint8Array, at: number): number {
  const x = b[at] - 48;
  const y = b[at + 1] - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}
