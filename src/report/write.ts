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

export async function writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${baseName(path)}.tmp-${process.pid}`);
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
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const written: string[] = [];
  for (const file of sorted) {
    const path = join(dir, file.name);
    await writeAtomic(path, file.content);
    written.push(path);
  }
  return written;
}

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(i + 1);
}
