// Lanczos approximation with g = 607/128 and 15 terms (P. Godfrey's coefficients), about
// 1e-15 relative accuracy for positive arguments.
const G = 607 / 128;
const COEFFICIENTS = [
  0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
  -0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4, -0.98374475304879564677e-4,
  0.15808870322491248884e-3, -0.21026444172410488319e-3, 0.2174396181152126432e-3, -0.16431810653676389022e-3,
  0.84418223983852743293e-4, -0.2619083840158140867e-4, 0.36899182659531622704e-5,
];
const LN_SQRT_2PI = 0.91893853320467274178;

/**
 * The natural logarithm of the gamma function, ln Γ(x), for x > 0 (NaN otherwise).
 *
 * @example
 * logGamma(1); // 0
 * logGamma(5); // 3.17805383034794…  (ln 24)
 * logGamma(0.5); // 0.57236494292470…  (ln √π)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  const z = x - 1;
  let sum = COEFFICIENTS[0]!;
  for (let i = 1; i < COEFFICIENTS.length; i++) sum += COEFFICIENTS[i]! / (z + i);
  const t = z + G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
