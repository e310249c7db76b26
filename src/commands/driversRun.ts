import { analyzeDrivers } from '../analysis/drivers.js';
import { analyzeSlices } from '../analysis/slices.js';
import { DEFAULT_SLICE_OPTIONS } from '../analysis/sliceResult.js';
import { forestPlotSpec } from '../report/charts/forestPlot.js';
import { driversJson } from '../report/driversJson.js';
import { driversMarkdown } from '../report/driversMarkdown.js';
import { driversTerminal } from '../report/driversTerminal.js';
import { stableJson } from '../report/format.js';
import type { Terminal } from '../terminal.js';
import { statusTerminal } from './statusTerminal.js';
import type { SlicesFlags } from './slicesFlags.js';
import { sliceInputs } from './sliceInputs.js';
import { writeOutputDir } from './writeOutputDir.js';

/**
 * What `loyalty drivers` does once its flags are parsed: a module of its own, imported when
 * the command runs, so that `loyalty --help` does not load the analysis behind it.
 */
export async function runDrivers(file: string, flags: SlicesFlags, term: Terminal): Promise<number> {
  const status = statusTerminal(term, flags);
  const { tickets, by, minRated } = await sliceInputs(file, flags, status);
  // The findings drivers explains are the slices' own; --top only bounds what slices displays.
  const slices = analyzeSlices(tickets, { by, minRated, top: DEFAULT_SLICE_OPTIONS.top });
  const result = analyzeDrivers(tickets, slices, { minRated });
  if (result.model.caveat) status.warn(result.model.caveat);

  if (flags.out !== undefined) {
    const chart = { title: 'Adjusted CSAT effects (forest plot)', file: 'drivers-forest.vl.json' };
    const files = [
      { name: 'drivers.md', content: driversMarkdown(result, tickets.quality, chart) },
      { name: chart.file, content: stableJson(forestPlotSpec(result)) },
    ];
    const { written } = await writeOutputDir(flags.out, files, { last: ['drivers.md'] });
    status.err(`wrote ${written.length} files to ${flags.out}`);
  }
  term.out(flags.json ? stableJson(driversJson(result, tickets.quality)) : driversTerminal(result, term.color));
  return 0;
}
