import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, type DialectName } from '../../src/engines/dialects.js';
import { factsSource, OPTIONAL_SOURCE_COLUMNS } from '../../src/engines/factsSource.js';
import { ticketPeriodSql } from '../../src/engines/ticketPeriodSql.js';
import { ENGINES, useEngine } from './engines.js';
import { rawCsvTable, stage } from './stage.js';

/** The period a report states: the first and last day a usable ticket (with a customer) was opened, its wall clock as stored. */
const TICKETS = [
  'customer_id,created_at',
  ',2013-12-31 08:00:00', //     no customer: not a usable ticket
  ' \t ,2014-06-01 08:00:00', // a blank customer once trimmed: not usable either
  'A,2014-03-02 23:59:59', //    the last usable day, to its last second
  'B,2014-01-05 00:00:00', //    the first usable day, from midnight
  'C,2014-02-10 12:00:00',
];

describe.each(ENGINES)('the ticket period on %s', (_name, open) => {
  const engineOf = useEngine({ beforeAll, beforeEach, afterAll }, open, async (e) => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-ticket-period-'));
    writeFileSync(join(dir, 'tickets.csv'), TICKETS.map((l) => l.replace(/ *\/\/.*$/, '')).join('\n') + '\n');
    await stage(e, 'period_tickets', rawCsvTable(join(dir, 'tickets.csv'), 'tickets'));
  });

  it('runs from the first to the last day a ticket with a customer was opened', async () => {
    const d = DIALECTS[engineOf().name as DialectName];
    const absent = OPTIONAL_SOURCE_COLUMNS.filter((c) => c.startsWith('tickets.'));
    const source = factsSource({ orders: 'none', tickets: 'period_tickets' }, {}, absent);
    expect(await engineOf().rows(ticketPeriodSql(d, source))).toEqual([{ first_day: '2014-01-05', last_day: '2014-03-02' }]);
  });
});
