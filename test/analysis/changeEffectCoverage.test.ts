import { describe, expect, it } from 'vitest';
import { changeEffect } from '../../src/analysis/changeEffect.js';
import type { ContactWeeks } from '../../src/analysis/contactWeeks.js';
import { createRng } from '../../src/stats/rng.js';
import { logNormal } from '../../fixtures/draw.js';
import { poisson } from '../../fixtures/prevention/build.js';

/**
 * How often the 95% interval covers the planted change, over many draws of the fixture's
 * process (fixtures/prevention/build.ts: weekly counts following orders, a common noisy trend,
 * 5% noise of each reason's own, Poisson counts; the first reason 28% lower from week 13 of 26).
 * A calibration check of the interval, the quasi-Poisson scaling included: seeded, so exact.
 */
const RATES = [3.0, 2.0, 1.5, 1.2, 1.0, 0.6];
const WEEKS = 26;
const CHANGE_WEEK = 13;

function draw(seed: number, planted: number, ownNoise: number): ContactWeeks {
  const rng = createRng(seed);
  const contacts = RATES.map(() => new Array<number>(WEEKS).fill(0));
  for (let w = 0; w < WEEKS; w++) {
    const orders = 1200 * (1 + 0.01 * w) * (1 + 0.1 * Math.sin((2 * Math.PI * w) / 8));
    const common = (1 + 0.12 * Math.cos((2 * Math.PI * w) / 10)) * logNormal(rng, 1, 0.08);
    RATES.forEach((rate, r) => {
      const fixed = r === 0 && w >= CHANGE_WEEK ? 1 + planted : 1;
      contacts[r][w] = poisson(rng, ((orders * rate) / 100) * common * logNormal(rng, 1, ownNoise) * fixed);
    });
  }
  const zeros = RATES.map(() => new Array<number>(WEEKS).fill(0));
  return {
    mondays: Array.from({ length: WEEKS }, (_, w) => 7 * w),
    labels: Array.from({ length: WEEKS }, (_, w) => `W${w}`),
    orders: null,
    reasons: RATES.map((_, r) => `r${r}`),
    contacts,
    rated: zeros,
    satisfied: zeros,
  };
}

function coverage(planted: number, ownNoise: number, draws: number): number {
  let covered = 0;
  for (let seed = 1; seed <= draws; seed++) {
    const e = changeEffect(draw(seed, planted, ownNoise), 0, 7 * CHANGE_WEEK, 'd', null);
    if (e.ci95![0] <= planted && planted <= e.ci95![1]) covered++;
  }
  return covered / draws;
}

describe('the change estimate over 400 draws of the fixture process', () => {
  it('covers the planted −28% about 95% of the time', () => {
    const c = coverage(-0.28, 0.05, 400);
    // Binomial sd at 95% over 400 draws is 1.1 points.
    expect(c).toBeGreaterThan(0.92);
    expect(c).toBeLessThan(0.98);
  });

  it('still about 95% with three times the noise of each reason (the dispersion scaling at work)', () => {
    const c = coverage(0, 0.15, 400);
    expect(c).toBeGreaterThan(0.91);
    expect(c).toBeLessThan(0.98);
  });
});
