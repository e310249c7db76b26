/** The parsed flags of `loyalty report`, shared by its command definition (report.ts) and its run module, which the definition loads lazily. */
import type { ThemeName } from '../report/theme.js';
import type { CohortFlags } from './cohortOptions.js';
import type { RawIngestFlags } from './ingestOptions.js';

export interface ReportFlags extends RawIngestFlags, CohortFlags {
  out: string;
  asOf?: string;
  week?: string;
  compareTo?: string;
  failOn: string[];
  png?: boolean;
  theme: ThemeName;
  title?: string;
  by?: string;
  minRated: string;
  /** The prevention section's --change, --cost-per-contact and the config's rootCauses. */
  change: string[];
  costPerContact?: string;
  rootCauses?: Record<string, string>;
  top: string;
  /** --engine duckdb / --source postgres://…: cohort and slices computed on the engine (reportTableInputs.ts). */
  engine?: string;
  memoryLimit?: string;
  source?: string;
  rowOrder?: string;
  column?: string[];
  /** --facts-in / --slices-in: the report from the exported facts and slice tables. */
  factsIn?: string;
  slicesIn?: string;
}
