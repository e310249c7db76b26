import { describe, expect, it } from 'vitest';
import { symmetricInverse } from '../../src/stats/symmetricInverse.js';
import { expectRelClose } from './close.js';

describe('symmetricInverse', () => {
  it('inverts a 2×2 by the adjugate: [[4,2],[2,3]]⁻¹ = [[3,−2],[−2,4]]/8', () => {
    const inv = symmetricInverse([[4, 2], [2, 3]])!;
    expectRelClose(inv[0][0], 3 / 8, 1e-15);
    expectRelClose(inv[0][1], -2 / 8, 1e-15);
    expectRelClose(inv[1][1], 4 / 8, 1e-15);
  });
  it('A·A⁻¹ = I for a 4×4 positive-definite matrix', () => {
    const a = [[10, 2, 3, 1], [2, 8, 1, 0], [3, 1, 9, 2], [1, 0, 2, 7]];
    const inv = symmetricInverse(a)!;
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const v = a[i].reduce((s, x, k) => s + x * inv[k][j], 0);
        expect(Math.abs(v - (i === j ? 1 : 0))).toBeLessThan(1e-14);
      }
    }
  });
  it('gives A·A⁻¹ = I on a 4×4 Hilbert-like matrix 1/(i+j+1) + I', () => {
    const a = Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => 1 / (i + j + 1) + (i === j ? 1 : 0)));
    const inv = symmetricInverse(a)!;
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const s = a[i].reduce((acc, v, k) => acc + v * inv[k][j], 0);
        expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-14);
      }
    }
  });
  it('is null for a singular or indefinite matrix', () => {
    expect(symmetricInverse([[1, 2], [2, 4]])).toBeNull();
    expect(symmetricInverse([[0]])).toBeNull();
    expect(symmetricInverse([[1, 1], [1, 1]])).toBeNull();
    expect(symmetricInverse([[1, 2], [2, 1]])).toBeNull();
  });
});
