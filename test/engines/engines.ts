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

/**
 * The vitest hooks of a describe block that runs on one engine: the connection opens once, and
 * every test awaits it in beforeEach, so a missing server fails each test instead of skipping
 * it. `prepare` runs once on the fresh connection (staging tables). Returns the engine getter.
 */
export function useEngine(
  hooks: { beforeAll: (f: () => void) => void; beforeEach: (f: () => Promise<void>) => void; afterAll: (f: () => Promise<void>) => void },
  open: () => Promise<Engine>,
  prepare: (engine: Engine) => Promise<void> = async () => undefined,
): () => Engine {
  let engine: Engine | null = null;
  let opening: Promise<Engine>;
  hooks.beforeAll(() => {
    opening = open().then(async (e) => {
      await prepare(e);
      return e;
    });
    opening.catch(() => undefined);
  });
  hooks.beforeEach(async () => {
    engine = await opening;
  });
  hooks.afterAll(async () => {
    await opening.then((e) => e.close(), () => undefined);
  });
  return () => engine!;
}

/**
 * A PostgreSQL schema of this test file's own (`prefix` and the process id), made fresh before
 * its tests and dropped after, for tables the CLI reads over its own connection (so not
 * temporary). Returns the connection getter and the schema name.
 */
export function usePostgresSchema(
  hooks: { beforeAll: (f: () => Promise<void>) => void; afterAll: (f: () => Promise<void>) => void },
  prefix: string,
): { engineOf: () => Engine; schema: string } {
  const schema = `${prefix}_${process.pid}`;
  let engine: Engine | undefined;
  hooks.beforeAll(async () => {
    engine = await openPostgres(POSTGRES_URL);
    await engine.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await engine.run(`CREATE SCHEMA ${schema}`);
  });
  hooks.afterAll(async () => {
    await engine?.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await engine?.close();
  });
  return { engineOf: () => engine!, schema };
}
