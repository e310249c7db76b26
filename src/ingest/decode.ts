import { DataError } from '../errors.js';

/**
 * Bytes → text, incrementally. UTF-8 (with or without BOM) unless the file starts with a UTF-16
 * byte-order mark (what Excel writes for "Unicode text"). Invalid UTF-8 and NUL characters mean
 * the file is not a text export (binary, or UTF-16 without a BOM): a DataError, not a crash.
 * A leading BOM never reaches the caller.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  /** Known once the first chunk has been read. */
  encoding: Encoding;
  chunks: AsyncIterable<string>;
}

export function decodeText(source: AsyncIterable<Uint8Array | string> | string, file: string): DecodedText {
  const result: DecodedText = { encoding: 'utf-8', chunks: emptyChunks() };
  result.chunks = decodeChunks(typeof source === 'string' ? singleChunk(source) : source, file, result);
  return result;
}

async function* decodeChunks(
  source: AsyncIterable<Uint8Array | string>,
  file: string,
  info: DecodedText,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let head: Uint8Array | null = null;
  let first = true;
  let bytesSeen = 0;
  // Where the next chunk starts, for a message naming the line and byte of a bad byte.
  const at: Position = { lines: 0, tail: new Uint8Array(0) };
  for await (const chunk of source) {
    let text: string;
    if (typeof chunk === 'string') {
      text = first ? chunk.replace(/^\uFEFF/, '') : chunk;
      if (chunk === '') continue;
    } else {
      let bytes = chunk;
      if (decoder === null) {
        // A BOM needs up to three bytes; hold tiny first chunks until there are enough.
        bytes = head ? concat(head, chunk) : chunk;
        if (bytes.length < 3) {
          head = bytes;
          continue;
        }
        head = null;
        info.encoding = detectEncoding(bytes);
        decoder = new TextDecoder(info.encoding, { fatal: true });
      }
      // NUL bytes say "binary or BOM-less UTF-16" more precisely than a decoding failure would.
      if (info.encoding === 'utf-8' && bytes.indexOf(0) >= 0) throw nulBytes(file);
      text = decode(decoder, bytes, true, file, bytesSeen, at);
      bytesSeen += bytes.length;
    }
    first = false;
    assertNoNul(text, file);
    if (text !== '') yield text;
  }
  if (head) {
    info.encoding = detectEncoding(head);
    if (info.encoding === 'utf-8' && head.indexOf(0) >= 0) throw nulBytes(file);
    decoder = new TextDecoder(info.encoding, { fatal: true });
    const text = decode(decoder, head, true, file, 0, at);
    bytesSeen = head.length;
    assertNoNul(text, file);
    if (text !== '') yield text;
  }
  if (decoder) {
    const rest = decode(decoder, new Uint8Array(0), false, file, bytesSeen, at);
    assertNoNul(rest, file);
    if (rest !== '') yield rest;
  }
}

function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Lines ended before the next chunk, and the last bytes of the previous one (a character may span chunks). */
interface Position {
  lines: number;
  tail: Uint8Array;
}

/**
 * `offset`: the file offset of `bytes`. On invalid bytes the message names the line and the
 * byte offset of the first one (UTF-8), found by a validator run only then.
 */
function decode(decoder: TextDecoder, bytes: Uint8Array, stream: boolean, file: string, offset: number, at: Position): string {
  try {
    const text = decoder.decode(bytes, { stream });
    if (decoder.encoding === 'utf-8') {
      for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) at.lines++;
      at.tail = bytes.length >= 3 ? bytes.subarray(bytes.length - 3) : concat(at.tail, bytes).subarray(-3);
    }
    return text;
  } catch {
    if (decoder.encoding !== 'utf-8') {
      throw new DataError(`${file} is not valid ${decoder.encoding.toUpperCase()} text (invalid bytes near byte offset ${offset}); save it again as "CSV UTF-8".`);
    }
    // Validate from the start of a character the last chunk may have left open.
    const data = concat(at.tail, bytes);
    let start = 0;
    while (start < at.tail.length && (data[start] & 0xc0) === 0x80) start++;
    const bad = firstInvalidUtf8(data, start, !stream);
    let line = at.lines + 1;
    for (let i = at.tail.length; i < bad && i < data.length; i++) if (data[i] === LF) line++;
    const byteOffset = offset - at.tail.length + bad;
    const shown = bad < data.length ? ` (0x${data[bad].toString(16).toUpperCase().padStart(2, '0')})` : ' (a character cut off at the end)';
    throw new DataError(
      `${file} is not UTF-8 text: line ${line}, byte offset ${byteOffset}${shown} is not valid UTF-8; it may be a binary file or use another encoding (Latin-1, Windows-1252): save it again as "CSV UTF-8".`,
    );
  }
}

const LF = 0x0a;

/**
 * The offset of the first byte of `b` (from `i`) that does not belong to a well-formed UTF-8
 * character (overlong forms, surrogates and code points above U+10FFFF included), or of an
 * incomplete character at the end when `final`; b.length when there is none.
 */
export function firstInvalidUtf8(b: Uint8Array, i: number, final: boolean): number {
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (n === 0) return i;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return final ? i : b.length;
      const d = b[i + k];
      if (k === 1 ? d < lo || d > hi : (d & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return i;
}

function assertNoNul(text: string, file: string): void {
  if (text.includes('\u0000')) throw nulBytes(file);
}

function nulBytes(file: string): DataError {
  return new DataError(
    `${file} contains NUL bytes, so it is not a text CSV (a binary file, or UTF-16 saved without a byte-order mark); export it again as CSV (UTF-8).`,
  );
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

async function* singleChunk(text: string): AsyncGenerator<string> {
  yield text;
}

async function* emptyChunks(): AsyncGenerator<string> {}
