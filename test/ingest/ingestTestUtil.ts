import { expect } from 'vitest';
import { DEFAULT_INGEST_OPTIONS, type FileQuality, type IngestOptions } from '../../src/ingest/records.js';

export function options(overrides: Partial<IngestOptions> = {}): IngestOptions {
  return { ...DEFAULT_INGEST_OPTIONS, ...overrides };
}

/** Every row read is either used or skipped with a reason, and the reasons add up. */
export function expectAccounted(q: FileQuality): void {
  expect(q.rowsRead).toBe(q.rowsUsed + q.rowsSkipped);
  expect(Object.values(q.skipped).reduce((sum, t) => sum + t.count, 0)).toBe(q.rowsSkipped);
}

/** Bytes delivered in small pieces, as a stream would (splits multi-byte characters). */
export async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export function utf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

export function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}
