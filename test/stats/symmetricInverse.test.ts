import { describe, expect, it } from 'vitest';
import { symmetricInverse } from '../../src/stats/symmetricInverse.js';
import { expectRelClose } from './close.js';

describe('symmetricInverse', () => {
  it('inverts a 2×2 by hand: [[4,2],[2,3]]⁻¹ = [[3,−2],[−2,4]]/8', () => {
    const inv = symmetricInverse([[4, 2], [2, 3]])!;
    expectRelClose(inv[0][0], 0.375, 1e-15);
    expectRelClose(inv[0][1], -0.25, 1e-15);
    expectRelClose(inv[1][0], -0.25, 1e-15);
    expectRelClose(inv[1][1], 0.5, 1e-15);
  });

  it('gives A·A⁻¹ = I on a 4×4 (the Hilbert-like matrix 1/(i+j+1) + I)', () => {
    const a = Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => 1 / (i + j + 1) + (i === j ? 1 : 0)));
    const inv = symmetricInverse(a)!;
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const s = a[i].reduce((acc, v, k) => acc + v * inv[k][j], 0);
        expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-14);
      }
    }
  });

  it('is null for a singular (collinear) matrix', () => {
    expect(symmetricInverse([[1, 2], [2, 4]])).toBeNull();
    expect(symmetricInverse([[0]])).toBeNull();
  });
});
