import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellCache } from '../../../src/ingest/fast/cellCache.js';

describe('CellCache', () => {
  it('gives the rule’s answer for every cell, compared directly, hashed or past its limit', () => {
    const cell = fc.oneof(fc.constantFrom('a', 'b', 'ab', 'ba', '', ' a', 'é', 'café', 'x'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (cells, limit) => {
        let calls = 0;
        const rule = (raw: string) => {
          calls++;
          return `<${raw.trim()}>`;
        };
        const cache = new CellCache(rule, limit);
        const bytes = Buffer.from(cells.join('|'));
        let at = 0;
        for (const text of cells) {
          const end = at + Buffer.byteLength(text);
          expect(cache.get(bytes, at, end)).toBe(`<${text.trim()}>`);
          at = end + 1;
        }
        // Remembered: the rule runs once per distinct cell until the limit.
        if (new Set(cells).size <= limit) expect(calls).toBe(new Set(cells).size);
      }),
      { numRuns: 300 },
    );
  });
});
