import { describe, expect, it } from 'vitest';
import { resolveReportWeek } from '../../src/analysis/reportWeek.js';
import { previousWeekFromSummary } from '../../src/analysis/weekCountsJson.js';
import { weekCounts, weeklyTrends, type WeekCounts } from '../../src/analysis/weeklyTrends.js';
import { DataError } from '../../src/errors.js';
import { expectRelClose } from '../stats/close.js';
import { many, rated, ticket } from './sliceTickets.js';
import type { TicketRecord } from '../../src/model/ticketRecord.js';
import { ticketTable } from '../model/ticketRecords.js';

// ticket({ weekday }) is created on 2014-01-06 + weekday: 0…6 is 2014-W02 (Mon 01-06 … Sun 01-12),
// −7…−1 is 2014-W01 (Mon 2013-12-30 … Sun 2014-01-05), 7 is Monday of 2014-W03.
const W02 = resolveReportWeek('2014-W02', 0);
const W01 = resolveReportWeek('2014-W01', 0);

/** 2014-W02: 24 tickets, 17 rated, 12 satisfied; 2014-W01: 19 tickets, 18 rated, 16 satisfied. */
function twoWeeks(): TicketRecord[] {
  return [
    ...rated(10, 6, { weekday: 2, reason: 'billing' }),
    ...rated(5, 5, { weekday: 0, hour: 0, reason: 'shipping' }),
    ...many(3, { weekday: 4, reason: 'login' }),
    ...many(2, { weekday: 1 }),
    ...rated(2, 1, { weekday: 6, hour: 23, reason: 'refunds' }),
    ...many(2, { weekday: 3, reason: 'returns' }),
    ...rated(8, 7, { weekday: -5, reason: 'billing' }),
    ...rated(10, 9, { weekday: -1, hour: 23, reason: 'shipping' }),
    ...many(1, { weekday: -7, hour: 0 }),
    // Outside both weeks.
    ...rated(4, 0, { weekday: 7, hour: 0, reason: 'billing' }),
    ...rated(4, 0, { weekday: -8, hour: 23, reason: 'billing' }),
  ];
}

describe('weekCounts', () => {
  it('counts the tickets created Monday through Sunday, unrated in volume only', () => {
    expect(weekCounts(ticketTable(twoWeeks()), W02)).toEqual({
      label: '2014-W02',
      start: '2014-01-06',
      end: '2014-01-12',
      tickets: 24,
      rated: 17,
      satisfied: 12,
      csat: 12 / 17,
      reasons: [
        { reason: 'billing', tickets: 10 },
        { reason: 'shipping', tickets: 5 },
        { reason: 'login', tickets: 3 },
        { reason: '(none)', tickets: 2 },
        { reason: 'refunds', tickets: 2 },
        { reason: 'returns', tickets: 2 },
      ],
    });
  });

  it('gives zeros and nulls for an empty week, never NaN', () => {
    expect(weekCounts(ticketTable(twoWeeks()), resolveReportWeek('2014-W05', 0))).toEqual({
      label: '2014-W05',
      start: '2014-01-27',
      end: '2014-02-02',
      tickets: 0,
      rated: 0,
      satisfied: 0,
      csat: null,
      reasons: [],
    });
  });
});

