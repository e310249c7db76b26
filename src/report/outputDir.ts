import { rmSync } from 'node:fs';
import { lstat, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputError } from '../errors.js';
import { tempName, writeAtomic, writeOutputSet, type OutputFile, type WriteIo, DISK } from './write.js';

/**
 * An output folder that loyalty shares with whatever else the user keeps there (`--out .`).
 * The folder's MANIFEST lists every file loyalty wrote into it; only those are ever replaced
 * or removed. A file of one of this run's names that the manifest does not list is the
 * user's: the run stops (exit 73) before anything is written, and says which files.
 *
 * Order of a run, so that a run killed at any point leaves the previous report whole and the
 * next run finds every file it may clean up:
 *   1. sweep temporaries of earlier runs that were killed (`.NAME.tmp-PID` of a dead PID);
 *   2. write every file to its temporary name (writeOutputSet's first phase);
 *   3. write the manifest as old ∪ new, so every name that may exist from now on is listed;
 *   4. rename every file into place (SIGINT/SIGTERM wait until the renames are done);
 *   5. remove the earlier run's files this run did not write (listed and `ours`);
 *   6. write the manifest as what is there now.
 * SIGINT and SIGTERM during 1–3 remove this run's temporaries and end the run (130, 143).
 */
export const MANIFEST = '.loyalty-manifest.json';

export interface OwnedWrite {
  /** Paths written, in rename order. */
  written: string[];
  /** Names of an earlier run removed (listed in the manifest, `ours`, not written now). */
  removed: string[];
}

export async function writeOwnedDir(
  dir: string,
  files: readonly OutputFile[],
  options: { last?: readonly string[]; ours?: (name: string) => boolean; io?: WriteIo } = {},
): Promise<OwnedWrite> {
  const { last = [], ours = () => false, io = DISK } = options;
  const present = await listDir(dir);
  const listed = await readManifest(dir, present);
  await sweepTemporaries(dir, present, listed, files);

  const foreign = files.map((f) => f.name).filter((name) => present.has(name) && !listed.has(name));
  if (foreign.length > 0) {
    throw new OutputError(
      `${dir} already holds ${foreign.sort().join(', ')}, which loyalty did not write (they are not in ${join(dir, MANIFEST)}); ` +
        'loyalty replaces only its own files: move them away, or choose another --out.',
    );
  }

  const names = new Set(files.map((f) => f.name));
  const removed = [...listed].filter((name) => !names.has(name) && ours(name) && present.has(name)).sort();
  const written = await guarded(
    dir,
    files,
    async (renames) => {
      await writeManifest(dir, new Set([...listed, ...names]));
      // From here on a signal waits: the renames, the removals and the final manifest finish.
      const paths = await renames();
      for (const name of removed) await rm(join(dir, name), { force: true });
      await writeManifest(dir, new Set([...listed, ...names].filter((name) => !removed.includes(name))));
      return paths;
    },
    last,
    io,
  );
  return { written, removed };
}

/**
 * writeOutputSet with the signals handled: until every temporary is written, SIGINT or
 * SIGTERM removes this run's temporaries and ends the process; once the renames start, the
 * rest of `beforeRenames` (renames, removals, final manifest: milliseconds) finishes first,
 * so the folder never mixes two runs and no temporary is left.
 */
async function guarded(
  dir: string,
  files: readonly OutputFile[],
  beforeRenames: (renames: () => Promise<string[]>) => Promise<string[]>,
  last: readonly string[],
  io: WriteIo,
): Promise<string[]> {
  const temps = files.map((f) => tempName(join(dir, f.name))).concat(tempName(join(dir, MANIFEST)));
  let renaming = false;
  let stopping = false;
  let pending: NodeJS.Signals | null = null;
  // A write already handed to the thread pool can still create its temporary after a signal,
  // so the temporaries are removed only once the writes in flight have settled, and no write
  // starts after the signal.
  const inFlight = new Set<Promise<void>>();
  const tracked: WriteIo = {
    writeFile: (path, content) => {
      if (stopping) return new Promise<void>(() => undefined);
      const write = io.writeFile(path, content);
      inFlight.add(write);
      write.then(() => inFlight.delete(write), () => inFlight.delete(write));
      return write;
    },
    rename: (from, to) => io.rename(from, to),
  };
  const finish = (signal: NodeJS.Signals) => {
    for (const tmp of temps) rmSync(tmp, { force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const exitOn = (signal: NodeJS.Signals) => {
    stopping = true;
    if (inFlight.size === 0) finish(signal);
    else void Promise.allSettled([...inFlight]).then(() => finish(signal));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (renaming) pending = signal;
    else exitOn(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await writeOutputSet(dir, [...files], last, tracked, (renames) =>
      beforeRenames(() => {
        renaming = true;
        return renames();
      }),
    );
  } catch (e) {
    // The manifest could not be written, or a rename failed: no temporary stays behind.
    await Promise.all(temps.map((tmp) => rm(tmp, { force: true }).catch(() => undefined)));
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (pending !== null) exitOn(pending);
  }
}

async function listDir(dir: string): Promise<Set<string>> {
  try {
    return new Set(await readdir(dir));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw e;
  }
}

/** The names the manifest lists; none when there is no manifest yet. A damaged one is an error, never a guess. */
async function readManifest(dir: string, present: Set<string>): Promise<Set<string>> {
  if (!present.has(MANIFEST)) return new Set();
  const path = join(dir, MANIFEST);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new OutputError(`${path} is not the list of files loyalty wrote (not valid JSON); remove it and the files it listed, or choose another --out.`);
  }
  const files = (json as { files?: unknown })?.files;
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string' && f !== '' && !/[/\\]/.test(f) && f !== '.' && f !== '..')) {
    throw new OutputError(`${path} is not the list of files loyalty wrote (needs "files": a list of file names); remove it and the files it listed, or choose another --out.`);
  }
  return new Set(files as string[]);
}

async function writeManifest(dir: string, names: Set<string>): Promise<void> {
  const files = [...names].filter((n) => n !== MANIFEST).sort();
  await writeAtomic(join(dir, MANIFEST), JSON.stringify({ writtenBy: 'loyalty', files }, null, 2) + '\n');
}

/**
 * Removes `.NAME.tmp-PID` files of runs that are no longer running, for the names loyalty
 * writes here (listed, or written by this run, or the manifest): a run killed with SIGKILL
 * or a power cut leaves them, and no one else would ever remove them.
 */
async function sweepTemporaries(dir: string, present: Set<string>, listed: Set<string>, files: readonly OutputFile[]): Promise<void> {
  const names = new Set([...listed, ...files.map((f) => f.name), MANIFEST]);
  for (const entry of present) {
    const m = /^\.(.+)\.tmp-(\d+)$/.exec(entry);
    if (m === null || !names.has(m[1]) || isRunning(Number(m[2]))) continue;
    // Only files: a directory of that name is nothing loyalty made.
    const path = join(dir, entry);
    if ((await lstat(path)).isFile()) await rm(path, { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
