// Compiles src/stats/resampleKernel.wat with wabt and writes its bytes into
// src/stats/resampleKernelBytes.ts (npm run wasm). The bytes are kept in the repository so
// that running loyalty needs no compiler; test/stats/resampleKernel.test.ts checks they match.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import wabtInit from 'wabt';

const source = new URL('../src/stats/resampleKernel.wat', import.meta.url);
const target = new URL('../src/stats/resampleKernelBytes.ts', import.meta.url);
const wabt = await wabtInit();
const module = wabt.parseWat('resampleKernel.wat', readFileSync(source, 'utf8'), { simd: true });
const { buffer } = module.toBinary({});
const text = `// Written by \`npm run wasm\` from resampleKernel.wat: do not edit.
export const RESAMPLE_KERNEL = '${Buffer.from(buffer).toString('base64')}';
`;
writeFileSync(`${target.pathname}.tmp`, text);
renameSync(`${target.pathname}.tmp`, target.pathname);
console.log(`wrote ${target.pathname} (${buffer.length} bytes of WebAssembly)`);
