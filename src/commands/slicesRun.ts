import { analyzeSliceTable } from '../analysis/slices.js';
import { sliceTableOf, type SliceTable } from '../analysis/sliceTable.js';
import type { Dimension } from '../analysis/sliceResult.js';
import { UsageError } from '../errors.js';
import type { FileQuality } from '../ingest/records.js';
import { slicesCharts } from '../report/charts/csatCharts.js';
import { stableJson } from '../report/format.js';
import { slicesJson } from '../report/slicesJson.js';
import { slicesMarkdown } from '../report/slicesMarkdown.js';
import { slicesTerminal } from '../report/slicesTerminal.js';
import type { OutputFile } from '../report/write.js';
import type { Terminal } from '../terminal.js';
import { writeOutputDir } from './writeOutputDir.js';
import { statusTerminal } from './statusTerminal.js';
import { parseTop, type SlicesFlags } from './slicesFlags.js';
import { sliceInputs } from './sliceInputs.js';
import { sliceTableInputs } from './sliceTableInputs.js';

/**
 * What `loyalty slices` does once its flags are parsed: a module of its own, imported when the
 * command runs, so that `loyalty --help` does not load the analysis and report code behind it.
 */
export async function runSlices(file: string | undefined, flags: SlicesFlags, term: Terminal): Promise<number> {
  // Every flag is checked before the file is read, so a typo fails fast.
  const top = parseTop(flags.top);
  const status = statusTerminal(term, flags);
  const { table, quality, by, minRated } = await sliceTable(file, flags, status);

  const result = analyzeSliceTable(table, { by, minRated, top });

  if (flags.out !== undefined) {
    const charts = slicesCharts(result);
    const files: OutputFile[] = [
      { name: 'slices.md', content: slicesMarkdown(result, quality, charts.map((c) => ({ title: c.title, file: `${c.name}.vl.json` }))) },
      ...charts.map((c) => ({ name: `${c.name}.vl.json`, content: stableJson(c.spec) })),
    ];
    const { written } = await writeOutputDir(flags.out, files, { last: ['slices.md'] });
    status.err(`wrote ${written.length} files to ${flags.out}`);
  }
  term.out(flags.json ? stableJson(slicesJson(result, quality)) : slicesTerminal(result, term.color));
  return 0;
}


/** The slice table: from the tickets file in process, or from an engine or an exported table. */
async function sliceTable(file: string | undefined, flags: SlicesFlags, term: Terminal): Promise<{ table: SliceTable; quality: FileQuality; by: Dimension[]; minRated: number }> {
  if (flags.factsIn !== undefined || flags.engine !== undefined || flags.source !== undefined) return sliceTableInputs(file, flags, term);
  if (file === undefined) throw new UsageError('slices needs a tickets file, e.g. loyalty slices tickets.csv (or --facts-in slices.csv)');
  const { tickets, by, minRated } = await sliceInputs(file, flags, term);
  return { table: sliceTableOf(tickets), quality: tickets.quality, by, minRated };
}
