import { Command } from 'commander';
import type { Run } from './run.js';
import { DEFAULT_SLICE_OPTIONS, DIMENSIONS } from '../analysis/sliceResult.js';
import { configuredFlags } from './configuredFlags.js';
import { addIngestOptions } from './ingestOptions.js';
import type { SlicesFlags } from './slicesFlags.js';

const HELP = `
Separates a slice from its cause. Runs \`loyalty slices\`, then for each low slice it found
checks whether the gap holds or is explained by another factor: the slice's CSAT gap is
stratified by every other dimension (hour, weekday, reason, channel, agent) and by wait
(Mantel–Haenszel), and estimated in a logistic model of all of them together.
"Explained by agent" means: within each agent the gap's 95% CI covers zero and the gap is at
most half of what it was. When two factors are nearly the same thing (e.g. an agent who only
works evenings), it says the data cannot separate them instead of choosing one.

Also gives each level's adjusted effect (average marginal effect in CSAT points vs the
largest level, 95% CI, Benjamini–Hochberg adjusted p) and the service patterns: long waits,
transfers, reopens, repeat contacts and first-contact resolution.

The data are observational: an adjusted gap is an association, not proof that changing the
schedule would change satisfaction.

Examples:
  loyalty drivers tickets.csv
  loyalty drivers tickets.csv --json > drivers.json
  loyalty drivers tickets.csv --out reports/drivers

--out DIR writes drivers.md and drivers-forest.vl.json (a forest plot of adjusted effects).`;

export function driversCommand(select: (run: Run) => void): Command {
  const cmd = new Command('drivers')
    .description('why satisfaction drops: which slice gaps are explained by another factor, and adjusted effects')
    .argument('<tickets>', 'tickets CSV (needs customer_id, created_at and satisfaction)')
    .option('--by <dimensions>', `comma list of ${DIMENSIONS.join(', ')} (default: hour, weekday and every column present)`)
    .option('--json', 'print the result as one JSON document on stdout')
    .option('--out <dir>', 'write drivers.md and the forest plot into DIR')
    .option('--min-rated <n>', 'ratings a slice needs to be flagged, and a level needs to stay out of "(other)"', String(DEFAULT_SLICE_OPTIONS.minRated));
  addIngestOptions(cmd).addHelpText('after', HELP);
  return cmd.action((file: string, flags: SlicesFlags) => select(async (term) => (await import('./driversRun.js')).runDrivers(file, await configuredFlags(cmd, flags), term)));
}
