// Compiles the WebAssembly kernels' .wat sources with wabt and writes each one's bytes into a
// .ts file beside it (npm run wasm). The bytes are kept in the repository so that running
// loyalty needs no compiler; each kernel's test checks that they match its source.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import wabtInit from 'wabt';

const KERNELS = [
  { source: 'src/stats/resampleKernel.wat', target: 'src/stats/resampleKernelBytes.ts', name: 'RESAMPLE_KERNEL' },
  { source: 'src/ingest/fast/lineSplitKernel.wat', target: 'src/ingest/fast/lineSplitKernelBytes.ts', name: 'LINE_SPLIT_KERNEL' },
  { source: 'src/ingest/fast/unquoteKernel.wat', target: 'src/ingest/fast/unquoteKernelBytes.ts', name: 'UNQUOTE_KERNEL' },
];

const wabt = await wabtInit();
for (const { source, target, name } of KERNELS) {
  const file = source.split('/').pop();
  const module = wabt.parseWat(file, readFileSync(new URL(`../${source}`, import.meta.url), 'utf8'), { simd: true });
  const { buffer } = module.toBinary({});
  const text = `// Written by \`npm run wasm\` from ${file}: do not edit.
export const ${name} = '${Buffer.from(buffer).toString('base64')}';
`;
  const path = new URL(`../${target}`, import.meta.url).pathname;
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
  console.log(`wrote ${path} (${buffer.length} bytes of WebAssembly)`);
}
