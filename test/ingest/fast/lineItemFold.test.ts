import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineItemFold } from '../../../src/ingest/fast/lineItemFold.js';
import { learnForm, numberIn } from '../../../src/model/numberedKeys.js';

/**
 * headNumbered against head: a fold fed every id as text and one fed the ids of the table's
 * form as numbers (as RangeApplier does with a worker's) answer every joins and holds alike.
 * Ids: numbered ones near and far apart (2^28 is the bitmap's window), zero-padded ones of
 * another width, and text ones, in any order, the first id deciding the form.
 */
const id = fc.oneof(
  fc.integer({ min: 1000, max: 1040 }).map((n) => `#${n}`),
  fc.constantFrom('#1', '#0001', '#9000000000', '#123456789012345', '#A7', 'ORD-5', '1001', '#'),
);

const step = fc.record({
  id,
  filled: fc.integer({ min: 0, max: 7 }),
  ask: fc.constantFrom('joins', 'holds', 'none'),
  askId: id,
  bits: fc.integer({ min: 0, max: 7 }),
});

describe('LineItemFold.headNumbered', () => {
  it('opens the same groups as head of the same ids written out', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const first = Buffer.from(steps[0]!.id);
        const form = learnForm(first, 0, first.length);
        const byText = new LineItemFold();
        const byNumber = new LineItemFold();
        for (const s of steps) {
          const bytes = Buffer.from(s.id);
          byText.head(bytes, 0, bytes.length, s.filled, false);
          const n = form === null ? -1 : numberIn(form, bytes, 0, bytes.length);
          if (n >= 0) byNumber.headNumbered(form!, n, s.filled, false);
          else byNumber.head(bytes, 0, bytes.length, s.filled, false);
          if (s.ask === 'none') continue;
          const asked = Buffer.from(s.askId);
          if (s.ask === 'joins') expect(byNumber.joins(asked, 0, asked.length, s.bits)).toBe(byText.joins(asked, 0, asked.length, s.bits));
          else expect(byNumber.holds(s.bits)).toBe(byText.holds(s.bits));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('joins line items to a group opened by number only under the same id', () => {
    const first = Buffer.from('#1001');
    const form = learnForm(first, 0, first.length)!;
    const fold = new LineItemFold();
    fold.head(first, 0, first.length, 0b11, false);
    fold.headNumbered(form, 1002, 0b01, false);
    expect(fold.joins(Buffer.from('#1002'), 0, 5, 0b01)).toBe(true);
    expect(fold.joins(Buffer.from('#1002'), 0, 5, 0b10)).toBe(false);
    expect(fold.joins(Buffer.from('#1001'), 0, 5, 0b01)).toBe(false);
    // 1001 again: a repeated id holds only what no first group of an id had blank (bit 2).
    fold.headNumbered(form, 1001, 0b11, false);
    expect(fold.holds(0b01)).toBe(true);
    expect(fold.holds(0b100)).toBe(false);
  });
});
