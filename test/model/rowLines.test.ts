import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowLines } from '../../src/model/rowLines.js';

describe('RowLines', () => {
  // Mostly the next line, as a file read in order gives; sometimes a skip, a repeat or a jump back.
  const steps = fc.array(fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.integer({ min: -5, max: 40 }) }), { maxLength: 300 });

  // Kept in runs, or (after two runs here, 4,096 by default) one line a row once runs are a third of the rows.
  it.each([[undefined], [2]])('gives each row the line it was pushed with (dense after %s runs)', (denseAfter) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), steps, fc.func(fc.boolean()), (first, deltas, keep) => {
        const expected: number[] = [];
        const lines = new RowLines(denseAfter);
        let line = first;
        for (const d of deltas) {
          line += d;
          expected.push(line);
          lines.push(line);
        }
        expect(lines.length).toBe(expected.length);
        expect(expected.map((_, i) => lines.at(i))).toEqual(expected);
        const kept = expected.map((_, i) => i).filter((i) => keep(i));
        const retained = lines.retain((i) => kept.includes(i));
        expect(kept.map((_, j) => retained.at(j))).toEqual(kept.map((i) => expected[i]));
        const picked = lines.pick(kept);
        expect(kept.map((_, j) => picked.at(j))).toEqual(kept.map((i) => expected[i]));
        // A prefix, and a row pushed after it, as a table filtered to its first rows is read.
        const n = Math.floor(expected.length / 2);
        const prefix = lines.prefix(n);
        prefix.push((expected[n - 1] ?? 0) + 1);
        expect([...expected.slice(0, n), (expected[n - 1] ?? 0) + 1].map((_, i) => prefix.at(i))).toEqual([...expected.slice(0, n), (expected[n - 1] ?? 0) + 1]);
        expect(prefix.length).toBe(n + 1);
      }),
      { numRuns: 300 },
    );
  });

  it.each([[undefined], [2]])('pushRun(line, n) is push(line), push(line + 1), … (dense after %s runs)', (denseAfter) => {
    const runs = fc.array(fc.tuple(fc.integer({ min: -5, max: 40 }), fc.integer({ min: 0, max: 30 })), { maxLength: 60 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), runs, (first, pairs) => {
        const expected: number[] = [];
        const lines = new RowLines(denseAfter);
        let line = first;
        for (const [jump, count] of pairs) {
          line += jump;
          lines.pushRun(line, count);
          for (let i = 0; i < count; i++) expected.push(line + i);
          line += count;
        }
        expect(lines.length).toBe(expected.length);
        expect(expected.map((_, i) => lines.at(i))).toEqual(expected);
        const next = line + 1;
        lines.push(next);
        expect(lines.at(expected.length)).toBe(next);
      }),
      { numRuns: 300 },
    );
  });

  it.each([[undefined], [2]])('pushLines(lines, from, end) is push of each of lines[from … end − 1] (dense after %s runs)', (denseAfter) => {
    // Blocks of a line-item export's head lines: each a line or two after the last, now and then a jump.
    const block = fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 40 }) }), { maxLength: 40 });
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 1000 }), fc.array(fc.tuple(block, fc.nat(3)), { maxLength: 30 }), (first, blocks) => {
        const byBlock = new RowLines(denseAfter);
        const oneByOne = new RowLines(denseAfter);
        const expected: number[] = [];
        let line = first;
        for (const [deltas, skip] of blocks) {
          // The block's lines sit after `skip` rows of other lines in its array, as a message's do.
          const array = new Int32Array(skip + deltas.length);
          deltas.forEach((d, k) => {
            line = Math.max(0, line + d);
            array[skip + k] = line;
            expected.push(line);
            oneByOne.push(line);
          });
          byBlock.pushLines(array, skip, skip + deltas.length);
        }
        expect(byBlock.length).toBe(expected.length);
        expect(expected.map((_, i) => byBlock.at(i))).toEqual(expected);
        byBlock.push(line + 1);
        oneByOne.push(line + 1);
        expect([...expected, line + 1].map((_, i) => byBlock.at(i))).toEqual([...expected, line + 1].map((_, i) => oneByOne.at(i)));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps lines past 2^32 one a row', () => {
    const lines = new RowLines(1);
    const pushed = [1, 3, 5, 7, 2 ** 32 + 9, 2 ** 32 + 11, 12];
    for (const line of pushed) lines.push(line);
    expect(pushed.map((_, i) => lines.at(i))).toEqual(pushed);
  });
});
