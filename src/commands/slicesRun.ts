import { analyzeSlices } from '../analysis/slices.js';
import { slicesCharts } from '../report/charts/csatCharts.js';
import { stableJson } from '../report/format.js';
import { slicesJson } from '../report/slicesJson.js';
import { slicesMarkdown } from '../report/slicesMarkdown.js';
import { slicesTerminal } from '../report/slicesTerminal.js';
import type { OutputFile } from '../report/write.js';
import type { Terminal } from '../terminal.js';
import { writeOutputDir } from './writeOutputDir.js';
import { statusTerminal } from './statusTerminal.js';
import { parseTop, type SlicesFlags } from './slices.js';
import { sliceInputs } from './sliceInputs.js';

/**
 * What `loyalty slices` does once its flags are parsed: a module of its own, imported when the
 * command runs, so that `loyalty --help` does not load the analysis and report code behind it.
 */
export async function runSlices(file: string, flags: SlicesFlags, term: Terminal): Promise<number> {
  // Every flag is checked before the file is read, so a typo fails fast.
  const top = parseTop(flags.top);
  const status = statusTerminal(term, flags);
  const { tickets, by, minRated } = await sliceInputs(file, flags, status);

  const result = analyzeSlices(tickets, { by, minRated, top });

  if (flags.out !== undefined) {
    const charts = slicesCharts(result);
    const files: OutputFile[] = [
      { name: 'slices.md', content: slicesMarkdown(result, tickets.quality, charts.map((c) => ({ title: c.title, file: `${c.name}.vl.json` }))) },
      ...charts.map((c) => ({ name: `${c.name}.vl.json`, content: stableJson(c.spec) })),
    ];
    const { written } = await writeOutputDir(flags.out, files, { last: ['slices.md'] });
    status.err(`wrote ${written.length} files to ${flags.out}`);
  }
  term.out(flags.json ? stableJson(slicesJson(result, tickets.quality)) : slicesTerminal(result, term.color));
  return 0;
}

