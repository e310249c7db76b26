import { describe, expect, it } from 'vitest';
import { analyzeSlices, defaultDimensions } from '../../src/analysis/slices.js';
import { many, rated, loaded, ticket } from './sliceTickets.js';

// Mon 12:xx: 80 rated (70 satisfied) about billing, plus 10 unrated tickets with no reason.
// Wed 18:xx: 40 rated (10 satisfied) about order status. Overall 80/120 satisfied.
const records = [
  ...rated(80, 70, { weekday: 0, hour: 12, reason: 'billing' }),
  ...many(10, { weekday: 0, hour: 12, reason: null, score: null }),
  ...rated(40, 10, { weekday: 2, hour: 18, reason: 'order status' }),
];
const result = analyzeSlices(loaded(records, ['reason']), { by: null, minRated: 30 });

describe('analyzeSlices', () => {
  it('slices by hour, weekday and every optional column present by default', () => {
    expect(result.options).toEqual({ by: ['hour', 'weekday', 'reason'], minRated: 30, top: 25 }); // top: the tables' and charts' N, default 25
    expect(Object.keys(result.dimensions)).toEqual(['hour', 'weekday', 'reason']);
    expect(defaultDimensions(new Set(['customer_id', 'created_at', 'agent', 'channel']))).toEqual([
      'hour',
      'weekday',
      'channel',
      'agent',
    ]);
  });

  it('reports the overall volume and CSAT, unrated tickets counting in volume only', () => {
    expect(result.overall).toMatchObject({ tickets: 130, rated: 120, satisfied: 80 });
    expect(result.overall.csat).toBeCloseTo(2 / 3, 12);
  });

  it('lists all 24 hours and all 7 weekdays in clock and week order, empty ones included', () => {
    expect(result.dimensions.hour!.map((r) => r.key)).toEqual(
      Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')),
    );
    expect(result.dimensions.weekday!.map((r) => r.key)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(result.dimensions.hour![3]).toMatchObject({ key: '03', tickets: 0, share: 0, rated: 0, csat: null, p: null, adjP: null, flag: null });
  });

  it('puts empty reasons in a (none) slice and orders other keys by tickets, then key', () => {
    expect(result.dimensions.reason!.map((r) => [r.key, r.tickets])).toEqual([
      ['billing', 80],
      ['order status', 40],
      ['(none)', 10],
    ]);
    const ties = analyzeSlices(
      loaded([...many(2, { reason: 'b' }), ...many(2, { reason: 'a' }), ...many(3, { reason: 'c' }), ticket({ reason: null })], ['reason']),
      { by: ['reason'], minRated: 30 },
    );
    expect(ties.dimensions.reason!.map((r) => r.key)).toEqual(['c', 'a', 'b', '(none)']);
  });

  it('tests each slice against the rest and flags both directions', () => {
    const h12 = result.dimensions.hour![12];
    const h18 = result.dimensions.hour![18];
    expect(h12).toMatchObject({ tickets: 90, rated: 80, satisfied: 70, flag: 'high' });
    expect(h12.share).toBeCloseTo(90 / 130, 12);
    // 10/40 vs 70/80 pooled: z = −6.846531968814576, p = 2·scipy.stats.norm.sf(6.8465…) = 7.566174380650804e-12;
    // BH over the two rated hours leaves it unchanged.
    expect(h18.p).toBeCloseTo(7.566174380650804e-12, 22);
    expect(h18.adjP).toBeCloseTo(7.566174380650804e-12, 22);
    expect(h18.flag).toBe('low');
    expect(result.dimensions.reason!.map((r) => r.flag)).toEqual(['high', 'low', null]);
  });

  it('runs a chi-square test per dimension over the slices with ratings', () => {
    // scipy.stats.chi2_contingency([[70,10],[10,30]], correction=False) → 46.875, dof 1, p 7.566174380650796e-12
    for (const d of ['hour', 'weekday', 'reason'] as const) {
      expect(result.tests[d]!.chi2).toBeCloseTo(46.875, 9);
      expect(result.tests[d]!.df).toBe(1);
      expect(result.tests[d]!.p).toBeCloseTo(7.566174380650796e-12, 22);
    }
  });

  it('ranks findings and says what to fix first', () => {
    // Each low slice is the same 40 tickets: shortfall 40 × (2/3 − 1/4) = 16.67; ties keep dimension order.
    expect(result.findings.map((f) => f.label)).toEqual(['18:00–18:59', 'Wed', 'order status']);
    expect(result.findings[0].shortfall).toBeCloseTo(50 / 3, 9);
    // Wilson 95% for 10/40 → (0.14187118639096302, 0.40193961420768026)
    expect(result.findings[0].sentence).toBe(
      'Tickets opened 18:00–18:59 have 25% CSAT (95% CI 14–40%) vs 67% overall (40 rated; adjusted p < 0.001).',
    );
    expect(result.findings[2].sentence).toBe(
      'Contacts about order status have 25% CSAT (95% CI 14–40%) vs 67% overall (40 rated; adjusted p < 0.001).',
    );
    expect(result.headline).toBe('Fix first: tickets opened 18:00–18:59, which fall 17 satisfied tickets short of the overall CSAT.');
  });

  it('lists weekday × hour cells with tickets for the heatmap', () => {
    expect(result.heatmap).toEqual([
      { weekday: 'Mon', hour: '12', tickets: 90, rated: 80, satisfied: 70, csat: 0.875 },
      { weekday: 'Wed', hour: '18', tickets: 40, rated: 40, satisfied: 10, csat: 0.25 },
    ]);
  });

  it('builds JSON objects in the documented field order', () => {
    expect(Object.keys(result)).toEqual(['options', 'overall', 'dimensions', 'tests', 'findings', 'headline', 'heatmap']);
    expect(Object.keys(result.dimensions.hour![0])).toEqual([
      'key', 'tickets', 'share', 'rated', 'satisfied', 'csat', 'ci95', 'meanScore', 'p', 'adjP', 'flag',
      'medianWaitSeconds', 'transferRate', 'reopenRate', 'fcrRate',
    ]);
  });

  it('flags nothing below min-rated and says so when nothing differs', () => {
    const gated = analyzeSlices(loaded(records, ['reason']), { by: ['hour'], minRated: 81 });
    expect(gated.options.by).toEqual(['hour']);
    expect(gated.dimensions.hour!.every((r) => r.flag === null)).toBe(true);
    expect(gated.findings).toEqual([]);
    expect(gated.headline).toBe('No slice differs significantly from the overall CSAT of 67% (n = 120 rated).');
  });

  it('handles tickets without any score', () => {
    const none = analyzeSlices(loaded(many(5, { score: null })), { by: null, minRated: 30 });
    expect(none.overall).toMatchObject({ tickets: 5, rated: 0, csat: null });
    expect(none.tests).toEqual({ hour: null, weekday: null });
    expect(none.findings).toEqual([]);
    expect(none.headline).toBe('No ticket has a satisfaction score, so there is no CSAT to compare slices on.');
  });

  it('handles no tickets at all', () => {
    const empty = analyzeSlices(loaded([]), { by: null, minRated: 30 });
    expect(empty.overall.tickets).toBe(0);
    expect(empty.dimensions.hour!.every((r) => r.share === 0)).toBe(true);
    expect(empty.heatmap).toEqual([]);
  });
});
