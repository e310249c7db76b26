import { describe, expect, it } from 'vitest';
import { comparisons, groupColumns, groupStats, type MemberColumns } from '../../src/analysis/cohortGroups.js';
import { memberGroup } from '../../src/facts/customerFacts.js';
import { EMPTY_GROUP } from './cohortRecords.js';
import { bootstrapMeanCi } from '../../src/stats/bootstrap.js';
import { expectRelClose } from '../stats/close.js';

// Six members in member order: m0, m3, m4 had no problem; m1's one problem was resolved;
// m2 and m5 have unresolved problems. m4's later spend is a net refund.
const members: MemberColumns = {
  laterSpend: Float64Array.of(40, 80, 0, 100, -10, 20),
  baselineSpend: Float64Array.of(50, 30, 20, 70, 10, 40),
  laterPurchases: Int32Array.of(1, 2, 0, 1, 0, 1),
  problems: Int32Array.of(0, 1, 2, 0, 0, 3),
  unresolved: Int32Array.of(0, 0, 1, 0, 0, 3),
};
const boot = { resamples: 200, seed: 1 };

describe('memberGroup', () => {
  it('sorts members by their problem tickets', () => {
    expect(memberGroup(0, 0)).toBe('no_problem');
    expect(memberGroup(2, 0)).toBe('resolved');
    expect(memberGroup(2, 1)).toBe('unresolved');
  });
});

describe('groupColumns', () => {
  it('splits the members by group, keeping member order, with a sorted copy of later spend', () => {
    const columns = groupColumns(members);
    expect([...columns.no_problem.laterSpend]).toEqual([40, 100, -10]);
    expect([...columns.no_problem.sortedLaterSpend]).toEqual([-10, 40, 100]);
    expect([...columns.no_problem.baselineSpend]).toEqual([50, 70, 10]);
    expect(columns.no_problem.repeaters).toBe(2);
    expect([...columns.resolved.laterSpend]).toEqual([80]);
    expect(columns.resolved.repeaters).toBe(1);
    expect([...columns.unresolved.laterSpend]).toEqual([0, 20]);
    expect([...columns.unresolved.baselineSpend]).toEqual([20, 40]);
    expect(columns.unresolved.repeaters).toBe(1);
  });

  it('gives an empty group empty columns', () => {
    const columns = groupColumns({ ...members, problems: new Int32Array(6), unresolved: new Int32Array(6) });
    expect(columns.no_problem.laterSpend).toHaveLength(6);
    expect(columns.resolved.laterSpend).toHaveLength(0);
    expect(columns.unresolved.sortedLaterSpend).toHaveLength(0);
  });
});

describe('groupStats', () => {
  it('computes each group from its columns', () => {
    const stats = groupStats(groupColumns(members), boot);
    expect(stats.no_problem).toEqual({
      customers: 3,
      meanSpend: 130 / 3,
      medianSpend: 40,
      repeatRate: 2 / 3,
      totalSpend: 130,
      baselineMeanSpend: 130 / 3,
      ci95: bootstrapMeanCi([40, 100, -10], boot),
      liftVsNoProblem: null,
    });
    expect(stats.resolved).toMatchObject({ customers: 1, meanSpend: 80, medianSpend: 80, repeatRate: 1, totalSpend: 80, ci95: [80, 80] });
    expect(stats.resolved.liftVsNoProblem).toBe(80 / (130 / 3) - 1);
    expect(stats.unresolved).toMatchObject({ customers: 2, meanSpend: 10, medianSpend: 10, repeatRate: 0.5, totalSpend: 20, baselineMeanSpend: 30 });
    expect(stats.unresolved.ci95).toEqual(bootstrapMeanCi([0, 20], boot));
  });

  it('gives an empty group null statistics', () => {
    const stats = groupStats(groupColumns({ ...members, problems: new Int32Array(6), unresolved: new Int32Array(6) }), boot);
    expect(stats.resolved).toEqual(EMPTY_GROUP);
  });
});

describe('comparisons', () => {
  it('runs Welch and Mann–Whitney on the group columns (scipy values)', () => {
    const columns = groupColumns(members);
    const [rn, un, ru] = comparisons(columns, groupStats(columns, boot));
    // Resolved has one member: no variance for Welch; U = 2 is within ½ of nm/2 = 1.5, so p = 1.
    expect(rn).toMatchObject({ a: 'resolved', b: 'no_problem', welchP: null, mannWhitneyP: 1 });
    expect(un.a).toBe('unresolved');
    expectRelClose(un.welchP!, 0.40828025068146345, 1e-10);
    // U = 2 (0 and 20 each beat −10), nm/2 = 3, σ² = 6/12 · 6 = 3: z = −½/√3.
    expectRelClose(un.mannWhitneyP!, 0.7728299926844475, 1e-13);
    expect(un.lift).toBe(10 / (130 / 3) - 1);
    expect(ru).toMatchObject({ a: 'resolved', b: 'unresolved', lift: 7, welchP: null });
  });
});
