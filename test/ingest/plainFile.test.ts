import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextLineFields, splitFields, splitLines } from '../../src/ingest/plainFile.js';

describe('nextLineFields', () => {
  it('reads the lines and fields splitLines and splitFields read, in one pass', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', ',', ',', '\n', '\r\n', '\r', ''), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 4 }), (t, last, crlf, width) => {
        const bytes = Buffer.from(t);
        const expected: { start: number; end: number; fields: number[] | null }[] = [];
        const lines = splitLines(bytes, 0, last, crlf, (start, end) => {
          const bounds = new Int32Array(2 * width);
          expected.push({ start, end, fields: splitFields(bytes, start, end, 44, width, bounds, 0) ? [...bounds] : null });
        });
        const got: typeof expected = [];
        const line = new Int32Array(3);
        let at = 0;
        for (;;) {
          const bounds = new Int32Array(2 * width);
          at = nextLineFields(bytes, at, last, crlf, 44, width, bounds, 0, line);
          if (at < 0) break;
          got.push({ start: line[0]!, end: line[1]!, fields: line[2] === 1 ? [...bounds] : null });
        }
        if (lines < 0) expect(at).toBe(-2);
        else {
          expect(at).toBe(-1);
          expect(got).toEqual(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
