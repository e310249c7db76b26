import { describe, expect, it } from 'vitest';
import { rankFindings } from '../../src/analysis/findings.js';
import type { SliceRow } from '../../src/analysis/sliceResult.js';
import { findingSentence, fixFirstSentence, nothingFlaggedSentence, sliceSubject } from '../../src/analysis/sliceSentences.js';

function row(key: string, rated: number, satisfied: number, flag: SliceRow['flag'] = null, adjP: number | null = 0.5): SliceRow {
  return {
    key,
    tickets: rated + 5,
    share: 0,
    rated,
    satisfied,
    csat: rated > 0 ? satisfied / rated : null,
    ci95: null,
    meanScore: null,
    p: adjP,
    adjP,
    flag,
    medianWaitSeconds: null,
    transferRate: null,
    reopenRate: null,
    fcrRate: null,
  };
}

const hours = [
  row('08', 50, 45),
  row('09', 50, 30, 'low', 0.0001),
  row('10', 50, 45),
  row('16', 40, 20, 'low', 0.001),
  row('17', 40, 16, 'low', 0.0004),
  row('18', 40, 24, 'low', 0.02),
  row('19', 40, 20, 'low', 0.003),
  row('20', 50, 48, 'high', 0.01),
];
const dimensions = {
  hour: hours,
  weekday: [row('Mon', 200, 140, 'low', 0.00001), row('Tue', 200, 190, 'high', 0.00001)],
  reason: [row('billing', 300, 250), row('order status', 100, 50, 'low', 0.0123)],
};

describe('rankFindings', () => {
  const findings = rankFindings(dimensions, 0.8);

  it('lists flagged-low slices only, largest shortfall first', () => {
    // shortfall = rated × (0.8 − csat): band 16–19 160 × 0.3 = 48; order status 100 × 0.3 = 30;
    // Mon 200 × 0.1 = 20; 09 50 × 0.2 = 10.
    expect(findings.map((f) => f.label)).toEqual(['16:00–19:59', 'order status', 'Mon', '09:00–09:59']);
    expect(findings.map((f) => f.shortfall)).toEqual([
      expect.closeTo(48, 9),
      expect.closeTo(30, 9),
      expect.closeTo(20, 9),
      expect.closeTo(10, 9),
    ]);
  });

  it('merges adjacent low hours and recomputes the band over its tickets', () => {
    const band = findings[0];
    expect(band).toMatchObject({ dimension: 'hour', keys: ['16', '17', '18', '19'], tickets: 180, rated: 160, satisfied: 80 });
    expect(band.csat).toBe(0.5);
    // Wilson 95% for 80/160 (z = scipy.stats.norm.ppf(0.975)) → (0.4234392476991226, 0.5765607523008773)
    expect(band.ci95[0]).toBeCloseTo(0.4234392476991226, 10);
    expect(band.ci95[1]).toBeCloseTo(0.5765607523008773, 10);
    // The band is as significant as its least significant hour.
    expect(band.adjP).toBe(0.02);
    expect(band.sentence).toBe(
      'Tickets opened 16:00–19:59 have 50% CSAT (95% CI 42–58%) vs 80% overall (160 rated; adjusted p ≤ 0.020 in each hour).',
    );
  });

  it('keeps a non-adjacent low hour as its own finding', () => {
    expect(findings[3]).toMatchObject({ keys: ['09'], rated: 50, satisfied: 30, csat: 0.6 });
    // Wilson 95% for 30/50 → (0.4618143774758936, 0.7239161026974346)
    expect(findings[3].sentence).toBe(
      'Tickets opened 09:00–09:59 have 60% CSAT (95% CI 46–72%) vs 80% overall (50 rated; adjusted p < 0.001).',
    );
  });

  it('words weekday and reason findings for a reader', () => {
    // Wilson 95% for 50/100 → (0.4038315303659956, 0.5961684696340044); 140/200 → (0.6332…, 0.7592…)
    expect(findings[1].sentence).toBe(
      'Contacts about order status have 50% CSAT (95% CI 40–60%) vs 80% overall (100 rated; adjusted p = 0.012).',
    );
    expect(findings[2].sentence).toBe(
      'Tickets opened on Mon have 70% CSAT (95% CI 63–76%) vs 80% overall (200 rated; adjusted p < 0.001).',
    );
  });

  it('has no findings when there is no overall CSAT or nothing is low', () => {
    expect(rankFindings(dimensions, null)).toEqual([]);
    expect(rankFindings({ hour: [row('08', 50, 45), row('20', 50, 48, 'high', 0.01)] }, 0.8)).toEqual([]);
  });

  it('keeps dimension order among equal shortfalls', () => {
    const tie = rankFindings({ weekday: [row('Sun', 100, 50, 'low', 0.01)], reason: [row('x', 100, 50, 'low', 0.01)] }, 0.8);
    expect(tie.map((f) => f.label)).toEqual(['Sun', 'x']);
  });
});

describe('slice sentences', () => {
  it('names each dimension and the (none) bucket in plain words', () => {
    expect(sliceSubject('reason', '(none)')).toBe('Contacts with no reason');
    expect(sliceSubject('channel', 'email')).toBe('Contacts via email');
    expect(sliceSubject('channel', '(none)')).toBe('Contacts with no channel');
    expect(sliceSubject('agent', 'Ann')).toBe('Tickets handled by Ann');
    expect(sliceSubject('agent', '(none)')).toBe('Tickets with no agent');
  });

  it('shows a decimal when the rounded percentages would read the same', () => {
    expect(
      findingSentence('Contacts via email', { csat: 0.8, ci95: [0.79, 0.81], overallCsat: 0.804, rated: 12000, adjP: 0.04, merged: 1 }),
    ).toBe('Contacts via email have 80.0% CSAT (95% CI 79.0–81.0%) vs 80.4% overall (12,000 rated; adjusted p = 0.040).');
  });

  it('says what to fix first, or that nothing stands out', () => {
    expect(fixFirstSentence('Tickets opened 16:00–19:59', 47.6)).toBe(
      'Fix first: tickets opened 16:00–19:59, which fall 48 satisfied tickets short of the overall CSAT.',
    );
    expect(nothingFlaggedSentence(0.8412, 1234)).toBe('No slice differs significantly from the overall CSAT of 84% (n = 1,234 rated).');
    expect(nothingFlaggedSentence(null, 0)).toBe('No ticket has a satisfaction score, so there is no CSAT to compare slices on.');
  });
});
