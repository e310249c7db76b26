import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLogistic, fitLogisticColumns, type LogisticFit } from '../../src/stats/logisticRegression.js';

/** The dense 0/1 rows as the columns holding 1, ascending within each row. */
function onesOf(rows: readonly Float64Array[], width: number) {
  const starts = new Int32Array(rows.length + 1);
  const columns: number[] = [];
  rows.forEach((row, i) => {
    starts[i] = columns.length;
    row.forEach((v, j) => {
      if (v === 1) columns.push(j);
    });
  });
  starts[rows.length] = columns.length;
  return { width, columns: Int32Array.from(columns), starts };
}

/** Every number of the two fits the same bits (Object.is tells −0 from +0 and NaN from NaN). */
function expectSameBits(a: LogisticFit, b: LogisticFit): void {
  expect(b.status).toBe(a.status);
  expect(b.iterations).toBe(a.iterations);
  expect(b.suspect).toEqual(a.suspect);
  expect(Object.is(b.logLikelihood, a.logLikelihood)).toBe(true);
  const flat = (f: LogisticFit) => [...(f.coefficients ?? []), ...(f.standardErrors ?? []), ...(f.covariance ?? []).flat()];
  expect(b.coefficients === null).toBe(a.coefficients === null);
  const [x, y] = [flat(a), flat(b)];
  expect(y.length).toBe(x.length);
  x.forEach((v, k) => expect(Object.is(y[k], v), `entry ${k}: ${y[k]} vs ${v}`).toBe(true));
}

// Random 0/1 designs: an intercept column or not, columns that are often all 0, copies of one
// another or of the intercept (singular), and few rows per column (separation) among them.
const design = fc.integer({ min: 1, max: 6 }).chain((width) =>
  fc.record({
    width: fc.constant(width),
    intercept: fc.boolean(),
    density: fc.double({ min: 0, max: 1, noNaN: true }),
    rows: fc.array(fc.tuple(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: width, maxLength: width }), fc.boolean()), {
      minLength: 0,
      maxLength: 60,
    }),
    copy: fc.option(fc.tuple(fc.nat(width - 1), fc.nat(width - 1))),
  }),
);

describe('fitLogisticColumns', () => {
  it('gives the bits of fitLogistic on the same 0/1 rows: random designs, separated and singular ones among them', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(design, ({ width, intercept, density, rows, copy }) => {
        const dense = rows.map(([u]) => {
          const row = Float64Array.from(u, (v) => (v < density ? 1 : 0));
          if (intercept) row[0] = 1;
          if (copy !== null) row[copy[1]] = row[copy[0]];
          return row;
        });
        const outcome = rows.map(([, y]) => (y ? 1 : 0));
        const a = fitLogistic(dense, outcome);
        seen.add(a.status);
        expectSameBits(a, fitLogisticColumns(onesOf(dense, width), outcome));
      }),
      { numRuns: 2000, seed: 20261204 },
    );
    // The property covered every way a fit can end that small designs reach.
    expect([...seen].sort()).toEqual(['converged', 'separation', 'singular']);
  });

  it('gives the bits of fitLogistic on a converged dummy-coded design with many rows', () => {
    // Three-level factor, two flags, an intercept: 400 rows from a fixed pattern.
    const dense = Array.from({ length: 400 }, (_, i) => Float64Array.from([1, i % 3 === 1 ? 1 : 0, i % 3 === 2 ? 1 : 0, i % 5 < 2 ? 1 : 0, i % 7 < 3 ? 1 : 0]));
    const outcome = dense.map((_, i) => ((i * 7919) % 11 < 6 + (i % 3) ? 1 : 0));
    const a = fitLogistic(dense, outcome);
    expect(a.status).toBe('converged');
    expectSameBits(a, fitLogisticColumns(onesOf(dense, 5), outcome));
  });
});
