import { runPreventionAnalysis } from '../analysis/prevention.js';
import { parseChange, parseCostPerContact, parseRootCauses } from '../analysis/preventionOptions.js';
import type { PreventionOptions } from '../analysis/preventionResult.js';
import { assertReadable } from '../ingest/load.js';
import { readTickets } from '../ingest/readTickets.js';
import type { FileQuality, IngestOptions, LoadedOrders, LoadedTickets } from '../ingest/records.js';
import { contactRateSpec } from '../report/charts/contactRate.js';
import { stableJson } from '../report/format.js';
import { preventionJson } from '../report/preventionJson.js';
import { preventionMarkdown } from '../report/preventionMarkdown.js';
import { preventionTerminal } from '../report/preventionTerminal.js';
import type { Terminal } from '../terminal.js';
import { ingestOptionsFrom } from './ingestOptions.js';
import { loadInputs } from './loadInputs.js';
import { CONTACT_RATE_CHART, PREVENTION_REPORT_FILE, type PreventionFlags } from './preventionFlags.js';
import { warnAboutQuality } from './qualityWarnings.js';
import { readProgress } from './readProgress.js';
import { statusTerminal } from './statusTerminal.js';
import { writeOutputDir } from './writeOutputDir.js';

/**
 * What `loyalty prevention` does once its flags are parsed: a module of its own, imported when
 * the command runs, so that `loyalty --help` does not load the analysis and report code behind it.
 */
export async function runPrevention(ordersFile: string | null, ticketsFile: string, flags: PreventionFlags, term: Terminal): Promise<number> {
  // Every flag is checked before a file is read, so a typo fails fast on a large export.
  const options = preventionOptionsFrom(flags);
  const ingest = ingestOptionsFrom(flags);
  const status = statusTerminal(term, flags);
  const { orders, tickets, quality } = await load(ordersFile, ticketsFile, ingest, flags, status);

  const result = runPreventionAnalysis(orders, tickets, options);

  if (flags.out !== undefined) {
    const chart = `${CONTACT_RATE_CHART}.vl.json`;
    const files = [
      { name: PREVENTION_REPORT_FILE, content: preventionMarkdown(result, quality, chart) },
      { name: chart, content: stableJson(contactRateSpec(result)) },
    ];
    const { written } = await writeOutputDir(flags.out, files, { last: [PREVENTION_REPORT_FILE] });
    status.err(`wrote ${written.join(', ')}`);
  }
  term.out(flags.json ? stableJson(preventionJson(result, quality)) : preventionTerminal(result, term.color));
  for (const c of result.changes) {
    if (c.caveat === 'after-too-short' || c.caveat === 'no-after-week') status.warn(`--change "${c.reason}@${c.date}": only ${c.afterWeeks} full week(s) after the change; too early to tell`);
  }
  return 0;
}

export function preventionOptionsFrom(flags: Pick<PreventionFlags, 'change' | 'costPerContact' | 'rootCauses'>): PreventionOptions {
  return {
    changes: (flags.change ?? []).map(parseChange),
    costPerContact: parseCostPerContact(flags.costPerContact),
    rootCauses: parseRootCauses(flags.rootCauses),
  };
}

async function load(
  ordersFile: string | null,
  ticketsFile: string,
  ingest: IngestOptions,
  flags: PreventionFlags,
  term: Terminal,
): Promise<{ orders: LoadedOrders | null; tickets: LoadedTickets; quality: { orders?: FileQuality; tickets: FileQuality } }> {
  if (ordersFile !== null) {
    const inputs = await loadInputs(ordersFile, ticketsFile, ingest, flags, term);
    return { orders: inputs.orders, tickets: inputs.tickets, quality: inputs.quality };
  }
  await assertReadable(ticketsFile, 'tickets');
  const tickets = await readTickets(ticketsFile, ingest, readProgress(term, flags, ticketsFile));
  warnAboutQuality(tickets.quality, term);
  return { orders: null, tickets, quality: { tickets: tickets.quality } };
}
