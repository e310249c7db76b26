import { kernelModule, roomFor } from '../../wasmKernel.js';
import { UNQUOTE_KERNEL } from './unquoteKernelBytes.js';

/**
 * unquoteCells' common case by the WebAssembly kernel (unquoteKernel.wat): bytes[from …] (from
 * the first quote) unquoted in place when every quoted cell there is quoted whole and holds no
 * delimiter, line end or quote of its own; returns the bytes' new length, or −1 when they are
 * not all so (or WebAssembly SIMD is missing), leaving `bytes` unchanged for the JavaScript
 * loop to decide. The loop took ~2.5 ns a byte on a file quoted throughout.
 */
export function unquoteCommon(bytes: Uint8Array, from: number, delimiter: number, LF: number): number {
  if (kernel === null) return -1;
  const length = bytes.length - from;
  roomFor(kernel.memory, DATA + length + 16);
  const memory = new Uint8Array(kernel.memory.buffer);
  memory.set(bytes.subarray(from), DATA);
  memory.fill(0, DATA + length, DATA + length + 16);
  const before = from === 0 || bytes[from - 1] === LF || bytes[from - 1] === delimiter ? 1 : 0;
  const n = kernel.unquote(length, before, delimiter);
  if (n < 0) return -1;
  bytes.set(memory.subarray(DATA, DATA + n), from);
  return from + n;
}

/** Where the kernel's bytes start (its shuffles come first). */
const DATA = 4096;

interface Kernel {
  memory: WebAssembly.Memory;
  unquote(length: number, before: number, delimiter: number): number;
}

/** Null where WebAssembly or its SIMD is missing (the JavaScript loop then reads every file). */
const kernel: Kernel | null = (() => {
  const module = kernelModule(UNQUOTE_KERNEL);
  return module === null ? null : (new WebAssembly.Instance(module).exports as unknown as Kernel);
})();

/** Whether the kernel runs here (for tests). */
export function unquoteKernelRuns(): boolean {
  return kernel !== null;
}
