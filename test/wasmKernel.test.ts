import { describe, expect, it } from 'vitest';
import { kernelModule, roomFor } from '../src/wasmKernel.js';

describe('kernelModule', () => {
  it('compiles a module from its base64 bytes, and is null for bytes that are not one', () => {
    // The smallest module: the magic number and version 1.
    expect(kernelModule(Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]).toString('base64'))).toBeInstanceOf(WebAssembly.Module);
    expect(kernelModule(Buffer.from('not wasm').toString('base64'))).toBeNull();
  });
});

describe('roomFor', () => {
  it('grows a memory by whole pages to hold the bytes asked for, and says when it grew', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    expect(roomFor(memory, 65536)).toBe(false);
    expect(roomFor(memory, 65537)).toBe(true);
    expect(memory.buffer.byteLength).toBe(2 * 65536);
    expect(roomFor(memory, 3 * 65536 + 1)).toBe(true);
    expect(memory.buffer.byteLength).toBe(4 * 65536);
    expect(roomFor(memory, 10)).toBe(false);
  });
});