describe('weeklyTrends', () => {
  it('compares this week with the week before: reasons, CSAT with its z-test, volume', () => {
    const trends = weeklyTrends(ticketTable(twoWeeks()), W02);
    expect(trends.previousSource).toBe('computed');
    expect(trends.previous).toMatchObject({ label: '2014-W01', tickets: 19, rated: 18, satisfied: 16 });
    expect(trends.topReasons).toEqual([
      { reason: 'billing', thisWeek: 10, previousWeek: 8, change: 2, changePct: 0.25 },
      { reason: 'shipping', thisWeek: 5, previousWeek: 10, change: -5, changePct: -0.5 },
      { reason: 'login', thisWeek: 3, previousWeek: 0, change: 3, changePct: null },
      { reason: '(none)', thisWeek: 2, previousWeek: 1, change: 1, changePct: 1 },
      { reason: 'refunds', thisWeek: 2, previousWeek: 0, change: 2, changePct: null },
    ]);
    expect(trends.csat.thisWeek).toBe(12 / 17);
    expect(trends.csat.previousWeek).toBe(16 / 18);
    expectRelClose(trends.csat.changePoints!, -18.300653594771234, 1e-13);
    // python3: pp = 28/35; z = (12/17 − 16/18)/√(pp(1 − pp)(1/17 + 1/18)); 2·scipy.stats.norm.sf(|z|)
    expectRelClose(trends.csat.p!, 0.17611982574413698, 1e-12);
    expect(trends.csat.significant).toBe(false);
    expect(trends.csat.sentence).toBe(
      'CSAT fell 18.3 points to 71% in 2014-W02 from 89% in 2014-W01 (not significant, p = 0.18; 17 vs 18 rated).',
    );
    // Exact binomial: 2 · Σ_{i≤19} C(43, i) / 2⁴³.
    expect(trends.volume).toMatchObject({ thisWeek: 24, previousWeek: 19, change: 5, significant: false });
    expectRelClose(trends.volume.changePct!, 5 / 19, 1e-15);
    expectRelClose(trends.volume.p!, 0.542384011856484, 1e-12);
    expect(trends.volumeSentence).toBe('2014-W02 had 24 tickets, 26% more than 2014-W01 (19; not significant, p = 0.54).');
  });

  it('states a significant CSAT change with its p-value', () => {
    const trends = weeklyTrends(ticketTable([...rated(100, 60, { weekday: 0 }), ...rated(100, 80, { weekday: -7 })]), W02);
    // z = −0.2/√(0.7 · 0.3 · 0.02) = −3.0860669992418384
    expectRelClose(trends.csat.p!, 0.0020282311484520745, 1e-11);
    expect(trends.csat.significant).toBe(true);
    expect(trends.csat.sentence).toBe('CSAT fell 20.0 points to 60% in 2014-W02 from 80% in 2014-W01 (p = 0.002; 100 vs 100 rated).');
    expect(trends.volumeSentence).toBe('2014-W02 had 100 tickets, as many as 2014-W01.');
  });

  it('says there is nothing to compare when a week has no rated tickets', () => {
    const empty = weeklyTrends(ticketTable([]), W02);
    expect(empty.csat).toEqual({
      thisWeek: null,
      previousWeek: null,
      changePoints: null,
      p: null,
      significant: null,
      sentence: 'No rated tickets in 2014-W02 or 2014-W01, so there is no CSAT to compare.',
    });
    expect(empty.volume).toEqual({ thisWeek: 0, previousWeek: 0, change: 0, changePct: null, p: null, significant: null });
    expect(empty.volumeSentence).toBe('No tickets in 2014-W02 or 2014-W01.');
    expect(empty.topReasons).toEqual([]);
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);

    const onlyThis = weeklyTrends(ticketTable([...rated(4, 3, { weekday: 1 }), ...many(2, { weekday: -2 })]), W02);
    expect(onlyThis.csat.sentence).toBe('CSAT was 75% in 2014-W02 (4 rated); no rated tickets in 2014-W01 to compare with.');
    expect(onlyThis.csat.changePoints).toBeNull();
    expect(onlyThis.volumeSentence).toBe('2014-W02 had 4 tickets, 100% more than 2014-W01 (2; not significant, p = 0.69).');

    const onlyBefore = weeklyTrends(ticketTable([...many(1, { weekday: 1 }), ...rated(8, 6, { weekday: -2 })]), W02);
    expect(onlyBefore.csat.sentence).toBe(
      'No rated tickets in 2014-W02, so there is no CSAT to compare with 2014-W01 (75%, 8 rated).',
    );
    expect(onlyBefore.volumeSentence).toBe('2014-W02 had 1 ticket, 88% fewer than 2014-W01 (8; p = 0.039).');
  });

  it('does not test when every rated ticket in both weeks has the same outcome', () => {
    const trends = weeklyTrends(ticketTable([...rated(12, 12, { weekday: 1 }), ...rated(9, 9, { weekday: -2 })]), W02);
    expect(trends.csat).toMatchObject({ changePoints: 0, p: null, significant: null });
    expect(trends.csat.sentence).toBe(
      'CSAT held at 100% in 2014-W02 and 2014-W01 (12 vs 9 rated; every rated ticket was satisfied, so there is nothing to test).',
    );
    expect(weeklyTrends(ticketTable([...rated(3, 0, { weekday: 1 }), ...rated(2, 0, { weekday: -2 })]), W02).csat.sentence).toBe(
      'CSAT held at 0% in 2014-W02 and 2014-W01 (3 vs 2 rated; no rated ticket was satisfied, so there is nothing to test).',
    );
  });

  it('shows a decimal when both weeks round to the same whole percent, and holds steady below 0.05 points', () => {
    const close = weeklyTrends(ticketTable([...rated(1000, 703, { weekday: 1 }), ...rated(1000, 700, { weekday: -2 })]), W02);
    expect(close.csat.sentence).toBe(
      'CSAT rose 0.3 points to 70.3% in 2014-W02 from 70.0% in 2014-W01 (not significant, p = 0.88; 1,000 vs 1,000 rated).',
    );
    const same = weeklyTrends(ticketTable([...rated(10, 7, { weekday: 1 }), ...rated(20, 14, { weekday: -2 })]), W02);
    expect(same.csat.sentence).toBe('CSAT held steady at 70.0% in 2014-W02 (70.0% in 2014-W01; not significant, p = 1.00; 10 vs 20 rated).');
    expect(weeklyTrends(ticketTable([...many(3, { weekday: 1 })]), W02).volumeSentence).toBe(
      '2014-W02 had 3 tickets against none in 2014-W01 (not significant, p = 0.25).',
    );
    expect(weeklyTrends(ticketTable([...many(3, { weekday: -1 })]), W02).volumeSentence).toBe(
      '2014-W02 had no tickets against 3 in 2014-W01 (not significant, p = 0.25).',
    );
  });

  it('uses a given previous week instead of recomputing it', () => {
    const previous: WeekCounts = {
      label: '2014-W01',
      start: '2013-12-30',
      end: '2014-01-05',
      tickets: 30,
      rated: 20,
      satisfied: 18,
      csat: 0.9,
      reasons: [{ reason: 'billing', tickets: 30 }],
    };
    const trends = weeklyTrends(ticketTable(twoWeeks()), W02, previous);
    expect(trends.previousSource).toBe('compare-to');
    expect(trends.previous).toBe(previous);
    expect(trends.topReasons[0]).toEqual({ reason: 'billing', thisWeek: 10, previousWeek: 30, change: -20, changePct: -20 / 30 });
    expect(trends.topReasons[1].previousWeek).toBe(0);
  });
});

