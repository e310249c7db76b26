/**
 * The inverse of a symmetric positive-definite matrix by Cholesky factorisation (A = LLᵀ,
 * then A⁻¹ = L⁻ᵀL⁻¹). Returns null when the matrix is not positive definite to working
 * precision (a pivot ≤ 1e-12 × the largest diagonal entry): for a Fisher information that
 * means two columns of the design say the same thing, and no standard error exists.
 *
 * @example
 * symmetricInverse([[4, 2], [2, 3]]); // [[0.375, -0.25], [-0.25, 0.5]]
 * symmetricInverse([[1, 1], [1, 1]]); // null
 */
export function symmetricInverse(a: readonly (readonly number[])[]): number[][] | null {
  const lower = cholesky(a);
  if (lower === null) return null;
  const n = a.length;
  // L⁻¹ by forward substitution, column by column.
  const inv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    inv[j][j] = 1 / lower[j][j];
    for (let i = j + 1; i < n; i++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= lower[i][k] * inv[k][j];
      inv[i][j] = sum / lower[i][i];
    }
  }
  // A⁻¹ = (L⁻¹)ᵀ L⁻¹.
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < n; k++) sum += inv[k][i] * inv[k][j];
      out[i][j] = sum;
      out[j][i] = sum;
    }
  }
  return out;
}

function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const scale = Math.max(0, ...a.map((row, i) => Math.abs(row[i])));
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      if (i === j) {
        if (!(sum > 1e-12 * scale)) return null;
        lower[i][i] = Math.sqrt(sum);
      } else {
        lower[i][j] = sum / lower[j][j];
      }
    }
  }
  return lower;
}
