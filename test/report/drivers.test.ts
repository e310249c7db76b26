import { describe, expect, it } from 'vitest';
import { analyzeDrivers } from '../../src/analysis/drivers.js';
import { analyzeSlices } from '../../src/analysis/slices.js';
import { forestPlotSpec, forestRows, forestTitle } from '../../src/report/charts/forestPlot.js';
import { driversJson } from '../../src/report/driversJson.js';
import { htmlBlocks } from '../../src/report/docHtml.js';
import { markdownBlocks } from '../../src/report/docMarkdown.js';
import { driversMarkdown, driversSection } from '../../src/report/driversMarkdown.js';
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

  it('shrinks the level labels to their row on a fixed slide frame instead of overlapping them', () => {
    // 40 agents: 39 levels against the reference, on a 900 px frame with 18 px type.
    const tickets = loaded(Array.from({ length: 40 }, (_, i) => rated(i === 0 ? 60 : 40, i % 2 ? 30 : 28, { agent: `agent ${i}` })).flat(), ['agent']);
    const result = analyzeDrivers(tickets, analyzeSlices(tickets, { by: ['agent'], minRated: 30 }), { minRated: 30 });
    const rows = forestRows(result).length;
    expect(rows).toBe(39);
    const fontOf = (spec: unknown) => (spec as { layer: { encoding: { y: { axis: { labelFontSize: number } } } }[] }).layer[0].encoding.y.axis.labelFontSize;
    const slide = fontOf(forestPlotSpec(result, { height: 900, fontSize: 18 }));
    expect(slide).toBe(Math.floor((0.75 * (900 - 8 * 18)) / rows)); // 14: below 18, fits a 19 px row
    expect(fontOf(forestPlotSpec(result))).toBe(11); // the default frame grows with the rows instead
  });

  it('escapes data text in Markdown and keeps the JSON contract order', () => {
    const { result, quality } = example();
    const md = driversMarkdown(result, quality, null);
    expect(md).toContain('Tickets handled by \\*B\\*');
    expect(md).not.toMatch(/handled by \*B\*/);
    // Escaped once: the effects table's cell is escaped by markdownTable alone.
    expect(md).toContain('| \\*B\\* |');
    expect(md).not.toContain('\\\\');
    expect(Object.keys(driversJson(result, quality)).slice(0, 4)).toEqual(['model', 'effects', 'explanations', 'patterns']);
  });

  it('sets the model caveat apart from the collinear pairs in both renderings', () => {
    const { result } = example();
    const pair = { a: 'hour' as const, b: 'agent' as const, cramersV: 0.95, sentence: 'Hour and <agent> cannot be told apart.' };
    const blocks = driversSection({ ...result, model: { ...result.model, collinear: [pair], caveat: 'The fit used *few* tickets.' } }, 3);
    expect(markdownBlocks(blocks)).toContain('\n- Hour and \\<agent> cannot be told apart.\n\n**Caveat:** The fit used \\*few\\* tickets.\n\n### Adjusted effects\n');
    expect(htmlBlocks(blocks, new Set(), () => '')).toContain(
      '\n<ul>\n<li>Hour and &lt;agent&gt; cannot be told apart.</li>\n</ul>\n<p><strong>Caveat:</strong> The fit used *few* tickets.</p>\n<h3 id="adjusted-effects">Adjusted effects</h3>\n',
    );
  });
});
