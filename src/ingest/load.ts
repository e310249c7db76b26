import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { InputMissingError } from '../errors.js';
import type { IngestOptions, LoadedOrders, LoadedTickets } from './records.js';
import { parseOrders } from './orders.js';
import { parseTickets } from './tickets.js';

/**
 * The only place ingest touches the disk: checks the path, then streams the file in 1 MB
 * chunks into the pure parsers (the file is never held as one string).
 */
export { parseOrders } from './orders.js';
export { parseTickets } from './tickets.js';
export type { ColumnProfile, FileProfile } from './profile.js';
export type { Problem } from './accounting.js';

export async function loadOrders(path: string, options: IngestOptions): Promise<LoadedOrders> {
  await assertReadable(path, 'orders');
  return parseOrders(createReadStream(path, { highWaterMark: CHUNK }), path, options);
}

export async function loadTickets(path: string, options: IngestOptions): Promise<LoadedTickets> {
  await assertReadable(path, 'tickets');
  return parseTickets(createReadStream(path, { highWaterMark: CHUNK }), path, options);
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
