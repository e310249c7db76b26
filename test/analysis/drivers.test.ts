import { describe, expect, it } from 'vitest';
import { analyzeDrivers } from '../../src/analysis/drivers.js';
import { analyzeSlices } from '../../src/analysis/slices.js';
import type { Dimension } from '../../src/analysis/sliceResult.js';
import { loaded, rated, ticket } from './sliceTickets.js';
import type { TicketRecord } from '../../src/model/ticketRecord.js';

function drivers(records: TicketRecord[], by: Dimension[], extra: Parameters<typeof loaded>[1] = []) {
  const tickets = loaded(records, extra);
  const slices = analyzeSlices(tickets, { by, minRated: 30 });
  return { slices, result: analyzeDrivers(tickets, slices, { minRated: 30 }) };
}

/**
 * Evening (hour 18) vs day (hour 10), agents A and B (seniors) and J (junior, 30 points lower).
 * `juniorDay` junior tickets by day; seniors take `seniorEvening` evening tickets.
 */
function shifts(juniorDay: number, seniorEvening: number): TicketRecord[] {
  const out: TicketRecord[] = [];
  const add = (n: number, agent: string, hour: number, csat: number) => out.push(...rated(n, Math.round(n * csat), { agent, hour }));
  add(300 - juniorDay, 'J', 18, 0.5);
  add(juniorDay, 'J', 10, 0.5);
  add(300, 'A', 10, 0.8);
  add(300, 'B', 10, 0.8);
  add(seniorEvening, 'A', 18, 0.8);
  add(seniorEvening, 'B', 18, 0.8);
  return out;
}

