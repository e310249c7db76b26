import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import wabtInit from 'wabt';

/** A kernel's .wat (a path from the repository's root) as `npm run wasm` compiles it, in base64. */
export async function compiledKernel(path: string): Promise<string> {
  const wabt = await wabtInit();
  const source = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
  const { buffer } = wabt.parseWat(path.split('/').pop()!, source, { simd: true }).toBinary({});
  return Buffer.from(buffer).toString('base64');
}

/**
 * The two tests every kernel has: it runs here (a kernel that failed to load would leave only
 * its fallback tested, silently), and its kept bytes are its .wat's (`path`) as compiled.
 */
export function kernelIsCurrentAndRuns(path: string, bytes: string, runs: () => boolean, fallback: string): void {
  it(`runs on this platform (else only ${fallback} would be tested)`, () => {
    expect(runs()).toBe(true);
  });

  it(`is ${path.split('/').pop()} as wabt compiles it (npm run wasm writes the bytes)`, async () => {
    expect(await compiledKernel(path)).toBe(bytes);
  });
}
