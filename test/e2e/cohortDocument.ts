import { expect } from 'vitest';
import { runCli } from './cli.js';

/**
 * `cohort … --json` as an object without dataQuality: what the engine paths must print equal
 * to the CSV path (an engine keeps no line numbers and names its own reader). Fails the test
 * when the command does not exit 0.
 */
export async function cohortDocument(args: string[]): Promise<Record<string, unknown>> {
  const { code, out, err } = await runCli(['cohort', ...args, '--json']);
  expect({ code, err: code === 0 ? '' : err }).toEqual({ code: 0, err: '' });
  const doc = JSON.parse(out) as Record<string, unknown>;
  delete doc.dataQuality;
  return doc;
}
