import type { CohortResult } from '../analysis/cohortResult.js';
import { OutputError } from '../errors.js';
import type { CustomerFactsTable } from '../model/customerFacts.js';
import { adjustedVsRawSpec } from '../report/charts/adjustedVsRaw.js';
import { repurchaseChartSpec } from '../report/charts/repurchase.js';
import { monthlyGapsSpec } from '../report/charts/monthlyGaps.js';
import { factsCsv, recoveryCsv } from '../report/factsCsv.js';
import { stableJson } from '../report/format.js';
import { writeAtomic, type OutputFile } from '../report/write.js';

export const FACTS_FILE = 'facts.csv';
export const RECOVERY_FILE = 'recovery.csv';
export const REPURCHASE_CHART = 'repurchase.vl.json';
export const ADJUSTED_CHART = 'adjusted-vs-raw.vl.json';
export const MONTHLY_CHART = 'monthly-gaps.vl.json';

/** The adjusted comparison's --out files: facts.csv, recovery.csv and the two charts' specs. */
export function adjustedOutFiles(result: CohortResult, facts: CustomerFactsTable): { files: OutputFile[]; charts: { title: string; file: string }[] } {
  const a = result.adjustment;
  if (a === undefined) return { files: [], charts: [] };
  const files: OutputFile[] = [
    { name: FACTS_FILE, content: factsCsv(facts) },
    { name: RECOVERY_FILE, content: recoveryCsv(facts, a.revenueAtStake.perCustomer) },
  ];
  const charts: { title: string; file: string }[] = [];
  const gaps = adjustedVsRawSpec(result, a);
  if (gaps !== null) {
    files.push({ name: ADJUSTED_CHART, content: stableJson(gaps) });
    charts.push({ title: 'Raw and adjusted gaps in later spend', file: ADJUSTED_CHART });
  }
  const repurchase = repurchaseChartSpec(result, a);
  if (repurchase !== null) {
    files.push({ name: REPURCHASE_CHART, content: stableJson(repurchase) });
    charts.push({ title: 'Share of customers not yet back, by group', file: REPURCHASE_CHART });
  }
  if (result.monthly !== undefined) {
    const title = 'Resolved − unresolved gap by cohort month';
    files.push({ name: MONTHLY_CHART, content: stableJson(monthlyGapsSpec(result.monthly, a.revenueAtStake.currency, title)) });
    charts.push({ title, file: MONTHLY_CHART });
  }
  return { files, charts };
}

/** --facts FILE: Parquet when the name ends in .parquet (any case), CSV otherwise; written atomically. */
export async function writeFactsFile(path: string, facts: CustomerFactsTable): Promise<void> {
  const content = /\.parquet$/i.test(path) ? await (await import('../report/factsParquet.js')).factsParquet(facts) : factsCsv(facts);
  try {
    await writeAtomic(path, content);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new OutputError(`cannot write --facts ${path} (${code}); check that its directory exists and is writable.`);
  }
}
