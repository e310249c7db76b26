import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINE_SPLIT_KERNEL } from '../../../src/ingest/fast/lineSplitKernelBytes.js';
import { lineKernelRuns, LineSplitter } from '../../../src/ingest/fast/lineSplitter.js';
import { nextLineFields } from '../../../src/ingest/fast/plainFile.js';
import { kernelIsCurrentAndRuns } from '../../wasmKernels.js';

/** Every line nextLineFields reads from `bytes`: its return value, line[] and field bounds. */
function byScript(bytes: Uint8Array, last: boolean, crlf: boolean, delimiter: number, width: number): number[][] {
  const out: number[][] = [];
  const bounds = new Int32Array(2 * width).fill(-7);
  const line = new Int32Array(3);
  for (let at = 0; ; ) {
    bounds.fill(-7);
    at = nextLineFields(bytes, at, last, crlf, delimiter, width, bounds, 0, line);
    if (at < 0) {
      out.push([at]);
      return out;
    }
    // A line of another width leaves bounds past its fields as they were: compare its line only.
    out.push([at, ...line, ...(line[2] === 1 ? bounds : [])]);
  }
}

function bySplitter(splitter: LineSplitter, bytes: Uint8Array, last: boolean, crlf: boolean, delimiter: number, width: number): number[][] {
  const out: number[][] = [];
  const bounds = new Int32Array(2 * width + 3);
  const line = new Int32Array(3);
  splitter.start(bytes, last, crlf, delimiter, width);
  for (;;) {
    bounds.fill(-7);
    const at = splitter.next(bounds, 3, line);
    if (at < 0) {
      out.push([at]);
      return out;
    }
    out.push([at, ...line, ...(line[2] === 1 ? bounds.subarray(3) : [])]);
  }
}

describe('LineSplitter', () => {
  kernelIsCurrentAndRuns('src/ingest/fast/lineSplitKernel.wat', LINE_SPLIT_KERNEL, lineKernelRuns, 'nextLineFields');

  it('reads every line as nextLineFields does: bounds, widths, CRLF refusals, a last line without a line feed', () => {
    const splitter = new LineSplitter();
    const piece = fc.constantFrom('a', 'bc', ',', ';', '\n', '\r\n', '\r', ' ', '#1001', 'ann@x.de', '', '2024-01-01 00:00:00');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.boolean(), fc.boolean(), fc.constantFrom(44, 59), fc.integer({ min: 1, max: 5 }), (pieces, last, crlf, delimiter, width) => {
        const bytes = Buffer.from(pieces.join(''));
        expect(bySplitter(splitter, bytes, last, crlf, delimiter, width)).toEqual(byScript(bytes, last, crlf, delimiter, width));
      }),
      { numRuns: 1500 },
    );
  });

  it('gathers cells as CustomerKeys reads them: copied, an e-mail lower-cased, any length and place', () => {
    const splitter = new LineSplitter();
    const cell = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9.@_-]{0,40}$/),
      fc.constantFrom('', '@', 'Ann.Lee@Example.COM', 'ANN', 'Zoë@Straße.DE', 'A'.repeat(33), `${'B'.repeat(16)}@${'C'.repeat(15)}`, '[AZ]@`z{'),
    );
    const lower = (t: string) => (t.includes('@') ? t.replace(/[A-Z]/g, (c) => c.toLowerCase()) : t);
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 60 }), fc.boolean(), (rows, someLines) => {
        const text = rows.map(([a, b]) => `${a},${b}\n`).join('');
        const bytes = Buffer.from(text);
        const lines = bySplitter(splitter, bytes, true, false, 44, 2);
        const bounds = new Int32Array(4 * rows.length);
        splitter.start(bytes, true, false, 44, 2);
        const line = new Int32Array(3);
        for (let k = 0; k < rows.length; k++) splitter.next(bounds, 4 * k, line);
        expect(lines.length).toBe(rows.length + 1);
        // Field 1 of every line, or of every other line by their bounds' starts.
        const picked = someLines ? rows.map((_, k) => k).filter((k) => k % 2 === 0) : rows.map((_, k) => k);
        const bases = someLines ? Int32Array.from(picked, (k) => 4 * k) : null;
        const got = splitter.gather(bounds, 1, 4, bases, picked.length)!;
        const cells = picked.map((k) => Buffer.from(got.bytes.subarray(k === picked[0] ? 0 : got.ends[picked.indexOf(k) - 1]!, got.ends[picked.indexOf(k)]!)).toString());
        expect(cells).toEqual(picked.map((k) => lower(rows[k]![1])));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same bounds to lines laid out one after another, blocks copied at once', () => {
    const splitter = new LineSplitter();
    const rows = 9000;
    const text = Array.from({ length: rows }, (_, i) => (i % 501 === 7 ? `${i},short\n` : `${i},C${i % 97},2024-01-0${1 + (i % 9)},${i % 13}.5\n`)).join('');
    const bytes = Buffer.from(text);
    const expected = byScript(bytes, true, false, 44, 4);
    splitter.start(bytes, true, false, 44, 4);
    // Room for every line, then a caller that grows its array mid-block.
    for (const room of [rows, 1000]) {
      let bounds = new Int32Array(room * 8).fill(-7);
      const line = new Int32Array(3);
      const got: number[][] = [];
      splitter.start(bytes, true, false, 44, 4);
      for (let n = 0; ; n++) {
        if ((n + 1) * 8 > bounds.length) {
          const grown = new Int32Array(bounds.length * 2).fill(-7);
          grown.set(bounds);
          bounds = grown;
        }
        const at = splitter.next(bounds, n * 8, line);
        if (at < 0) {
          got.push([at]);
          break;
        }
        got.push([at, ...line, ...(line[2] === 1 ? bounds.subarray(n * 8, n * 8 + 8) : [])]);
      }
      expect(got).toEqual(expected);
    }
  });

  it('goes on across blocks of lines and batches of other sizes, with the kernel\'s memory reused', () => {
    const splitter = new LineSplitter();
    const many = Buffer.from(Array.from({ length: 10_000 }, (_, i) => `${i},C${i % 97},2024-01-0${1 + (i % 9)},${i % 13}.5\n`).join(''));
    const small = Buffer.from('a,b,c,d\ne,f,g,h');
    for (const [bytes, last] of [[many, true], [small, false], [many.subarray(0, many.length - 3), false], [small, true]] as const) {
      expect(bySplitter(splitter, bytes, last, false, 44, 4)).toEqual(byScript(bytes, last, false, 44, 4));
    }
  });
});
