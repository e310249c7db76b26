import { describe, expect, it } from 'vitest';
import { analyzeDrivers } from '../../src/analysis/drivers.js';
import { analyzeSlices } from '../../src/analysis/slices.js';
import { forestPlotSpec, forestRows, forestTitle } from '../../src/report/charts/forestPlot.js';
import { driversJson } from '../../src/report/driversJson.js';
import { driversMarkdown, escapeMarkdown } from '../../src/report/driversMarkdown.js';
import { loaded, rated } from '../analysis/sliceTickets.js';

function example() {
  // Agent *B* (a name Markdown would act on) scores 30 points lower than A (the larger: reference).
  const tickets = loaded([...rated(120, 96, { agent: 'A' }), ...rated(100, 50, { agent: '*B*' })], ['agent']);
  const slices = analyzeSlices(tickets, { by: ['agent'], minRated: 30 });
  return { result: analyzeDrivers(tickets, slices, { minRated: 30 }), quality: tickets.quality };
}

describe('drivers output', () => {
  it('the forest plot has one row per non-reference level, in points, coloured by adjusted p', () => {
    const { result } = example();
    const rows = forestRows(result);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ label: 'agent: *B*', effect: -30, standing: 'lower' });
    const spec = forestPlotSpec(result) as unknown as { data: { values: unknown[] }; layer: unknown[] };
    expect(spec.data.values).toEqual(rows);
    expect(spec.layer).toHaveLength(3);
    // Saturated model: AME −0.3, SE √(0.25/100 + 0.16/120) = 0.0619 → CI −42.1 to −17.9 points.
    expect(forestTitle(result)).toBe('Tickets handled by *B*: −30 points, still −30 (95% CI −42 to −18) after adjusting');
  });

  it('escapes data text in Markdown and keeps the JSON contract order', () => {
    const { result, quality } = example();
    const md = driversMarkdown(result, quality, null);
    expect(md).toContain('Tickets handled by \\*B\\*');
    expect(md).not.toMatch(/handled by \*B\*/);
    expect(escapeMarkdown('a|b_[c]')).toBe('a\\|b\\_\\[c\\]');
    expect(Object.keys(driversJson(result, quality)).slice(0, 4)).toEqual(['model', 'effects', 'explanations', 'patterns']);
  });
});
