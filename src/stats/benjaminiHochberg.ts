/**
 * Benjamini–Hochberg false-discovery-rate adjusted p-values, in input order: for the k-th
 * smallest of m p-values, min over j ≥ k of p_(j)·m/j, capped at 1 (the step-up rule, which
 * makes the adjusted values monotone in the raw ones). Same as R `p.adjust(p, "BH")`,
 * statsmodels `multipletests(p, method='fdr_bh')[1]` and scipy `false_discovery_control(p)`.
 * Rejecting every hypothesis with adjusted p < q controls the FDR at q.
 *
 * Ties are handled like R: the adjusted value does not depend on which tied p comes first.
 * An empty list gives an empty list. p-values are assumed to be in [0, 1].
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.2]); // [0.04, 0.05333333333333333, 0.05333333333333333, 0.2]
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => p[i]! - p[j]! || i - j);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const i = order[k]!;
    // m/(k+1) first, as R does: the factor is ≥ 1 exactly, so the result is never below p.
    running = Math.min(running, (m / (k + 1)) * p[i]!);
    adjusted[i] = running;
  }
  return adjusted;
}
