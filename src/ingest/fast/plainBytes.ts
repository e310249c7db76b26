/**
 * Cell readers over UTF-8 bytes for the plain orders reader: the byte twins of the string
 * rules they stand in for, held to them by the property tests in test/ingest/fast/plainOrders.test.ts.
 */
export const AT = 0x40;

export function hasByte(bytes: Uint8Array, start: number, end: number, c: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === c) return true;
  return false;
}

/**
 * Bytes that trim() would leave alone and that need no case folding or Unicode normalisation:
 * ASCII at both ends and not blank there, and no byte above ASCII anywhere (an id with one
 * takes the text rule, normalizeIdText). `mayBeEmpty` for optional columns. `ascii`: the
 * caller knows the whole batch is ASCII (one native check per batch), so no byte is looked at
 * but the two ends.
 */
export function clean(bytes: Uint8Array, start: number, end: number, mayBeEmpty: boolean, ascii: boolean): boolean {
  if (end === start) return mayBeEmpty;
  const a = bytes[start];
  const z = bytes[end - 1];
  if (a <= 0x20 || a >= 0x7f || z <= 0x20 || z >= 0x7f) return false;
  if (!ascii) for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * parseAmount's plain case (-?digits, optionally .digits) read from bytes: the digits as an
 * integer over a power of ten, which IEEE division rounds exactly as Number() rounds the text
 * (both exact integers below 2^53). NaN when not that shape, over 15 digits, or a dot in a
 * decimal-comma file (where "1.234" is a thousands grouping: the general path decides).
 */
export function plainAmount(bytes: Uint8Array, start: number, end: number, decimal: '.' | ','): number {
  let i = start;
  const negative = bytes[i] === 45;
  if (negative) i++;
  let digits = 0;
  let fraction = -1;
  let n = 0;
  for (; i < end; i++) {
    const c = bytes[i];
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0 && digits > 0 && decimal === '.') fraction = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || fraction === 0) return NaN;
  const value = fraction > 0 ? n / POWERS[fraction] : n;
  return negative ? -value : value;
}

/**
 * The text of UTF-8 bytes [start, end). A cell of at most 12 ASCII bytes (ids like "T1042" or
 * "106895560") is made with String.fromCharCode, about five times faster than a Buffer
 * decode; longer or non-ASCII cells are decoded.
 */
export function cellText(bytes: Buffer, start: number, end: number): string {
  const n = end - start;
  if (n > 12) return bytes.toString('utf8', start, end);
  let any = 0;
  for (let i = start; i < end; i++) any |= bytes[i]!;
  if (any >= 0x80) return bytes.toString('utf8', start, end);
  const b = bytes;
  const s = start;
  const f = String.fromCharCode;
  switch (n) {
    case 0:
      return '';
    case 1:
      return f(b[s]!);
    case 2:
      return f(b[s]!, b[s + 1]!);
    case 3:
      return f(b[s]!, b[s + 1]!, b[s + 2]!);
    case 4:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!);
    case 5:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!);
    case 6:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!);
    case 7:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!);
    case 8:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!);
    case 9:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!);
    case 10:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!);
    case 11:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!);
    default:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!);
  }
}
