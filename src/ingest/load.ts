import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PRESETS } from './presets/index.js';
import { readPlainOrders } from './plainOrders.js';
import { InputMissingError } from '../errors.js';
import type { IngestOptions, LoadedOrders, LoadedTickets } from './records.js';
import { parseOrders } from './orders.js';
import { parseTickets } from './tickets.js';

/**
 * The only place ingest touches the disk: checks the path, then streams the file in 1 MB
 * chunks into the pure parsers (the file is never held as one string). Orders files that are
 * plain (no quotes, UTF-8) are read by the byte reader (plainOrders.ts), which gives the same
 * result as the general path much faster; it hands anything else back to the general path.
 *
 * `progress` hears the bytes read so far and the file's size, for a progress bar.
 */
export { parseOrders } from './orders.js';
export { parseTickets } from './tickets.js';
export type { ColumnProfile, FileProfile } from './profile.js';
export type { Problem } from './accounting.js';

export type Progress = (bytesRead: number, totalBytes: number) => void;

export async function loadOrders(path: string, options: IngestOptions, progress?: Progress): Promise<LoadedOrders> {
  await assertReadable(path, 'orders');
  const size = (await stat(path)).size;
  const file = await open(path, 'r');
  try {
    const plain = await readPlainOrders(file, size, path, options, PRESETS, progress && ((n) => progress(n, size)));
    if (plain !== null) return plain;
  } finally {
    await file.close();
  }
  return parseOrders(counted(createReadStream(path, { highWaterMark: CHUNK }), size, progress), path, options);
}

export async function loadTickets(path: string, options: IngestOptions, progress?: Progress): Promise<LoadedTickets> {
  await assertReadable(path, 'tickets');
  const size = (await stat(path)).size;
  return parseTickets(counted(createReadStream(path, { highWaterMark: CHUNK }), size, progress), path, options);
}

async function* counted(chunks: AsyncIterable<Buffer>, size: number, progress: Progress | undefined): AsyncGenerator<Buffer> {
  let read = 0;
  for await (const chunk of chunks) {
    read += chunk.length;
    progress?.(read, size);
    yield chunk;
  }
}

const CHUNK = 1024 * 1024;

async function assertReadable(path: string, role: string): Promise<void> {
  let isDirectory = false;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputMissingError(
      code === 'ENOENT'
        ? `${path}: no such file; check the path of the ${role} export.`
        : `${path}: cannot be opened (${code ?? 'unknown error'}); check the path and its permissions.`,
    );
  }
  if (isDirectory) throw new InputMissingError(`${path} is a directory, not a file; give the path of the ${role} CSV inside it.`);
  // Opening for reading up front turns a permission problem into exit 66, not a mid-stream failure.
  try {
    await (await open(path, 'r')).close();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputMissingError(`${path}: cannot be read (${code ?? 'unknown error'}); check the file's permissions.`);
  }
}