describe('previousWeekFromSummary', () => {
  const summary = () => JSON.parse(JSON.stringify({ trends: weeklyTrends(ticketTable(twoWeeks()), W01) }));

  it('reads last report’s week back exactly as recomputing it would give', () => {
    const previous = previousWeekFromSummary(summary(), 'last/summary.json', W01);
    expect(previous).toEqual(weekCounts(ticketTable(twoWeeks()), W01));
    expect(weeklyTrends(ticketTable(twoWeeks()), W02, previous)).toEqual({ ...weeklyTrends(ticketTable(twoWeeks()), W02), previousSource: 'compare-to' });
  });

  it('accepts CSAT rounded to 10 significant digits as summary.json stores it', () => {
    const json = summary();
    json.trends.week.csat = Number(json.trends.week.csat.toPrecision(10));
    expect(previousWeekFromSummary(json, 's.json', W01).csat).toBe(16 / 18);
  });

  it('names the week the file holds and the week expected', () => {
    expect(() => previousWeekFromSummary(summary(), 'w52/summary.json', resolveReportWeek('2013-W52', 0))).toThrow(
      'w52/summary.json holds "2014-W01", but the week before 2014-W01 is 2013-W52; pass the summary.json of the 2013-W52 report',
    );
  });

  it('rejects malformed files with what is wrong', () => {
    const cases: ((json: any) => unknown)[] = [
      (j) => ({ cohort: j.cohort }),
      (j) => ((j.trends.week.label = 47), j),
      (j) => ((j.trends.week.start = '2014-01-01'), j),
      (j) => ((j.trends.week.rated = 'abc'), j),
      (j) => ((j.trends.week.satisfied = 19), j),
      (j) => ((j.trends.week.csat = 0.5), j),
      (j) => ((j.trends.week.reasons = null), j),
      (j) => ((j.trends.week.reasons[0].reason = ''), j),
      (j) => ((j.trends.week.reasons[1].reason = j.trends.week.reasons[0].reason), j),
      (j) => ((j.trends.week.reasons[0].tickets = 1.5), j),
      (j) => (j.trends.week.reasons.pop(), j),
    ];
    const messages = cases.map((edit) => {
      try {
        previousWeekFromSummary(edit(summary()), 's.json', W01);
        return 'no error';
      } catch (error) {
        expect(error).toBeInstanceOf(DataError);
        return (error as Error).message.replace(/; pass the unedited summary\.json of a `loyalty report --week 2014-W01` run$/, '');
      }
    });
    expect(messages).toEqual([
      's.json: has no weekly trends (trends.week): it was not written by `loyalty report --week`',
      's.json: trends.week.label must be an ISO week such as "2014-W01", found 47',
      's.json: trends.week runs "2014-01-01" to "2014-01-05", but 2014-W01 is 2013-12-30 to 2014-01-05',
      's.json: trends.week.rated must be a whole number ≥ 0, found "abc"',
      's.json: trends.week has 19 tickets, 18 rated and 19 satisfied, but needs satisfied ≤ rated ≤ tickets',
      's.json: trends.week.csat is 0.5, but 16 satisfied of 18 rated gives 0.8888888888888888',
      's.json: trends.week.reasons must be a list, found null',
      's.json: trends.week.reasons[0].reason must be a reason not listed before, found ""',
      's.json: trends.week.reasons[1].reason must be a reason not listed before, found "shipping"',
      's.json: trends.week.reasons[0].tickets must be a whole number ≥ 0, found 1.5',
      's.json: trends.week.reasons add up to 18 tickets, but trends.week.tickets is 19',
    ]);
  });
});
