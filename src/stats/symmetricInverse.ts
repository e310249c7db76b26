/**
 * The inverse of a symmetric positive-definite matrix (row-major, n×n) by its Cholesky factor
 * A = LLᵀ: A⁻¹ = L⁻ᵀL⁻¹. What a regression needs for the inverse Fisher information XᵀWX.
 * Returns null when A is not positive definite to working precision (a pivot ≤ 1e-12 times
 * the largest diagonal element): the model's columns are collinear, and a covariance would be
 * meaningless.
 *
 * @example
 * symmetricInverse([[4, 2], [2, 3]]); // [[0.375, -0.25], [-0.25, 0.5]]
 */
export function symmetricInverse(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i][i]));
  for (let j = 0; j < n; j++) {
    let d = a[j][j];
    for (let k = 0; k < j; k++) d -= l[j][k] * l[j][k];
    if (!(d > 1e-12 * scale)) return null;
    l[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < n; i++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      l[i][j] = s / l[j][j];
    }
  }
  // M = L⁻¹ (lower triangular), column by column by forward substitution.
  const m: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    m[c][c] = 1 / l[c][c];
    for (let i = c + 1; i < n; i++) {
      let s = 0;
      for (let k = c; k < i; k++) s -= l[i][k] * m[k][c];
      m[i][c] = s / l[i][i];
    }
  }
  const inverse: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += m[k][i] * m[k][j];
      inverse[i][j] = s;
      inverse[j][i] = s;
    }
  }
  return inverse;
}
