import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, usePostgresSchema } from '../engines/engines.js';
import { rawCsvTable, stage } from '../engines/stage.js';
import { expectRowSectionsNotComputed, FLAGS, ORDERS, runReport, tableCharts, tableParts, TICKETS } from './reportTables.js';

/**
 * `report --source postgres://…` against the real server .ci/run starts, on the fixtures
 * staged with their line numbers: the in-process report's cohort and slices documents (but
 * dataQuality), ticket period, checks and charts; drivers, prevention and trends said not computed.
 */
describe('loyalty report --source postgres://', () => {
  const { engineOf, schema: SCHEMA } = usePostgresSchema({ beforeAll, afterAll }, 'loyalty_report');

  it('gives the in-process report but for the sections that need ticket rows', async () => {
    await stage(engineOf(), `${SCHEMA}.orders`, rawCsvTable(ORDERS, 'orders'), false);
    await stage(engineOf(), `${SCHEMA}.tickets`, rawCsvTable(TICKETS, 'tickets'), false);
    const reference = await runReport([ORDERS, TICKETS, ...FLAGS]);
    const source = await runReport(['--source', POSTGRES_URL, `${SCHEMA}.orders`, `${SCHEMA}.tickets`, '--row-order', 'line', ...FLAGS]);
    expect(tableParts(source.summary)).toEqual(tableParts(reference.summary));
    expect(tableParts(source.summary).cohort).not.toBeNull();
    expect(tableParts(source.summary).slices).not.toBeNull();
    expect(source.summary.report.ticketPeriod).toEqual({ start: '2014-01-01', end: '2014-04-30' });
    expect(source.summary.checks).toEqual(reference.summary.checks);
    expect(source.summary.report.charts).toEqual(tableCharts(reference.summary));
    for (const chart of source.summary.report.charts) {
      expect({ chart, svg: readFileSync(join(source.dir, `${chart}.svg`), 'utf8') }).toEqual({ chart, svg: readFileSync(join(reference.dir, `${chart}.svg`), 'utf8') });
    }
    expectRowSectionsNotComputed(source, 'the engine does not return');
    expect(source.md).toContain(`Orders: \`postgres loyalty@localhost:5432/loyalty_test table ${SCHEMA}.orders\``);
  }, 60_000);
});
