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
  let totalBytes = 0;
  try {
    totalBytes = statSync(path).size;
  } catch {
    return null;
  }
  return progressBar(term.progressStream, { label: basename(path), totalBytes, quiet: Boolean(flags.quiet) });
}
