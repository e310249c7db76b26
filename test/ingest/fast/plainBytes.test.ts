import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../../src/ingest/fast/plainBytes.js';

describe('cellText', () => {
  it('gives the text a UTF-8 decode gives, for any cell of any length inside a line', () => {
    const cell = fc.oneof(fc.string({ maxLength: 16 }), fc.string({ unit: 'binary', maxLength: 16 }), fc.stringMatching(/^[A-Z]?[0-9]{1,13}$/));
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), cell, fc.string({ maxLength: 4 }), (before, text, after) => {
        const bytes = Buffer.from(before + text + after);
        const start = Buffer.byteLength(before);
        const end = start + Buffer.byteLength(text);
        expect(cellText(bytes, start, end)).toBe(bytes.toString('utf8', start, end));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every length from 0 to 13 ASCII bytes', () => {
    const bytes = Buffer.from('x0123456789ABCy');
    for (let n = 0; n <= 13; n++) expect(cellText(bytes, 1, 1 + n)).toBe('0123456789ABC'.slice(0, n));
  });
});
