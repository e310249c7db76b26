import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { engineComputed } from '../engines/equivalence.js';
import { runCli, tempDir } from './cli.js';

export const ORDERS = 'fixtures/orders.csv';
export const TICKETS = 'fixtures/tickets.csv';
/** Fewer resamples keep the runs fast; the paths resample the same seeded way, so the intervals still compare. */
export const FLAGS = ['--cohort', '2014-01', '--bootstrap', '200', '--fail-on', 'unresolved-share>90%', '--fail-on', 'skipped-rows>50%'];

export interface ReportRun {
  code: number;
  err: string;
  dir: string;
  summary: Record<string, any>;
  md: string;
  html: string;
}

/** `loyalty report ARGS --out DIR` into a fresh directory, its documents read back. */
export async function runReport(args: string[]): Promise<ReportRun> {
  const dir = join(tempDir(), 'report');
  const { code, out, err } = await runCli(['report', ...args, '--out', dir]);
  expect([code, out, err.startsWith('error')]).toEqual([0, '', false]);
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return { code, err, dir, summary: JSON.parse(read('summary.json')), md: read('report.md'), html: read('report.html') };
}

/** A summary.json's cohort and slices documents without dataQuality (each path reads its own inputs) and the in-process-only cohort fields. */
export function tableParts(summary: Record<string, any>): Record<string, unknown> {
  const strip = (doc: Record<string, unknown> | null) => (doc === null ? null : engineComputed(Object.fromEntries(Object.entries(doc).filter(([k]) => k !== 'dataQuality'))));
  return { cohort: strip(summary.cohort), slices: strip(summary.slices) };
}

/** The charts an engine report draws: the in-process report's but drivers-forest and contact-rate (they need ticket rows). */
export function tableCharts(reference: Record<string, any>): string[] {
  return reference.report.charts.filter((c: string) => c !== 'drivers-forest' && c !== 'contact-rate');
}

/**
 * What an engine or exported-table report states instead of the sections that need ticket
 * rows: the sentence where the section would be (report.md, report.html), the section null
 * in summary.json with the sentence under report.notComputed.
 */
export function expectRowSectionsNotComputed(run: ReportRun, where: 'the engine does not return' | 'the exported tables do not hold'): void {
  const drivers = `Drivers are not computed on this path: they need the ticket rows, which ${where}; run the report on the orders and tickets files for them.`;
  const prevention = `Prevention is not computed on this path: it needs the ticket rows (weekly contacts per reason), which ${where}.`;
  const trends = 'Weekly trends need --week, which this path does not take: they count the ticket rows of two weeks.';
  expect(run.summary.report.notComputed).toMatchObject({ drivers, prevention, trends });
  expect([run.summary.drivers, run.summary.prevention, run.summary.trends]).toEqual([null, null, null]);
  expect(run.md).toContain(`\n## Drivers: why satisfaction drops\n\n${drivers}\n`);
  expect(run.md).toContain(`\n## Prevention\n\n${prevention}\n`);
  expect(run.md).toContain(`\n## Weekly trends\n\n${trends}\n`);
  for (const sentence of [drivers, prevention, trends]) expect(run.html).toContain(sentence);
}
