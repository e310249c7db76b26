import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from './cli.js';

/** Runs `loyalty …` in-process without colour, capturing stdout and stderr (see cli.ts). */
export function loyalty(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(args);
}

/** Writes a file into a fresh temporary directory and returns its path. */
export function tempFile(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}
