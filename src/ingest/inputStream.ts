import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { DataError } from '../errors.js';

/**
 * Inputs that can only be read once, front to back: `-` (stdin), a FIFO or other non-seekable
 * file (`<(zcat orders.csv.gz)`, /dev/stdin), and `.gz` files, decompressed through zlib as they
 * are read. None of them can go to the byte readers, which read at file positions and read a
 * file again when they hand it back; they go straight to the general path as a stream, so
 * nothing is held whole in memory. Every other path is a regular file (null here).
 */
export async function streamedInput(path: string, input: NodeJS.ReadableStream = process.stdin): Promise<AsyncIterable<Buffer> | null> {
  const gzip = /\.gz$/i.test(path);
  let source: NodeJS.ReadableStream;
  if (path === STDIN) source = input;
  else {
    const regular = (await stat(path)).isFile();
    if (regular && !gzip) return null;
    source = createReadStream(path, { highWaterMark: CHUNK });
  }
  return gzip ? gunzipped(source, path) : (source as AsyncIterable<Buffer>);
}

/** The path that names standard input. */
export const STDIN = '-';

/** How a path is named in messages and reports: `-` is "stdin". */
export function inputName(path: string): string {
  return path === STDIN ? 'stdin' : path;
}

/** True for inputs that are read once as a stream, never at file positions. */
export async function isStreamed(path: string): Promise<boolean> {
  if (path === STDIN || /\.gz$/i.test(path)) return true;
  try {
    return !(await stat(path)).isFile();
  } catch {
    return false;
  }
}

const CHUNK = 1024 * 1024;

/** zlib's failure on a file that is not gzip, or is cut short, as a data error naming the file. */
async function* gunzipped(source: NodeJS.ReadableStream, path: string): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) yield chunk;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (typeof err.code === 'string' && err.code.startsWith('Z_')) {
      throw new DataError(`${inputName(path)}: not a readable gzip file (${err.message}); name it without .gz if it is not compressed, or check that it was copied whole.`);
    }
    throw e;
  }
}
