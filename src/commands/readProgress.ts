import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ReadProgress } from '../ingest/load.js';
import { progressBar } from '../progressBar.js';
import type { Terminal } from '../terminal.js';

/**
 * The progress bar for reading one input file, or null (see progressBar: only on a TTY, only
 * for files over ~50 MB, never with --quiet). A file that cannot be stat'ed gets no bar; the
 * loader then reports the problem itself.
 */
export function readProgress(term: Terminal, flags: { quiet?: boolean }, path: string): ReadProgress | null {
  return readProgresses(term, flags, [path])[0]!;
}

/**
 * One bar for files read at the same time (orders and tickets): each file gets its own
 * handle; a file read again from its start takes back what it had counted, and the bar is
 * cleared once every file is done.
 */
export function readProgresses(term: Terminal, flags: { quiet?: boolean }, paths: readonly string[]): (ReadProgress | null)[] {
  let totalBytes = 0;
  // Stdin, FIFOs and .gz files have no size to count towards (a .gz file's size is not what is read).
  if (paths.some((p) => p === '-' || /\.gz$/i.test(p))) return paths.map(() => null);
  try {
    for (const path of paths) totalBytes += statSync(path).size;
  } catch {
    return paths.map(() => null);
  }
  const bar = progressBar(term.progressStream, { label: paths.map((p) => basename(p)).join(' + '), totalBytes, quiet: Boolean(flags.quiet) });
  if (bar === null || paths.length === 1) return paths.map(() => bar);
  let open = paths.length;
  return paths.map(() => {
    let bytes = 0;
    let lines = 0;
    return {
      read(chunk) {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
        bar.read(chunk);
      },
      advance(more, moreLines) {
        bytes += more;
        lines += moreLines;
        bar.advance(more, moreLines);
      },
      restart() {
        bar.advance(-bytes, -lines);
        bytes = 0;
        lines = 0;
      },
      done() {
        if (--open === 0) bar.done();
      },
    };
  });
}
