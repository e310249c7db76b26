import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: every temporary file the tests make goes under one fresh directory
 * (TMPDIR, which os.tmpdir() and the test processes read), removed when the run ends, so a
 * run leaves nothing behind in the system's temporary directory.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'loyalty-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
