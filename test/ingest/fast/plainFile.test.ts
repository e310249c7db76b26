import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextLineFields, splitFields, splitLines } from '../../../src/ingest/fast/plainFile.js';

describe('nextLineFields', () => {
  it('reads the lines and fields splitLines and splitFields read, in one pass, for delimiters below and above LF', () => {
    // Tab sorts below LF, the others above it; every text mixes all of them with letters and line ends.
    const text = fc.array(fc.constantFrom('a', 'bc', ',', ',', '\t', ';', '|', ' ', '\n', '\r\n', '\r', ''), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 4 }), fc.constantFrom(',', '\t', ';', '|'), (t, last, crlf, width, d) => {
        const delimiter = d.charCodeAt(0);
        const bytes = Buffer.from(t);
        const expected: { start: number; end: number; fields: number[] | null }[] = [];
        const lines = splitLines(bytes, 0, last, crlf, (start, end) => {
          const bounds = new Int32Array(2 * width);
          expected.push({ start, end, fields: splitFields(bytes, start, end, delimiter, width, bounds, 0) ? [...bounds] : null });
        });
        const got: typeof expected = [];
        const line = new Int32Array(3);
        let at = 0;
        for (;;) {
          const bounds = new Int32Array(2 * width);
          at = nextLineFields(bytes, at, last, crlf, delimiter, width, bounds, 0, line);
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
