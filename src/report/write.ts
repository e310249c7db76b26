import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The only module that writes report files. Each file goes to a temporary name in its own
 * directory and is renamed into place (rename is atomic within a filesystem), so a run that
 * is killed midway leaves the previous file intact rather than a half-written one.
 */
export interface OutputFile {
  /** Path relative to the output directory. */
  name: string;
  content: string | Uint8Array;
}

/** The file operations a write uses; tests inject failing ones to simulate a crash. */
export interface WriteIo {
  writeFile(path: string, content: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export const DISK: WriteIo = { writeFile: (path, content) => writeFile(path, content), rename };

export async function writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempName(path);
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Writes every file of a report; files are written in name order so runs are reproducible. */
export async function writeOutputs(dir: string, files: OutputFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of byName(files)) {
    const path = join(dir, file.name);
    await writeAtomic(path, file.content);
    written.push(path);
  }
  return written;
}

/**
 * Writes a set of files that belong together (a report and its charts) in two phases: every
 * file to its temporary name first, then every rename. If any write fails (disk full, a run
 * killed), nothing has been renamed yet, the temporaries are removed and the previous report
 * stays whole, not a mix of old and new files. `last` names files renamed after all others
 * (the documents that link to the charts), so a reader never opens links to missing charts.
 */
export async function writeOutputSet(
  dir: string,
  files: OutputFile[],
  last: readonly string[] = [],
  io: WriteIo = DISK,
  /** Runs between the two phases and calls `renames` (outputDir.ts writes its manifest there). */
  between: (renames: () => Promise<string[]>) => Promise<string[]> = (renames) => renames(),
): Promise<string[]> {
  const rank = (name: string) => last.indexOf(name);
  const ordered = byName(files).sort((a, b) => rank(a.name) - rank(b.name));
  const temps: string[] = [];
  try {
    for (const file of ordered) {
      const path = join(dir, file.name);
      await mkdir(dirname(path), { recursive: true });
      temps.push(tempName(path));
      await io.writeFile(tempName(path), file.content);
    }
  } catch (e) {
    await Promise.all(temps.map((tmp) => rm(tmp, { force: true }).catch(() => undefined)));
    throw e;
  }
  return between(async () => {
    const written: string[] = [];
    for (const file of ordered) {
      const path = join(dir, file.name);
      await io.rename(tempName(path), path);
      written.push(path);
    }
    return written;
  });
}

function byName(files: OutputFile[]): OutputFile[] {
  return [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A hidden name next to the target, unique per process, so concurrent runs do not collide. */
export function tempName(path: string): string {
  return join(dirname(path), `.${baseName(path)}.tmp-${process.pid}`);
}

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(i + 1);
}
