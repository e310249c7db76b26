import { runOf, sortedTimes } from './sortedTimes.js';
import { Z_95 } from './wilson.js';

/** The curve just after one event time. */
export interface KaplanMeierStep {
  time: number;
  atRisk: number;
  events: number;
  /** Censored at this time (counted at risk here, gone after). */
  censored: number;
  survival: number;
  /** Greenwood standard error S·√Σ d/(n(n−d)); null once every subject at risk has had the event. */
  se: number | null;
  /** 95% interval on the log(−log S) scale; null when S is 0 or 1 or se is null. */
  lower: number | null;
  upper: number | null;
}

export interface KaplanMeierCurve {
  n: number;
  events: number;
  censored: number;
  /** One step per distinct event time, ascending. */
  steps: KaplanMeierStep[];
}

/**
 * The Kaplan–Meier product-limit estimate of S(t) from times and event flags (1 = event,
 * 0 = censored at that time), with Greenwood's variance and the 95% interval on the
 * log(−log) scale, S^exp(±1.96·σ/|log S|) where σ² = Σ d/(n(n−d)): R's `survfit(…,
 * conf.type = "log-log")`. A subject censored at an event time is at risk at it (the usual
 * convention: censoring happens just after).
 *
 * @example
 * // Freireich 6-MP arm: S(6) = 18/21 = 0.857, Greenwood SE 0.0764
 */
export function kaplanMeier(times: ArrayLike<number>, events: ArrayLike<number>): KaplanMeierCurve {
  const n = times.length;
  const sorted = sortedTimes(times, events);
  const steps: KaplanMeierStep[] = [];
  let atRisk = n;
  let survival = 1;
  let greenwood = 0;
  let totalEvents = 0;
  // Distinct times in ascending order: the smaller of the next event time and the next censoring.
  let e = 0;
  let cens = 0;
  while (e < sorted.events.length || cens < sorted.censored.length) {
    const time = Math.min(sorted.events[e] ?? Infinity, sorted.censored[cens] ?? Infinity);
    const d = runOf(sorted.events, e, time);
    const c = runOf(sorted.censored, cens, time);
    e += d;
    cens += c;
    if (d > 0) {
      survival *= 1 - d / atRisk;
      greenwood = atRisk > d ? greenwood + d / (atRisk * (atRisk - d)) : Infinity;
      const se = Number.isFinite(greenwood) ? survival * Math.sqrt(greenwood) : null;
      let lower: number | null = null;
      let upper: number | null = null;
      if (se !== null && survival > 0 && survival < 1) {
        const spread = (Z_95 * Math.sqrt(greenwood)) / Math.abs(Math.log(survival));
        lower = survival ** Math.exp(spread);
        upper = survival ** Math.exp(-spread);
      }
      steps.push({ time, atRisk, events: d, censored: c, survival, se, lower, upper });
      totalEvents += d;
    }
    atRisk -= d + c;
  }
  return { n, events: totalEvents, censored: n - totalEvents, steps };
}
