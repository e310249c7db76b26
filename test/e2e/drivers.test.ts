import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCsv, tempDir } from './cli.js';

interface Explanation {
  finding: { dimension: string; keys: string[] };
  rawGap: number;
  adjustedGap: number | null;
  ci95: [number, number] | null;
  explainedBy: string | null;
  holds: boolean;
  sentence: string;
}
interface Json {
  model: { n: number; levels: Record<string, { reference: string; levels: string[] }>; dropped: { total: number }; pooled: Record<string, string[]>; status: string };
  effects: Record<string, { key: string; ame: number; ci95: [number, number]; p: number; adjP: number }[]>;
  explanations: Explanation[];
  patterns: { name: string; share: number; effect: number; ci95: [number, number]; p: number; adjP: number }[];
}

const FIXTURE = 'fixtures/tickets.csv';
const CONTROL = 'fixtures/control-tickets.csv';

describe('loyalty drivers on the fixtures', () => {
  it('says the evening gap is explained by agent and the Monday/Tuesday gap by wait', async () => {
    const { code, out } = await runCli(['drivers', FIXTURE, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    const evening = json.explanations.find((e) => e.finding.dimension === 'hour')!;
    expect(evening.finding.keys).toEqual(['16', '17', '18', '19']);
    expect(evening.explainedBy).toBe('agent');
    expect(evening.rawGap).toBeLessThan(-0.1);
    expect(evening.ci95![0]).toBeLessThanOrEqual(0);
    expect(evening.ci95![1]).toBeGreaterThanOrEqual(0);
    expect(Math.abs(evening.adjustedGap!)).toBeLessThanOrEqual(Math.abs(evening.rawGap) / 2);

    const days = json.explanations.filter((e) => e.finding.dimension === 'weekday');
    expect(days.map((e) => e.finding.keys[0]).sort()).toEqual(['Mon', 'Tue']);
    for (const d of days) expect(d.explainedBy).toBe('wait');

    // The junior agents and order status are causes in the generator: they hold.
    const agents = json.explanations.filter((e) => e.finding.dimension === 'agent');
    expect(agents.map((e) => e.finding.keys[0]).sort()).toEqual(['Gus', 'Hana', 'Ivo']);
    for (const a of agents) expect([a.holds, a.explainedBy]).toEqual([true, null]);
    const reason = json.explanations.find((e) => e.finding.dimension === 'reason')!;
    expect([reason.finding.keys, reason.holds]).toEqual([['order status'], true]);
  });

  it('prints the verdicts as sentences with their numbers', async () => {
    const { code, out } = await runCli(['drivers', FIXTURE]);
    expect(code).toBe(0);
    expect(out).toMatch(/Tickets opened 16:00–19:59 score \d+ points lower than other tickets \(95% CI −\d+ to −\d+\), but within each agent the gap is .* \(95% CI −?\d+ to \+?\d+\): explained by who answers \(agent\)\./);
    expect(out).toMatch(/Tickets opened on Mon score \d+ points lower .* among tickets with similar waits .*: explained by how long customers waited \(wait\)\./);
  });

  it('keeps the JSON contract: model, effects, explanations, patterns', async () => {
    const { out } = await runCli(['drivers', FIXTURE, '--json']);
    const json = JSON.parse(out) as Record<string, unknown> & Json;
    expect(Object.keys(json).slice(0, 4)).toEqual(['model', 'effects', 'explanations', 'patterns']);
    expect(Object.keys(json.model).slice(0, 4)).toEqual(['n', 'levels', 'dropped', 'pooled']);
    expect(Object.keys(json.effects)).toEqual(['hour', 'weekday', 'reason', 'channel', 'agent']);
    for (const list of Object.values(json.effects)) {
      for (const e of list) expect(Object.keys(e)).toEqual(['key', 'ame', 'ci95', 'p', 'adjP']);
    }
    for (const e of json.explanations) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['finding', 'rawGap', 'adjustedGap', 'ci95', 'explainedBy', 'holds', 'sentence']));
    }
    expect(json.patterns.map((p) => p.name)).toEqual(['wait', 'transferred', 'reopened', 'repeatContact', 'firstContactResolved']);
    for (const p of json.patterns) expect(Object.keys(p)).toEqual(expect.arrayContaining(['name', 'share', 'effect', 'ci95', 'p']));
    // Agent reference: the agent with most rated tickets; every other agent has an effect.
    expect(json.effects.agent).toHaveLength(json.model.levels.agent.levels.length - 1);
  });

  it('on the control set flags nothing and attributes nothing', async () => {
    const { code, out } = await runCli(['drivers', CONTROL, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(json.model.status).toBe('converged');
    expect(json.explanations).toEqual([]);
    const significant = Object.values(json.effects).flat().filter((e) => e.adjP < 0.05);
    expect(significant).toEqual([]);
    expect(json.patterns.filter((p) => p.adjP < 0.05)).toEqual([]);
  });

  it('--out writes drivers.md and the forest plot, and is byte-identical on a rerun', async () => {
    const dir = join(tempDir(), 'drivers');
    const a = await runCli(['drivers', FIXTURE, '--out', dir]);
    expect(a.code).toBe(0);
    const md = readFileSync(join(dir, 'drivers.md'), 'utf8');
    expect(md).toContain('explained by who answers (agent)');
    expect(md).toContain('## Method');
    const spec = JSON.parse(readFileSync(join(dir, 'drivers-forest.vl.json'), 'utf8'));
    expect(spec.data.values.some((r: { label: string }) => r.label === 'agent: Ben')).toBe(true);
    const again = await runCli(['drivers', FIXTURE, '--json']);
    const once = await runCli(['drivers', FIXTURE, '--json']);
    expect(again.out).toBe(once.out);
  });

  it('without a satisfaction column exits 65 naming the file; a bad flag exits 64; a missing file 66', async () => {
    const file = tempCsv('t.csv', ['customer_id,created_at', 'c1,2014-01-06 10:00:00']);
    const a = await runCli(['drivers', file]);
    expect(a.code).toBe(65);
    expect(a.err).toContain('t.csv');
    const b = await runCli(['drivers', FIXTURE, '--min-rated', 'x']);
    expect(b.code).toBe(64);
    const c = await runCli(['drivers', join(tempDir(), 'nope.csv')]);
    expect(c.code).toBe(66);
    expect(existsSync(join(tempDir(), 'nope.csv'))).toBe(false);
  });

  it('takes e-mail customers, text ids and +HHMM offsets like every other command', async () => {
    const lines = ['ticket_id,customer_id,created_at,satisfaction,agent'];
    for (let i = 0; i < 120; i++) {
      const agent = i % 2 === 0 ? 'Ana' : 'Bo|b';
      const score = agent === 'Ana' ? (i % 10 < 8 ? 5 : 2) : i % 10 < 4 ? 5 : 2;
      lines.push(`#T-${i},User${i % 40}@Example.com,2014-01-${String(6 + (i % 5)).padStart(2, '0')}T${String(9 + (i % 8)).padStart(2, '0')}:15:00+0530,${score},${agent}`);
    }
    const { code, out } = await runCli(['drivers', tempCsv('t.csv', lines), '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    const bob = json.explanations.find((e) => e.finding.dimension === 'agent')!;
    expect(bob.finding.keys).toEqual(['Bo|b']);
    // 24 of 60 vs 48 of 60 satisfied.
    expect(bob.rawGap).toBeCloseTo(24 / 60 - 48 / 60, 12);
  });
});
