import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextLineFields, splitFields, splitLines, unquoteCells } from '../../../src/ingest/fast/plainFile.js';

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

describe('unquoteCells', () => {
  /** The rule as written out: each quote opens a cell at a line start or after the delimiter and the next quote closes it right before one, with no delimiter, CR or LF between. */
  function reference(text: string, d: string): string | null {
    let out = '';
    for (let r = 0; r < text.length; ) {
      if (text[r] !== '"') {
        out += text[r++];
        continue;
      }
      const prev = r === 0 ? '\n' : text[r - 1];
      if (prev !== '\n' && prev !== d) return null;
      const q = text.indexOf('"', r + 1);
      if (q < 0) return null;
      const inside = text.slice(r + 1, q);
      if (inside.includes(d) || inside.includes('\n') || inside.includes('\r')) return null;
      const after = q + 1 < text.length ? text[q + 1] : '\n';
      if (after !== d && after !== '\n' && after !== '\r') return null;
      out += inside;
      r = q + 1;
    }
    return out;
  }

  it('removes the quotes of cells quoted whole and refuses any other quote, as the rule written out', () => {
    const text = fc.array(fc.constantFrom('a', 'b1', '"', '"', ',', ';', '\n', '\r\n', '\r', 'é'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';'), (t, d) => {
        const bytes = Buffer.from(t);
        const n = unquoteCells(bytes, 0, d.charCodeAt(0));
        const expected = reference(t, d);
        expect(n < 0 ? null : bytes.subarray(0, n).toString()).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    expect(unquoteCells(Buffer.from('"#1001","ann@example.com"\n"2",x\n'), 0, 44)).toBe('#1001,ann@example.com\n2,x\n'.length);
  });
});
