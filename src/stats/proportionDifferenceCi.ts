import { wilsonInterval, Z_95 } from './wilson.js';

/**
 * A 95% interval for the difference of two proportions x1/n1 − x2/n2 (CSAT after minus CSAT
 * before), by Newcombe's hybrid score method (method 10 of Newcombe 1998, Statistics in
 * Medicine 17:873–890): each proportion's Wilson interval [l, u] is combined as
 *
 *   lower = d − √((p1 − l1)² + (u2 − p2)²),  upper = d + √((u1 − p1)² + (p2 − l2)²)
 *
 * It keeps sensible coverage with small counts and proportions near 0 or 1, where the Wald
 * interval is too narrow. Returns null when either n is 0.
 *
 * @example
 * // Newcombe (1998) Table II, example (a): 56/70 − 48/80 = 0.2000, method 10: 0.0524 to 0.3339
 * proportionDifferenceCi(56, 70, 48, 80); // { difference: 0.2, ci95: [0.05243…, 0.33387…] }
 */
export function proportionDifferenceCi(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  z: number = Z_95,
): { difference: number; ci95: [number, number] } | null {
  const w1 = wilsonInterval(x1, n1, z);
  const w2 = wilsonInterval(x2, n2, z);
  if (w1 === null || w2 === null) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - w1[0]) ** 2 + (w2[1] - p2) ** 2);
  const upper = d + Math.sqrt((w1[1] - p1) ** 2 + (p2 - w2[0]) ** 2);
  return { difference: d, ci95: [lower, upper] };
}
