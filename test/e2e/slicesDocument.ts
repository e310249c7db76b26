import { expect } from 'vitest';
import { runCli } from './cli.js';

/** The helpdesk presets whose samples live in fixtures/formats/<name>-tickets.csv. */
export const TICKET_PRESETS = ['zendesk', 'freshdesk', 'gorgias', 'helpscout'];

/**
 * `slices … --json` as an object without dataQuality: what the engine and --facts-in paths must
 * print equal to the CSV path (they keep no line numbers and name their own reader). Fails the
 * test when the command does not exit 0.
 */
export async function slicesDocument(args: string[]): Promise<Record<string, unknown>> {
  const { code, out, err } = await runCli(['slices', ...args, '--json']);
  expect({ code, err: code === 0 ? '' : err }).toEqual({ code: 0, err: '' });
  const doc = JSON.parse(out) as Record<string, unknown>;
  delete doc.dataQuality;
  return doc;
}
