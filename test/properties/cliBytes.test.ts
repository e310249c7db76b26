import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

/**
 * A handful of real CLI runs on random bytes (the many in-process parses are in
 * arbitraryBytes.test.ts): each exits 65 with a one-line "error:" message, no stack trace, and
 * nothing on stdout. Needs the build (npm test builds first).
 */
const SAMPLES = fc.sample(
  fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 2000 }),
    fc.uint8Array({ minLength: 1, maxLength: 500 }).map((b) => Uint8Array.from([0xff, 0xfe, ...b])),
    fc.string({ minLength: 1, maxLength: 500 }).map((s) => new TextEncoder().encode(s)),
  ),
  { seed: 23, numRuns: 6 },
);

describe('the CLI on random bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-bytes-'));
  test.each(SAMPLES.map((bytes, i) => [i, bytes] as const))('sample %i: exit 65 with a message, not a stack trace', (i, bytes) => {
    expect(existsSync('dist/src/cli.js'), 'run `npx tsc -p .` first').toBe(true);
    const file = join(dir, `random-${i}.csv`);
    writeFileSync(file, bytes);
    for (const command of i % 2 === 0 ? ['validate'] : ['slices']) {
      const run = spawnSync(process.execPath, ['bin/loyalty.js', command, file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LOYALTY_DEBUG: '' } });
      expect(run.status).toBe(65);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^error: .+/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stderr).not.toContain('internal error');
    }
  });
});
