import { benjaminiHochberg } from '../stats/benjaminiHochberg.js';
import { chiSquareIndependence } from '../stats/chiSquare.js';
import { twoProportionZTest } from '../stats/twoProportionZ.js';
import type { IndependenceTest, SliceRow } from './sliceResult.js';

/** A slice is flagged only below this Benjamini–Hochberg adjusted p (a 5% false discovery rate). */
export const FLAG_ALPHA = 0.05;

export interface Counts {
  rated: number;
  satisfied: number;
}

export interface SliceVerdict {
  p: number | null;
  adjP: number | null;
  flag: 'low' | 'high' | null;
}

/**
 * Tests each slice against all other rated tickets of the dimension and flags the ones that
 * differ. Slices without rated tickets are not tested and take no part in the adjustment,
 * so adding empty hours never changes anyone's adjusted p. A slice whose z-test is undefined
 * (e.g. every rated ticket in the data is satisfied) gets p = null and is left out of the
 * adjustment too. Slices with fewer than `minRated` ratings keep their p-values but are never
 * flagged: with a handful of ratings a large gap is still mostly noise.
 */
export function sliceVerdicts(slices: readonly Counts[], overall: Counts, minRated: number): SliceVerdict[] {
  const p = slices.map((s) =>
    s.rated > 0
      ? twoProportionZTest(s.satisfied, s.rated, overall.satisfied - s.satisfied, overall.rated - s.rated)?.p ?? null
      : null,
  );
  const tested = p.flatMap((value, i) => (value === null ? [] : [i]));
  const adjusted = benjaminiHochberg(tested.map((i) => p[i]!));
  const adjP: (number | null)[] = slices.map(() => null);
  tested.forEach((i, k) => (adjP[i] = adjusted[k]));
  return slices.map((s, i) => ({ p: p[i], adjP: adjP[i], flag: flagOf(s, overall, adjP[i], minRated) }));
}

function flagOf(s: Counts, overall: Counts, adjP: number | null, minRated: number): 'low' | 'high' | null {
  if (adjP === null || adjP >= FLAG_ALPHA || s.rated < minRated) return null;
  const others = overall.rated - s.rated;
  // Cross-multiplied comparison of s.satisfied/s.rated with the others' rate: exact on integers.
  const sliceSide = s.satisfied * others;
  const othersSide = (overall.satisfied - s.satisfied) * s.rated;
  if (sliceSide === othersSide) return null;
  return sliceSide < othersSide ? 'low' : 'high';
}

/**
 * Chi-square test of independence of satisfied/unsatisfied × slice, over the slices that
 * have rated tickets (the same slices the z-tests adjust over).
 */
export function independenceTest(slices: readonly Counts[]): IndependenceTest | null {
  const table = slices.filter((s) => s.rated > 0).map((s) => [s.satisfied, s.rated - s.satisfied]);
  const result = chiSquareIndependence(table);
  return result === null ? null : { chi2: result.chi2, df: result.df, p: result.p };
}

/** Attaches verdicts to rows (kept here so the row field order lives in one place). */
export function withVerdict(row: Omit<SliceRow, 'p' | 'adjP' | 'flag'>, v: SliceVerdict): SliceRow {
  return {
    key: row.key,
    tickets: row.tickets,
    share: row.share,
    rated: row.rated,
    satisfied: row.satisfied,
    csat: row.csat,
    ci95: row.ci95,
    meanScore: row.meanScore,
    p: v.p,
    adjP: v.adjP,
    flag: v.flag,
    medianWaitSeconds: row.medianWaitSeconds,
    transferRate: row.transferRate,
    reopenRate: row.reopenRate,
    fcrRate: row.fcrRate,
  };
}
