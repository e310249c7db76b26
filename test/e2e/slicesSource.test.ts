import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTickets } from '../../src/ingest/readTickets.js';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/records.js';
import { writeEdgeCases } from '../engines/edgeCases.js';
import { POSTGRES_URL, usePostgresSchema } from '../engines/engines.js';
import { presentTicketsTable, rawCsvTable, stage } from '../engines/stage.js';
import { runCli } from './cli.js';
import { slicesDocument, TICKET_PRESETS } from './slicesDocument.js';

/**
 * `slices --source postgres://…` against the real server .ci/run starts: ticket tables in a
 * schema of this run's own, loaded from the CSV files' raw cells (dates as TIMESTAMP) or, for
 * the preset samples, as loyalty reads them; the JSON equals the CSV path's except dataQuality.
 */

describe('loyalty slices --source postgres://', () => {
  const { engineOf, schema: SCHEMA } = usePostgresSchema({ beforeAll, afterAll }, 'loyalty_slices');

  it('prints the JSON of the CSV path on fixtures/tickets.csv, with and without --by and --min-rated', async () => {
    await stage(engineOf(), `${SCHEMA}.tickets`, rawCsvTable('fixtures/tickets.csv', 'tickets'), false);
    expect(await slicesDocument(['--source', POSTGRES_URL, `${SCHEMA}.tickets`])).toEqual(await slicesDocument(['fixtures/tickets.csv']));
    const flags = ['--by', 'agent,weekday', '--min-rated', '10'];
    expect(await slicesDocument(['--source', POSTGRES_URL, `${SCHEMA}.tickets`, ...flags])).toEqual(await slicesDocument(['fixtures/tickets.csv', ...flags]));
  });

  it.each([4, 5])('prints the JSON of the CSV path on seeded edge-case tickets (labels, waits, counts; seed %i)', async (seed) => {
    const files = writeEdgeCases(mkdtempSync(join(tmpdir(), 'loyalty-slices-pg-')), seed, true);
    await stage(engineOf(), `${SCHEMA}.edge_${seed}`, rawCsvTable(files.tickets, 'tickets'), false);
    expect(await slicesDocument(['--source', POSTGRES_URL, `${SCHEMA}.edge_${seed}`])).toEqual(await slicesDocument([files.tickets]));
  });

  it('prints the JSON of the CSV path on every preset tickets sample, staged as loyalty reads it', async () => {
    for (const preset of TICKET_PRESETS) {
      const file = `fixtures/formats/${preset}-tickets.csv`;
      await stage(engineOf(), `${SCHEMA}.${preset}`, presentTicketsTable(await readTickets(file, DEFAULT_INGEST_OPTIONS)), false);
      expect({ preset, doc: await slicesDocument(['--source', POSTGRES_URL, `${SCHEMA}.${preset}`]) }).toEqual({ preset, doc: await slicesDocument([file]) });
    }
  });

  it('reads a renamed column with --column, and names the table when the satisfaction column is missing (65)', async () => {
    await stage(engineOf(), `${SCHEMA}.source`, rawCsvTable('fixtures/tickets.csv', 'tickets'), false);
    await engineOf().run(`CREATE TABLE ${SCHEMA}.renamed AS SELECT customer_id, created_at, satisfaction AS csat, reason AS topic, wait_seconds, transfers, reopens, contacts FROM ${SCHEMA}.source`);
    const renamed = await slicesDocument(['--source', POSTGRES_URL, `${SCHEMA}.renamed`, '--column', 'tickets.satisfaction=csat', '--column', 'tickets.reason=topic', '--by', 'reason']);
    expect(renamed).toEqual(await slicesDocument(['fixtures/tickets.csv', '--by', 'reason']));
    const { code, out, err } = await runCli(['slices', '--source', POSTGRES_URL, `${SCHEMA}.renamed`]);
    expect([code, out]).toEqual([65, '']);
    expect(err).toBe(`error: CSAT needs a satisfaction column, and postgres loyalty@localhost:5432/loyalty_test table ${SCHEMA}.renamed has none; name the column that holds the scores with --column tickets.satisfaction=NAME\n`);
  });
});
