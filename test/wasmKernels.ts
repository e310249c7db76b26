import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';

/** A kernel's .wat (a path from the repository's root) as `npm run wasm` compiles it, in base64. */
export async function compiledKernel(path: string): Promise<string> {
  const wabt = await wabtInit();
  const source = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
  const { buffer } = wabt.parseWat(path.split('/').pop()!, source, { simd: true }).toBinary({});
  return Buffer.from(buffer).toString('base64');
}
