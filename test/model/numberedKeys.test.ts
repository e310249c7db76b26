import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberIn, writeNumbered } from '../../src/model/numberedKeys.js';

describe('numbered key forms', () => {
  const form = { prefix: Buffer.from('CU-'), width: 6 };

  it('reads the number of a key of the form, and −1 for any other key', () => {
    const read = (text: string) => numberIn(form, Buffer.from(text), 0, Buffer.byteLength(text));
    expect([read('CU-000042'), read('CU-123456'), read('CU-42'), read('CX-000042'), read('CU-00004a'), read('CU-0000420')]).toEqual([42, 123456, -1, -1, -1, -1]);
  });

  it('writes back exactly the key a number of up to 15 digits was read from', () => {
    const wide = { prefix: Buffer.from('#'), width: 15 };
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 2 ** 31 + 10 }), fc.integer({ min: 2 ** 31 - 10, max: Number.MAX_SAFE_INTEGER }).map((n) => n % 1e15)), (n) => {
        const out = new Uint8Array(32);
        const length = writeNumbered(wide, n, out);
        expect(Buffer.from(out.subarray(0, length)).toString()).toBe(`#${String(n).padStart(15, '0')}`);
        expect(numberIn(wide, out, 0, length)).toBe(n);
      }),
    );
  });

  it('writes back exactly the key a number was read from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        const out = new Uint8Array(32);
        const length = writeNumbered(form, n, out);
        expect(Buffer.from(out.subarray(0, length)).toString()).toBe(`CU-${String(n).padStart(6, '0')}`);
        expect(numberIn(form, out, 0, length)).toBe(n);
      }),
    );
  });
});
