/** The parsed flags of `loyalty prevention`, shared by its command definition (prevention.ts) and its run module, which the definition loads lazily. */
import type { configuredFlags } from './configuredFlags.js';
import type { RawIngestFlags } from './ingestOptions.js';

export interface PreventionFlags extends RawIngestFlags {
  change: string[];
  costPerContact?: string;
  json?: boolean;
  out?: string;
  /** From the config's "rootCauses" (configuredFlags); not a command-line flag. */
  rootCauses?: Record<string, string>;
}

export const PREVENTION_REPORT_FILE = 'prevention.md';

export const CONTACT_RATE_CHART = 'contact-rate';
