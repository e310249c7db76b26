/**
 * Spector & Mazzeo (1980), the 32-student PSI teaching-method data (Greene, Econometric
 * Analysis, Table F14.1; statsmodels `datasets.spector`): GPA, TUCE, PSI, GRADE.
 */
export const SPECTOR: readonly (readonly [number, number, number, number])[] = [
  [2.66, 20, 0, 0], [2.89, 22, 0, 0], [3.28, 24, 0, 0], [2.92, 12, 0, 0],
  [4.0, 21, 0, 1], [2.86, 17, 0, 0], [2.76, 17, 0, 0], [2.87, 21, 0, 0],
  [3.03, 25, 0, 0], [3.92, 29, 0, 1], [2.63, 20, 0, 0], [3.32, 23, 0, 0],
  [3.57, 23, 0, 0], [3.26, 25, 0, 1], [3.53, 26, 0, 0], [2.74, 19, 0, 0],
  [2.75, 25, 0, 0], [2.83, 19, 0, 0], [3.12, 23, 1, 0], [3.16, 25, 1, 1],
  [2.06, 22, 1, 0], [3.62, 28, 1, 1], [2.89, 14, 1, 0], [3.51, 26, 1, 0],
  [3.54, 24, 1, 1], [2.83, 27, 1, 1], [3.39, 17, 1, 1], [2.67, 24, 1, 0],
  [3.65, 21, 1, 1], [4.0, 23, 1, 1], [3.1, 21, 1, 0], [2.39, 19, 1, 1],
];

/** Design rows [GPA, TUCE, PSI, 1] (statsmodels' column order, constant last). */
export function spectorDesign(psi?: 0 | 1): Float64Array[] {
  return SPECTOR.map(([gpa, tuce, p]) => Float64Array.from([gpa, tuce, psi ?? p, 1]));
}

export const SPECTOR_GRADE: number[] = SPECTOR.map((row) => row[3]);
