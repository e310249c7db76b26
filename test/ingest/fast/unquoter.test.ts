import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unquoteCellsByByte } from '../../../src/ingest/fast/plainFile.js';
import { unquoteCommon, unquoteKernelRuns } from '../../../src/ingest/fast/unquoter.js';
import { UNQUOTE_KERNEL } from '../../../src/ingest/fast/unquoteKernelBytes.js';
import { kernelIsCurrentAndRuns } from '../../wasmKernels.js';

const LF = 10;

/** Lines of cells, each quoted whole or not, as spreadsheets write them; now and then a cell the common case must refuse. */
const cell = fc.oneof(
  { weight: 12, arbitrary: fc.stringMatching(/^[A-Za-z0-9 .@#:+-]{0,24}$/).map((t) => `"${t}"`) },
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9.@#-]{0,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom('"é ü"', '"a""b"', '"x,y"', '"a\nb"', '"a\rb"', 'a"b', '"a"b', '""', '"', '"tab\tin"', ' "a"') },
);
const line = fc.array(cell, { minLength: 1, maxLength: 7 });
const file = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 12 }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  /** Bytes before the first quote (unquoteCells starts there). */
  lead: fc.stringMatching(/^[a-z0-9]{0,20}$/),
});

function render(f: typeof file extends fc.Arbitrary<infer T> ? T : never): Buffer {
  const end = f.crlf ? '\r\n' : '\n';
  const text = f.lines.map((cells) => cells.join(f.delimiter)).join(end) + (f.finalNewline ? end : '');
  return Buffer.from(f.lead + f.delimiter + text);
}

describe('unquoteCommon', () => {
  kernelIsCurrentAndRuns('src/ingest/fast/unquoteKernel.wat', UNQUOTE_KERNEL, unquoteKernelRuns, 'the JavaScript loop');

  it('gives what the byte loop gives, or declines and leaves the bytes alone; it declines no line of plain quoted cells', () => {
    let taken = 0;
    fc.assert(
      fc.property(file, (f) => {
        const bytes = render(f);
        const delimiter = f.delimiter.charCodeAt(0);
        const from = bytes.indexOf(34);
        if (from < 0) return;
        const reference = Buffer.from(bytes);
        const expected = unquoteCellsByByte(reference, from, delimiter);
        const original = Buffer.from(bytes);
        const n = unquoteCommon(bytes, from, delimiter, LF);
        if (n < 0) {
          expect(bytes.equals(original)).toBe(true);
          // Only a cell the common case leaves out makes it decline.
          expect(f.lines.flat().every((c) => /^"[A-Za-z0-9 .@#:+-]{0,24}"$|^[A-Za-z0-9.@#-]{0,12}$/.test(c))).toBe(false);
          return;
        }
        taken++;
        expect(n).toBe(expected);
        expect(bytes.subarray(0, n).equals(reference.subarray(0, expected))).toBe(true);
      }),
      { numRuns: 4000 },
    );
    expect(taken).toBeGreaterThan(1000);
  });

  it('reads quotes in every place of its 16-byte blocks, and a closing quote right before a block ends', () => {
    for (let pad = 0; pad < 40; pad++) {
      const text = `${'x'.repeat(pad)},"ab","${'c'.repeat(pad % 17)}",d\n"e"\r\n"f"`;
      const bytes = Buffer.from(text);
      const reference = Buffer.from(text);
      const from = bytes.indexOf(34);
      const expected = unquoteCellsByByte(reference, from, 44);
      expect(unquoteCommon(bytes, from, 44, LF)).toBe(expected);
      expect(bytes.subarray(0, expected).toString()).toBe(`${'x'.repeat(pad)},ab,${'c'.repeat(pad % 17)},d\ne\r\nf`);
    }
    // A closing quote followed by a quote across a block's end: not the common case.
    const doubled = Buffer.from(`${'"abcdefghijklmn"'}"x"\n`);
    expect(unquoteCommon(doubled, 0, 44, LF)).toBe(-1);
  });
});
