import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maybeSummary, nextLineFields, splitFields, splitLines, unquoteCells } from '../../../src/ingest/fast/plainFile.js';
import { isSummaryLabel } from '../../../src/ingest/mappedRows.js';

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
  /**
   * The rule as written out: each quote opens a cell at a line start or after the delimiter,
   * and the cell runs to the next quote not doubled, right before a delimiter or line end, with
   * no CR or LF inside. A cell holding a delimiter or `""` is taken only in an opaque field
   * (counted from the line start) and only when ASCII: NUL when trim() leaves something, else
   * nothing.
   */
  function reference(text: string, d: string, opaque: ReadonlySet<number> = new Set()): string | null {
    let out = '';
    let f = 0;
    for (let r = 0; r < text.length; ) {
      const c = text[r]!;
      if (c !== '"') {
        out += c;
        r++;
        if (c === d) f++;
        else if (c === '\n') f = 0;
        continue;
      }
      const prev = r === 0 ? '\n' : text[r - 1];
      if (prev !== '\n' && prev !== d) return null;
      let inside = '';
      let q = r + 1;
      for (;;) {
        if (q >= text.length) return null;
        if (text[q] === '"') {
          if (text[q + 1] !== '"') break;
          inside += '"';
          q += 2;
          continue;
        }
        inside += text[q++];
      }
      if (inside.includes('\n') || inside.includes('\r')) return null;
      const after = q + 1 < text.length ? text[q + 1] : '\n';
      if (after !== d && after !== '\n' && after !== '\r') return null;
      if (inside.includes(d) || inside.includes('"')) {
        if (!opaque.has(f) || /[^\x00-\x7f]/.test(inside)) return null;
        out += inside.trim() === '' ? '' : '\0';
      } else out += inside;
      r = q + 1;
    }
    return out;
  }

  const text = fc.array(fc.constantFrom('a', 'b1', '"', '"', ',', ';', '\t', ' ', '\n', '\r\n', '\r', 'é'), { maxLength: 30 }).map((parts) => parts.join(''));

  it('removes the quotes of cells quoted whole and refuses any other quote, as the rule written out', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';', '\t'), (t, d) => {
        const bytes = Buffer.from(t);
        const n = unquoteCells(bytes, 0, d.charCodeAt(0));
        const expected = reference(t, d);
        expect(n < 0 ? null : bytes.subarray(0, n).toString()).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    expect(unquoteCells(Buffer.from('"#1001","ann@example.com"\n"2",x\n'), 0, 44)).toBe('#1001,ann@example.com\n2,x\n'.length);
  });

  it('takes a cell holding delimiters or doubled quotes in a field no role reads, as the rule written out', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';', '\t'), fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }), fc.nat(30), (t, d, fields, cut) => {
        const opaque = new Uint8Array(8);
        for (const f of fields) opaque[f] = 1;
        // From any quote on, as the loop calls it (the bytes before the first quote hold none).
        const from = Math.min(t.indexOf('"') < 0 ? t.length : t.indexOf('"'), cut);
        const bytes = Buffer.from(t);
        const start = Buffer.byteLength(t.slice(0, from));
        const n = unquoteCells(bytes, start, d.charCodeAt(0), opaque);
        const expected = reference(t, d, new Set(fields));
        expect(n < 0 ? null : bytes.subarray(0, n).toString()).toBe(expected);
      }),
      { numRuns: 5000 },
    );
    const line = Buffer.from('#1,"Mug, large","say ""hi""",x\n');
    const n = unquoteCells(line, 3, 44, Uint8Array.of(0, 1, 1, 0));
    expect(line.subarray(0, n).toString()).toBe('#1,\0,\0,x\n');
    expect(unquoteCells(Buffer.from('#1,"Mug, large"\n'), 3, 44, Uint8Array.of(1, 0))).toBe(-1);
  });
});

describe('maybeSummary', () => {
  it('is isSummaryLabel of the cell’s text, whatever the cell', () => {
    const labels = fc.constantFrom('Total', 'TOTALS:', 'Sum', 'summe', 'Subtotal', 'sub-total', 'Grand total', 'gesamt', 'Total general', ' total', '\ttotal ', 'Gesamt:', 'T1042', 'to', 'su', 'Tot', 'Summary', 'ge', 'GR', 'totalé', 'éTotal', '\u00a0Total');
    const cell = fc.oneof(labels, fc.string({ maxLength: 14 }), fc.string({ unit: fc.constantFrom('t', 'o', 'T', 'S', 'u', 'g', 'e', 'r', ' ', ':', 'a', 'l'), maxLength: 12 }));
    fc.assert(
      fc.property(cell, (text) => {
        const bytes = Buffer.from(`x,${text},y`);
        expect(maybeSummary(bytes, 2, 2 + Buffer.byteLength(text))).toBe(isSummaryLabel(text));
      }),
      { numRuns: 5000 },
    );
  });
});
