import { UsageError } from '../errors.js';
import type { RawIngestFlags } from './ingestOptions.js';

/** The parsed flags of `loyalty slices` (and `drivers`), shared by its command definition (slices.ts) and the modules it loads lazily. */
export interface SlicesFlags extends RawIngestFlags {
  by?: string;
  json?: boolean;
  out?: string;
  minRated: string;
  top: string;
  engine?: string;
  memoryLimit?: string;
  source?: string;
  column?: string[];
  factsIn?: string;
}

export const TOP_HELP = 'reason, channel and agent slices each table and chart shows, the rest summed as "other (K labels)"';

/** --top N: at least 1; the tables and charts stay bounded whatever the number of labels. */
export function parseTop(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 1000) {
    throw new UsageError(`--top "${text}" is not a whole number from 1 to 1000, e.g. --top 25`);
  }
  return n;
}

export function parseMinRated(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--min-rated "${text}" is not a whole number of at least 1, e.g. --min-rated 30`);
  }
  return n;
}
