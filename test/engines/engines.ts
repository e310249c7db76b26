import type { Engine } from '../../src/engines/engine.js';
import { openDuckDb } from '../../src/engines/duckdbEngine.js';
import { openPostgres } from '../../src/engines/postgresEngine.js';

/**
 * The engines the SQL tests run on. PostgreSQL is the real server .ci/run installs and starts
 * on localhost (LOYALTY_TEST_POSTGRES overrides the URL); without it the tests fail, they do
 * not skip.
 */
export const POSTGRES_URL = process.env.LOYALTY_TEST_POSTGRES ?? 'postgres://loyalty:loyalty@localhost:5432/loyalty_test';

export const ENGINES: [string, () => Promise<Engine>][] = [
  ['duckdb', () => openDuckDb({ threads: 2 })],
  ['postgres', () => openPostgres(POSTGRES_URL)],
];
