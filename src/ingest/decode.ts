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
      bytesSeen += bytes.length;
      text = decode(decoder, bytes, true, file, bytesSeen);
    }
    first = false;
    assertNoNul(text, file);
    if (text !== '') yield text;
  }
  if (head) {
    info.encoding = detectEncoding(head);
    if (info.encoding === 'utf-8' && head.indexOf(0) >= 0) throw nulBytes(file);
    decoder = new TextDecoder(info.encoding, { fatal: true });
    const text = decode(decoder, head, true, file, head.length);
    assertNoNul(text, file);
    if (text !== '') yield text;
  }
  if (decoder) {
    const rest = decode(decoder, new Uint8Array(0), false, file, bytesSeen);
    assertNoNul(rest, file);
    if (rest !== '') yield rest;
  }
}

function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** `upTo`: bytes read so far, so the message can say where the bad bytes are at the latest. */
function decode(decoder: TextDecoder, bytes: Uint8Array, stream: boolean, file: string, upTo: number): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new DataError(
      `${file} is not UTF-8 text (invalid bytes within the first ${upTo} bytes); it may be a binary file or use another encoding: save it again as "CSV UTF-8".`,
    );
  }
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
