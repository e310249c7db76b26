import { describe, expect, it } from 'vitest';
import type { Comparison, GroupStats } from '../../src/analysis/cohortResult.js';
import { cohortHeadline, pText } from '../../src/analysis/headline.js';
import type { Group } from '../../src/model/groups.js';

function stats(customers: number, meanSpend: number | null): GroupStats {
  return {
    customers,
    meanSpend,
    medianSpend: meanSpend,
    repeatRate: null,
    totalSpend: 0,
    baselineMeanSpend: null,
    ci95: null,
    liftVsNoProblem: null,
  };
}

function groups(np: [number, number | null], r: [number, number | null], u: [number, number | null]): Record<Group, GroupStats> {
  return { no_problem: stats(...np), resolved: stats(...r), unresolved: stats(...u) };
}

function comparisons(rn: [number | null, number | null], un: [number | null, number | null], ru: [number | null, number | null]): Comparison[] {
  return [
    { a: 'resolved', b: 'no_problem', lift: rn[0], welchP: rn[1], mannWhitneyP: null },
    { a: 'unresolved', b: 'no_problem', lift: un[0], welchP: un[1], mannWhitneyP: null },
    { a: 'resolved', b: 'unresolved', lift: ru[0], welchP: ru[1], mannWhitneyP: null },
  ];
}

describe('cohortHeadline', () => {
  it('the study: resolved a little above no problem (not significant), far above unresolved', () => {
    const g = groups([800, 100], [120, 106], [80, 20]);
    const c = comparisons([0.06, 0.41], [-0.8, 0.00001], [4.3, 0.0000001]);
    expect(cohortHeadline(g, c, null)).toBe(
      'Customers whose problem was resolved spent 6% more than those with no problem (not significant, Welch p = 0.41), and 430% more than those left unresolved (p < 0.001).',
    );
  });

  it('says "less" when resolved customers spent less, and marks a significant gap without "not significant"', () => {
    const g = groups([800, 100], [120, 88], [80, 20]);
    const c = comparisons([-0.12, 0.013], [-0.8, 0.00001], [3.4, 0.2]);
    expect(cohortHeadline(g, c, null)).toBe(
      'Customers whose problem was resolved spent 12% less than those with no problem (Welch p = 0.013), and 340% more than those left unresolved (not significant, p = 0.20).',
    );
  });

  it('rounds a tiny gap to "about the same"', () => {
    const g = groups([800, 100], [120, 100.2], [80, 20]);
    const c = comparisons([0.002, 0.98], [-0.8, 0.00001], [4.01, 0.0001]);
    expect(cohortHeadline(g, c, null)).toMatch(/^Customers whose problem was resolved spent about the same as those with no problem \(not significant, Welch p = 0\.98\)/);
  });

  it('compares amounts when a ratio means nothing (a mean of zero or below)', () => {
    const g = groups([800, 100], [120, 50], [80, 0]);
    const c = comparisons([-0.5, 0.001], [-1, 0.0001], [null, 0.0002]);
    expect(cohortHeadline(g, c, null, 'USD')).toBe(
      'Customers whose problem was resolved spent 50% less than those with no problem (Welch p = 0.001), and $50.00 on average against $0.00 for those left unresolved (p < 0.001).',
    );
  });

  it('says when a group is too small to test', () => {
    const g = groups([800, 100], [1, 150], [0, null]);
    const c = comparisons([0.5, null], [null, null], [null, null]);
    expect(cohortHeadline(g, c, null)).toBe(
      'Customers whose problem was resolved spent 50% more than those with no problem (too few customers to test); no member was left unresolved.',
    );
  });

  it('falls back to the unresolved customers when nobody was resolved', () => {
    const g = groups([800, 100], [0, null], [80, 20]);
    const c = comparisons([null, null], [-0.8, 0.00001], [null, null]);
    expect(cohortHeadline(g, c, null)).toBe(
      "No member's problem was resolved; customers left unresolved spent 80% less than those with no problem (Welch p < 0.001).",
    );
  });

  it('says so when every member had a problem', () => {
    const g = groups([0, null], [5, 30], [5, 10]);
    const c = comparisons([null, null], [null, null], [2, 0.04]);
    expect(cohortHeadline(g, c, null)).toBe(
      'Customers whose problem was resolved spent 200% more than those left unresolved (Welch p = 0.040); every member had a problem ticket.',
    );
    expect(cohortHeadline(groups([0, null], [3, 30], [0, null]), comparisons([null, null], [null, null], [null, null]), null, 'USD')).toBe(
      'All 3 members had a problem resolved, so there is no other group to compare; they spent $30.00 on average in the follow-up.',
    );
  });

  it('carries censoring into the sentence', () => {
    const g = groups([800, 100], [0, null], [80, 20]);
    const c = comparisons([null, null], [-0.8, 0.2], [null, null]);
    expect(cohortHeadline(g, c, { dataEnd: '2014-04-15', missingDays: 15 })).toBe(
      "No member's problem was resolved; customers left unresolved spent 80% less than those with no problem (not significant, Welch p = 0.20) (partial: the orders end 2014-04-15, 15 days before the follow-up window does).",
    );
  });
});

describe('pText', () => {
  it.each([
    [0.41, '= 0.41'],
    [0.0132, '= 0.013'],
    [0.0999, '= 0.100'],
    [0.0499, '< 0.05'],
    [0.05, '= 0.050'],
    [0.00099, '< 0.001'],
    [1, '= 1.00'],
  ])('%f → %s', (p, text) => expect(pText(p)).toBe(text));
});
