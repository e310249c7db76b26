import { describe, expect, it } from 'vitest';
import { proportionDifferenceCi } from '../../src/stats/proportionDifferenceCi.js';
import { expectRelClose } from './close.js';

/*
 * Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10 (hybrid score, no
 * continuity correction), published to 4 decimals; full precision from a separate python3
 * computation of the Wilson bounds in closed form:
 *   def wilson(x,n,z=1.959963984540054): p=x/n; den=1+z*z/n; c=(p+z*z/(2*n))/den
 *     h=z/den*sqrt(p*(1-p)/n+z*z/(4*n*n)); return c-h, c+h
 *   d=p1-p2; lo=d-sqrt((p1-l1)**2+(u2-p2)**2); hi=d+sqrt((u1-p1)**2+(p2-l2)**2)
 */
const CASES: [number, number, number, number, number, number, [number, number]][] = [
  [56, 70, 48, 80, 0.052431472402365065, 0.333872654036906, [0.0524, 0.3339]],
  [9, 10, 3, 10, 0.17052272393450302, 0.8090179735354881, [0.1705, 0.809]],
  [6, 7, 2, 7, 0.0582279274823122, 0.8062496375242277, [0.0582, 0.8062]],
  [5, 56, 0, 29, -0.03813714790353688, 0.19256001385511162, [-0.0381, 0.1926]],
];

describe('proportionDifferenceCi', () => {
  it.each(CASES)("Newcombe's example %i/%i − %i/%i", (x1, n1, x2, n2, lo, hi, published) => {
    const r = proportionDifferenceCi(x1, n1, x2, n2)!;
    expectRelClose(r.difference, x1 / n1 - x2 / n2, 1e-15);
    expectRelClose(r.ci95[0], lo, 1e-12);
    expectRelClose(r.ci95[1], hi, 1e-12);
    expect(r.ci95.map((v) => Number(v.toFixed(4)))).toEqual(published);
  });

  it('is antisymmetric: swapping the groups negates the interval', () => {
    const a = proportionDifferenceCi(56, 70, 48, 80)!;
    const b = proportionDifferenceCi(48, 80, 56, 70)!;
    expectRelClose(b.ci95[0], -a.ci95[1], 1e-12);
    expectRelClose(b.ci95[1], -a.ci95[0], 1e-12);
  });

  it('is null when a group has no observations', () => {
    expect(proportionDifferenceCi(0, 0, 3, 10)).toBeNull();
  });
});
