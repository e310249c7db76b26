/**
 * What the WebAssembly kernels (src/stats/resampleKernel.wat, src/ingest/fast/*Kernel.wat)
 * share: compiling their kept bytes, and room in their memory.
 */

/** The kernel compiled from its kept bytes (base64), or null where WebAssembly or its SIMD is missing (its JavaScript fallback then runs). */
export function kernelModule(base64: string): WebAssembly.Module | null {
  try {
    return new WebAssembly.Module(Buffer.from(base64, 'base64'));
  } catch {
    return null;
  }
}

/** Grows `memory` to hold at least `bytes`; true when it grew (views of its old buffer are then detached). */
export function roomFor(memory: WebAssembly.Memory, bytes: number): boolean {
  const pages = Math.ceil(bytes / 65536) - memory.buffer.byteLength / 65536;
  if (pages <= 0) return false;
  memory.grow(pages);
  return true;
}
