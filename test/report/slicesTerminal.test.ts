import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { analyzeSlices } from '../../src/analysis/slices.js';
import { slicesTerminal } from '../../src/report/slicesTerminal.js';
import { loaded, many, rated } from '../analysis/sliceTickets.js';

const records = [
  ...rated(80, 70, { weekday: 0, reason: 'billing' }),
  ...many(10, { weekday: 0, reason: null, score: null }),
  ...rated(40, 10, { weekday: 2, reason: 'order status' }),
];
const result = analyzeSlices(loaded(records, ['reason']), { by: ['reason'], minRated: 30 });

describe('slicesTerminal', () => {
  it('prints the overall line, a table per dimension with its test, and the ranked findings', () => {
    expect(slicesTerminal(result, new Chalk({ level: 0 }))).toBe(
      [
        'Overall: 130 tickets, 120 rated, CSAT 66.7% (95% CI 57.8–74.5%)',
        '',
        'By reason',
        'Reason        Tickets  Share  Rated   CSAT      95% CI  Mean score  Adj. p  Flag',
        '────────────  ───────  ─────  ─────  ─────  ──────────  ──────────  ──────  ──────',
        'billing            80  61.5%     80  87.5%  78.5–93.1%        4.63  <0.001  ▲ high',
        'order status       40  30.8%     40  25.0%  14.2–40.2%        2.75  <0.001  ▼ low',
        '(none)             10   7.7%      0      –           –           –       –',
        'Chi-square test: χ² = 46.88, df = 1, p < 0.001: satisfaction differs by reason.',
        '',
        '▼ low / ▲ high: CSAT differs from all other tickets (Benjamini–Hochberg adjusted p < 0.05, at least 30 rated). (n<30): too few ratings to flag.',
        '',
        'Findings (largest shortfall in satisfied tickets first)',
        '  1. Contacts about order status have 25% CSAT (95% CI 14–40%) vs 67% overall (40 rated; adjusted p < 0.001).',
        '',
        'Fix first: contacts about order status, which fall 17 satisfied tickets short of the overall CSAT.',
      ].join('\n'),
    );
  });

  it('colours flags when colour is on, and says plainly when nothing is flagged', () => {
    const coloured = slicesTerminal(result, new Chalk({ level: 1 }));
    expect(coloured).toContain('\u001b[31m▼ low');
    expect(coloured).toContain('\u001b[36m▲ high');
    const calm = analyzeSlices(loaded(rated(40, 30, { reason: 'x' }), ['reason']), { by: ['reason'], minRated: 30 });
    expect(slicesTerminal(calm, new Chalk({ level: 0 }))).toContain(
      'Findings (largest shortfall in satisfied tickets first)\n  No slice differs significantly from the overall CSAT of 75% (n = 40 rated).',
    );
  });
});
