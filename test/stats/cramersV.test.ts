import { describe, expect, it } from 'vitest';
import { cramersV } from '../../src/stats/cramersV.js';
import { expectRelClose } from './close.js';

// V² in exact fractions: χ² = Σ (o·n − r·c)²/(r·c·n), V² = χ²/(n·(min(R, C) − 1)).
describe('cramersV', () => {
  it('2×3 table: V² = 47/180', () => {
    expectRelClose(cramersV([[20, 5, 5], [5, 15, 10]])!, Math.sqrt(47 / 180), 1e-14);
  });
  it('3×3 table: V² = 7127/11900', () => {
    expectRelClose(cramersV([[12, 0, 3], [0, 9, 1], [2, 1, 14]])!, Math.sqrt(7127 / 11900), 1e-14);
  });
  it('is 1 when one classification determines the other and 0 when they are unrelated', () => {
    expectRelClose(cramersV([[10, 0, 0], [0, 0, 7]])!, 1, 1e-15);
    expect(cramersV([[5, 5], [5, 5]])).toBe(0);
  });
  it('ignores empty rows and columns, and is null with fewer than two of either', () => {
    expectRelClose(cramersV([[20, 0, 5, 5], [0, 0, 0, 0], [5, 0, 15, 10]])!, Math.sqrt(47 / 180), 1e-14);
    expect(cramersV([[3, 4]])).toBeNull();
    expect(cramersV([[3, 0], [4, 0]])).toBeNull();
  });
});