describe('analyzeDrivers', () => {
  it('explains an evening gap by agent when the junior also works days and seniors some evenings', () => {
    const { result } = drivers(shifts(100, 40), ['hour', 'agent'], ['agent']);
    const evening = result.explanations.find((e) => e.finding.dimension === 'hour')!;
    expect(evening.finding.keys).toEqual(['18']);
    // Raw: evening 0.5·200 + 0.8·80 satisfied of 280 vs day 0.5·100 + 0.8·600 of 700.
    expect(evening.rawGap).toBeCloseTo((100 + 64) / 280 - (50 + 480) / 700, 12);
    expect(evening.explainedBy).toBe('agent');
    expect(evening.holds).toBe(false);
    // Within every agent evening and day score alike: the MH risk difference is exactly 0.
    const byAgent = evening.checks.find((c) => c.by === 'agent')!;
    expect(byAgent.gap).toBeCloseTo(0, 12);
    expect(evening.adjustedGap).toBeCloseTo(0, 12);
    expect(evening.sentence).toContain('explained by who answers (agent)');
    // The junior's own gap holds after adjusting for the hour.
    const junior = result.explanations.find((e) => e.finding.dimension === 'agent')!;
    expect(junior.finding.keys).toEqual(['J']);
    expect(junior.holds).toBe(true);
    expect(junior.explainedBy).toBeNull();
  });

  it('says the data cannot separate hour and agent when only the junior works evenings and only evenings', () => {
    const { result } = drivers(shifts(0, 0), ['hour', 'agent'], ['agent']);
    const evening = result.explanations.find((e) => e.finding.dimension === 'hour')!;
    expect(evening.inseparableFrom).toEqual(['agent']);
    expect(evening.explainedBy).toBeNull();
    expect(evening.holds).toBe(false);
    expect(evening.sentence).toContain('cannot separate this from who answers (agent)');
    const byAgent = evening.checks.find((c) => c.by === 'agent')!;
    expect(byAgent.overlap).toBe(0);
    expect(byAgent.cramersV).toBeCloseTo(1, 12);
    // The model cannot fit hour 18 and agent J as two columns: it says so instead of a number.
    expect(result.model.status).toBe('singular');
    expect(result.model.caveat).toContain('say the same thing');
    expect(result.effects).toEqual({});
    expect(result.model.collinear.map((p) => [p.a, p.b])).toEqual([['hour', 'agent']]);
  });

  it('draws no verdict from the full model when it holds a factor the data cannot separate from the finding', () => {
    // Hour 18 is J's (50 tickets) and B's (50); hour 10 is A's (150) and J's (10): hour and agent
    // are nearly one classification for the hour-18 finding (Cramér's V 0.93).
    const records = [
      ...rated(10, 5, { agent: 'J', hour: 10 }),
      ...rated(50, 30, { agent: 'J', hour: 18 }),
      ...rated(150, 120, { agent: 'A', hour: 10 }),
      ...rated(50, 33, { agent: 'B', hour: 18 }),
    ];
    const { result } = drivers(records, ['hour', 'agent'], ['agent']);
    const evening = result.explanations.find((e) => e.finding.dimension === 'hour')!;
    expect(evening.inseparableFrom).toEqual(['agent']);
    expect([evening.explainedBy, evening.holds, evening.adjustedGap]).toEqual([null, false, null]);
    expect(evening.checks.find((c) => c.by === 'model')!.inseparable).toBe(true);
    expect(evening.sentence).toContain('The data cannot separate this from who answers (agent)');
    // J's own gap: within each hour it is −13 points, CI reaching zero but not halved (raw −18).
    const junior = result.explanations.find((e) => e.finding.dimension === 'agent')!;
    expect([junior.explainedBy, junior.holds]).toEqual([null, false]);
    // MH risk difference by hour: weights 10·150/160 and 50·50/100, stratum gaps −0.3 and −0.06.
    const w10 = (10 * 150) / 160;
    const w18 = (50 * 50) / 100;
    expect(junior.checks.find((c) => c.by === 'hour')!.gap).toBeCloseTo((w10 * -0.3 + w18 * -0.06) / (w10 + w18), 12);
    expect(junior.sentence).toContain('within each hour it is −13 points');
    expect(junior.sentence).toContain('these data neither explain it nor show it holding');
  });

  it('pools levels with fewer than 30 rated tickets into "(other)" and counts tickets left out for an empty wait', () => {
    // Every wait is the channel's usual one, so wait has a single band and stays out of the model.
    const records = [
      ...rated(200, 150, { agent: 'A', waitSeconds: 60, channel: 'chat' }),
      ...rated(100, 70, { agent: 'B', waitSeconds: 60, channel: 'chat' }),
      ...rated(10, 5, { agent: 'C', waitSeconds: 60, channel: 'chat' }),
      ...rated(12, 6, { agent: 'D', waitSeconds: 60, channel: 'chat' }),
      ...rated(7, 3, { agent: 'A', waitSeconds: null, channel: 'chat' }),
    ];
    const { result } = drivers(records, ['agent'], ['agent', 'channel', 'wait_seconds']);
    expect(result.model.pooled.agent).toEqual(['C', 'D']);
    expect(result.model.levels.agent).toEqual({ reference: 'A', levels: ['A', 'B', '(other)'] });
    expect(result.model.dropped).toEqual({ total: 7, byColumn: { wait_seconds: 7 } });
    expect(result.model.n).toBe(322);
    expect(result.effects.agent!.map((e) => e.key)).toEqual(['B', '(other)']);
  });

  it('a model with one binary factor gives the raw difference as the AME (saturated model)', () => {
    const records = [...rated(100, 80, { agent: 'A' }), ...rated(60, 30, { agent: 'B' })];
    const { result } = drivers(records, ['agent'], ['agent']);
    const b = result.effects.agent![0];
    expect(b.key).toBe('B');
    expect(b.ame).toBeCloseTo(0.5 - 0.8, 9);
    // Delta-method SE of a saturated model = unpooled Wald SE √(p₁q₁/n₁ + p₀q₀/n₀).
    const se = Math.sqrt((0.5 * 0.5) / 60 + (0.8 * 0.2) / 100);
    expect(b.ci95[1] - b.ame).toBeCloseTo(1.959963984540054 * se, 8);
  });

  it('reports separation as a caveat when a level is satisfied on every ticket, never as an effect', () => {
    const records = [...rated(100, 70, { agent: 'A' }), ...rated(40, 40, { agent: 'B' })];
    const { result } = drivers(records, ['agent'], ['agent']);
    expect(result.model.status).toBe('separation');
    expect(result.model.caveat).toContain('agent = B');
    expect(result.effects).toEqual({});
    expect(result.patterns).toEqual([]);
  });

  it('flags a repeat contact within 7 days of the same customer\'s previous ticket', () => {
    // 40 customers write twice, 7 days apart (the second is a repeat), and once more 14 days
    // later (not a repeat); 100 others write once. All on Mondays, so weekday drops out.
    const records: TicketRecord[] = [];
    for (let i = 0; i < 40; i++) {
      const first = ticket({ score: 5 });
      const again = { ...ticket({ score: i % 2 === 0 ? 5 : 2 }), customerId: first.customerId, createdAt: first.createdAt + 7 * 86_400_000 };
      const late = { ...ticket({ score: 5 }), customerId: first.customerId, createdAt: again.createdAt + 14 * 86_400_000 };
      records.push(first, again, late);
    }
    records.push(...rated(100, 70));
    const { result } = drivers(records, ['weekday']);
    const repeat = result.patterns.find((p) => p.name === 'repeatContact')!;
    expect(repeat.share).toBeCloseTo(40 / 220, 12);
    // Repeats: 20 of 40 satisfied; the others 40 + 40 + 70 = 150 of 180. One 0/1 column: saturated.
    expect(repeat.effect).toBeCloseTo(20 / 40 - 150 / 180, 9);
  });

  it('with nothing flagged there is nothing to explain', () => {
    const { result } = drivers([...rated(100, 75, { agent: 'A' }), ...rated(100, 74, { agent: 'B' })], ['agent'], ['agent']);
    expect(result.explanations).toEqual([]);
    expect(result.headline).toBe('No slice differs significantly, so there is no gap to explain.');
  });
});
