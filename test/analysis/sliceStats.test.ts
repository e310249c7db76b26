import { describe, expect, it } from 'vitest';
import { firstContactResolution, sliceStats } from '../../src/analysis/sliceStats.js';
import { ticket } from './sliceTickets.js';
import { ticketTable } from '../model/ticketRecords.js';

describe('sliceStats', () => {
  it('counts unrated tickets in volume but not in CSAT, and averages numeric scores only', () => {
    const s = sliceStats(ticketTable([
      ticket({ score: 5 }),
      ticket({ score: 4 }),
      ticket({ score: 2 }),
      ticket({ score: null }),
      ticket({ score: 'good' }),
    ]));
    expect(s.tickets).toBe(5);
    expect(s.rated).toBe(4);
    expect(s.satisfied).toBe(3);
    expect(s.csat).toBe(0.75);
    expect(s.meanScore).toBeCloseTo(11 / 3, 12);
    // Wilson 95% for 3/4, z = scipy.stats.norm.ppf(0.975):
    // c = (p + z²/2n)/(1 + z²/n), h = z·sqrt(p(1−p)/n + z²/4n²)/(1 + z²/n) → (0.30064184258240184, 0.9544127391902995)
    expect(s.ci95![0]).toBeCloseTo(0.30064184258240184, 10);
    expect(s.ci95![1]).toBeCloseTo(0.9544127391902995, 10);
  });

  it('has null CSAT, interval and mean score when nothing is rated', () => {
    const s = sliceStats(ticketTable([ticket({ score: null }), ticket({ score: null })]));
    expect(s).toMatchObject({ tickets: 2, rated: 0, satisfied: 0, csat: null, ci95: null, meanScore: null });
  });

  it('has a null mean score on a text scale', () => {
    const s = sliceStats(ticketTable([ticket({ score: 'good' }), ticket({ score: 'bad' })]));
    expect(s.csat).toBe(0.5);
    expect(s.meanScore).toBeNull();
  });

  it('takes operational rates over the tickets that carry a value', () => {
    const s = sliceStats(ticketTable([
      ticket({ waitSeconds: 10, transfers: 0, reopens: 1, contacts: 1 }),
      ticket({ waitSeconds: 30, transfers: 2, reopens: null, contacts: 3 }),
      ticket({ waitSeconds: 20, transfers: null, reopens: null, contacts: 2, firstContactResolved: true }),
      ticket({ waitSeconds: null }),
    ]));
    expect(s.medianWaitSeconds).toBe(20);
    expect(s.transferRate).toBe(0.5);
    expect(s.reopenRate).toBe(1);
    expect(s.fcrRate).toBeCloseTo(2 / 3, 12);
  });

  it('leaves operational measures null when no ticket has the column', () => {
    const s = sliceStats(ticketTable([ticket({ score: 5 })]));
    expect(s).toMatchObject({ medianWaitSeconds: null, transferRate: null, reopenRate: null, fcrRate: null });
  });

  it('is all zeros and nulls for an empty slice', () => {
    expect(sliceStats(ticketTable([]))).toEqual({
      tickets: 0,
      rated: 0,
      satisfied: 0,
      csat: null,
      ci95: null,
      meanScore: null,
      medianWaitSeconds: null,
      transferRate: null,
      reopenRate: null,
      fcrRate: null,
    });
  });
});

describe('firstContactResolution', () => {
  it('prefers an explicit flag, else one contact means resolved on first contact', () => {
    expect(firstContactResolution(ticketTable([ticket({ contacts: 3, firstContactResolved: true })]), 0)).toBe(true);
    expect(firstContactResolution(ticketTable([ticket({ contacts: 1, firstContactResolved: false })]), 0)).toBe(false);
    expect(firstContactResolution(ticketTable([ticket({ contacts: 1 })]), 0)).toBe(true);
    expect(firstContactResolution(ticketTable([ticket({ contacts: 2 })]), 0)).toBe(false);
    expect(firstContactResolution(ticketTable([ticket({})]), 0)).toBeNull();
  });
});
