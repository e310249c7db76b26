import { Chalk } from 'chalk';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import type { Terminal } from '../../src/terminal.js';

/** Runs `loyalty …` in-process without colour, capturing stdout and stderr. */
export async function loyalty(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const term: Terminal = {
    out: (t) => void (out += t.endsWith('\n') ? t : t + '\n'),
    err: (t) => void (err += t.endsWith('\n') ? t : t + '\n'),
    warn: (t) => void (err += `warning: ${t}\n`),
    color: new Chalk({ level: 0 }),
  };
  const code = await main(args, term);
  return { code, out, err };
}

/** Writes a file into a fresh temporary directory and returns its path. */
export function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'loyalty-validate-')), name);
  writeFileSync(path, text);
  return path;
}
