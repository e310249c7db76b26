import type { KaplanMeierCurve } from './kaplanMeier.js';

export interface SurvivalMedian {
  /** The first event time at which S(t) ≤ 0.5; null when the curve never gets there. */
  median: number | null;
  /** 95% interval: where the lower and the upper confidence band first reach 0.5 (null = not reached). */
  ci95: [number | null, number | null];
}

/**
 * The median survival time of a Kaplan–Meier curve and its 95% interval by inverting the
 * pointwise band (Brookmeyer–Crowley style, as R's `survfit` prints `0.95LCL`/`0.95UCL`):
 * the lower limit is the first time the lower band is ≤ 0.5, the upper limit the first time
 * the upper band is. A band is taken as reached where S itself falls to 0. Unlike R, a
 * curve lying exactly at 0.5 over a stretch gives that stretch's first time, not its midpoint.
 *
 * @example
 * // Freireich placebo arm: median 8 weeks, 95% CI 4–11 (log-log band)
 */
export function survivalMedian(curve: KaplanMeierCurve): SurvivalMedian {
  const first = (reached: (s: KaplanMeierCurve['steps'][number]) => boolean) => curve.steps.find(reached)?.time ?? null;
  return {
    median: first((s) => s.survival <= 0.5),
    ci95: [
      first((s) => s.survival === 0 || (s.lower !== null && s.lower <= 0.5)),
      first((s) => s.survival === 0 || (s.upper !== null && s.upper <= 0.5)),
    ],
  };
}
