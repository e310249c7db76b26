import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The installed command as a process (needs the build: npm test builds first). */
describe('bin/loyalty.js', () => {
  it('stops quietly when the reader of stdout goes away (loyalty … | head)', async () => {
    expect(existsSync('dist/src/cli.js'), 'run `npx tsc -p .` first').toBe(true);
    for (const args of [['--help'], ['cohort', 'fixtures/orders.csv', 'fixtures/tickets.csv', '--json']]) {
      const child = spawn(process.execPath, ['bin/loyalty.js', ...args], { env: { ...process.env, NO_COLOR: '1' } });
      child.stdout.destroy();
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(err).not.toMatch(/EPIPE|^\s+at /m);
      expect(code).toBe(0);
    }
  });
});
