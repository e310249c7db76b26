/** The parsed flags of `loyalty cohort`, shared by its command definition (cohort.ts) and its run module, which the definition loads lazily. */
import type { CohortFlags } from './cohortOptions.js';
import type { RawIngestFlags } from './ingestOptions.js';

export interface CohortCommandFlags extends RawIngestFlags, CohortFlags {
  json?: boolean;
  out?: string;
  facts?: string;
  /** --facts-in FILE: the per-customer facts table to finish from, instead of orders and tickets. */
  factsIn?: string;
  /** --engine duckdb: the facts stage in DuckDB (src/engines); absent: in process. */
  engine?: string;
  memoryLimit?: string;
  /** --source postgres://…: the two arguments name tables in that database. */
  source?: string;
  rowOrder?: string;
  column?: string[];
}

export const REPORT_FILE = 'report.md';

export const CHART_FILE = 'cohorts.vl.json';
