import { analyzeDrivers } from '../analysis/drivers.js';
import { assertSatisfactionColumn, parseDimensions, resolveDimensions } from '../analysis/sliceDimensions.js';
import type { Dimension } from '../analysis/sliceResult.js';
import { analyzeSlices } from '../analysis/slices.js';
import { loadTickets } from '../ingest/load.js';
import { forestPlotSpec } from '../report/charts/forestPlot.js';
import { driversJson } from '../report/driversJson.js';
import { driversMarkdown } from '../report/driversMarkdown.js';
import { driversTerminal } from '../report/driversTerminal.js';
import { stableJson } from '../report/format.js';
import type { Terminal } from '../terminal.js';
import { ingestOptionsFrom } from './ingestOptions.js';
import { warnAboutQuality } from './qualityWarnings.js';
import { readProgress } from './readProgress.js';
import { parseMinRated, type SlicesFlags } from './slices.js';
import { writeOutputDir } from './writeOutputDir.js';

/**
 * What `loyalty drivers` does once its flags are parsed: a module of its own, imported when
 * the command runs, so that `loyalty --help` does not load the analysis behind it.
 */
export async function runDrivers(file: string, flags: SlicesFlags, term: Terminal): Promise<number> {
  const requested: Dimension[] | null = flags.by === undefined ? null : parseDimensions(flags.by);
  const minRated = parseMinRated(flags.minRated);
  const ingest = ingestOptionsFrom(flags);

  const tickets = await loadTickets(file, ingest, readProgress(term, flags, file));
  assertSatisfactionColumn(tickets.present, tickets.quality.file);
  const by = resolveDimensions(requested, tickets.present, tickets.quality.file);
  warnAboutQuality(tickets.quality, term);

  const slices = analyzeSlices(tickets, { by, minRated });
  const result = analyzeDrivers(tickets, slices, { minRated });
  if (result.model.caveat) term.warn(result.model.caveat);

  if (flags.out !== undefined) {
    const chart = { title: 'Adjusted CSAT effects (forest plot)', file: 'drivers-forest.vl.json' };
    const files = [
      { name: 'drivers.md', content: driversMarkdown(result, tickets.quality, chart) },
      { name: chart.file, content: stableJson(forestPlotSpec(result)) },
    ];
    const written = await writeOutputDir(flags.out, files, ['drivers.md']);
    term.err(`wrote ${written.length} files to ${flags.out}`);
  }
  term.out(flags.json ? stableJson(driversJson(result, tickets.quality)) : driversTerminal(result, term.color));
  return 0;
}
