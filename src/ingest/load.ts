import { createReadStream } from 'node:fs';
import type { Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { DataError, InputMissingError } from '../errors.js';
import { STDIN, streamedInput } from './inputStream.js';
import type { Preset } from './presets/preset.js';

export type { ColumnProfile, FileProfile } from './profile.js';
export type { Problem } from './accounting.js';

/** Hears every chunk of the file as it is read (a progress bar); `done` once it is all read. */
export interface ReadProgress {
  read(chunk: Uint8Array): void;
  /** Bytes and lines read elsewhere (by worker threads). */
  advance(bytes: number, lines: number): void;
  /** The file is read again from its start (the byte reader handed it to the general path). */
  restart(): void;
  done(): void;
}

/**
 * The only place ingest touches the disk, shared by readOrders and readTickets: checks the
 * path, then streams the file in 1 MB chunks into the pure parsers (the file is never held as
 * one string); `progress` hears the bytes as they are read, for a progress bar.
 *
 * The byte reader first; when it hands the file back (null: not plain), the general path reads
 * the file again from its start. Stdin, FIFOs and .gz files are read once, as a stream, by the
 * general path (see inputStream.ts).
 */
export async function readFile<T>(
  path: string,
  role: 'orders' | 'tickets',
  progress: ReadProgress | null | undefined,
  readPlain: (file: FileHandle, size: number, presets: readonly Preset[]) => Promise<T | null>,
  readGeneral: (chunks: AsyncIterable<Buffer>) => Promise<T>,
): Promise<T> {
  await assertReadable(path, role);
  try {
    const streamed = await streamedInput(path);
    if (streamed !== null) return await readGeneral(reported(streamed, progress, { bytes: 0 }));
    const before = await stat(path);
    const size = before.size;
    const file = await open(path, 'r');
    try {
      const { PRESETS } = await import('./presets/index.js');
      const plain = await readPlain(file, size, PRESETS);
      if (plain !== null) {
        await assertUnchanged(path, before, size);
        return plain;
      }
    } finally {
      await file.close();
    }
    progress?.restart();
    const counted = { bytes: 0 };
    const result = await readGeneral(reported(createReadStream(path, { highWaterMark: CHUNK }), progress, counted));
    await assertUnchanged(path, before, counted.bytes);
    return result;
  } finally {
    // Also on an error, so its message does not land on the bar's line.
    progress?.done();
  }
}

/**
 * A file written to (or truncated) while it was read gives numbers for neither its old nor its
 * new contents: an error, never exit 0 on the part that was there. `read` is the bytes read.
 */
async function assertUnchanged(path: string, before: Stats, read: number): Promise<void> {
  const after = await stat(path).catch(() => null);
  if (after !== null && after.size === before.size && after.mtimeMs === before.mtimeMs && read === before.size) return;
  const now = after === null ? 'it is gone now' : `${after.size} bytes now`;
  throw new DataError(
    `${path} changed while it was read (${before.size} bytes when reading began, ${read} bytes read, ${now}); wait until the export has finished writing, or copy it first, and run again.`,
  );
}

async function* reported(chunks: AsyncIterable<Buffer>, progress: ReadProgress | null | undefined, counted: { bytes: number }): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    counted.bytes += chunk.length;
    progress?.read(chunk);
    yield chunk;
  }
}

const CHUNK = 1024 * 1024;

/**
 * Fails with exit 66 when an input cannot be opened. Commands reading two files call it for
 * both before reading either, so a mistyped tickets path fails at once, not after a large
 * orders export has been read (or after the orders file's own data error).
 */
export async function assertReadable(path: string, role: 'orders' | 'tickets'): Promise<void> {
  if (path === STDIN) return;
  let isDirectory = false;
  let isFile = true;
  try {
    const stats = await stat(path);
    isDirectory = stats.isDirectory();
    isFile = stats.isFile();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputMissingError(
      code === 'ENOENT'
        ? `${path}: no such file; check the path of the ${role} export.`
        : `${path}: cannot be opened (${code ?? 'unknown error'}); check the path and its permissions.`,
    );
  }
  if (isDirectory) throw new InputMissingError(`${path} is a directory, not a file; give the path of the ${role} CSV inside it.`);
  // Opening a FIFO blocks until its writer opens it, and closing it again would end the
  // writer's pipe: a FIFO is opened once, when it is read.
  if (!isFile) return;
  // Opening for reading up front turns a permission problem into exit 66, not a mid-stream failure.
  try {
    await (await open(path, 'r')).close();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputMissingError(`${path}: cannot be read (${code ?? 'unknown error'}); check the file's permissions.`);
  }
}
