import { Chalk } from 'chalk';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import type { Terminal } from '../../src/terminal.js';

/**
 * Runs the CLI in-process without colour, capturing stdout and stderr. `cwd` is where
 * loyalty.config.json is looked for; by default a fresh empty directory, so a config file in
 * the repository never leaks into a test.
 */
export async function runCli(args: string[], cwd: string = tempDir()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const term: Terminal = {
    out: (t) => void (out += t.endsWith('\n') ? t : t + '\n'),
    err: (t) => void (err += t.endsWith('\n') ? t : t + '\n'),
    warn: (t) => void (err += `warning: ${t}\n`),
    color: new Chalk({ level: 0 }),
  };
  const code = await main(args, term, cwd);
  return { code, out, err };
}

/** Writes a small CSV into a fresh temporary directory and returns its path. */
export function tempCsv(name: string, lines: string[]): string {
  const path = join(tempDir(), name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'loyalty-e2e-'));
}
