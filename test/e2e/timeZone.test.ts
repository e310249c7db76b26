import { describe, expect, it } from 'vitest';
import { runCli, tempCsv } from './cli.js';

/**
 * --tz end to end: tickets just after a transition inside a UTC hour land in the hour Intl gives.
 * St John's sprang forward at 05:30 UTC on 2014-03-09 (02:00 NST → 03:00 NDT), Adelaide at 16:30
 * UTC on 2025-10-04 (02:00 ACST → 03:00 ACDT). Expected hours from Intl.DateTimeFormat.
 */
const TICKETS = tempCsv('tickets.csv', [
  'customer_id,created_at,satisfaction',
  'a,2014-03-09T05:15:00Z,5', // 01:45 NST
  'b,2014-03-09T05:45:00Z,5', // 03:15 NDT (the per-hour cache said 02:15)
  'c,2025-10-04T16:45:00Z,4', // Adelaide 03:15 ACDT (the per-hour cache said 02:15)
]);

async function hours(zone: string): Promise<[string, number][]> {
  const { code, out } = await runCli(['slices', TICKETS, '--by', 'hour', '--tz', zone, '--json', '--min-rated', '1']);
  expect(code).toBe(0);
  const json = JSON.parse(out) as { dimensions: { hour: { key: string; tickets: number }[] } };
  return json.dimensions.hour.filter((h) => h.tickets > 0).map((h) => [h.key, h.tickets]);
}

describe('--tz puts each ticket in the hour of the wall clock', () => {
  it('in St John\'s, across a transition at 05:30 UTC', async () => {
    expect(await hours('America/St_Johns')).toEqual([
      ['01', 1],
      ['03', 1],
      ['14', 1],
    ]);
  });

  it('in Adelaide, across a transition at 16:30 UTC', async () => {
    expect(await hours('Australia/Adelaide')).toEqual([
      ['03', 1],
      ['15', 1],
      ['16', 1],
    ]);
  });
});
