import { describe, expect, it } from 'vitest';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { DIALECTS } from '../../src/engines/dialects.js';
import { openDuckDb } from '../../src/engines/duckdbEngine.js';
import { factsSource } from '../../src/engines/factsSource.js';
import { factsSql, factsWindows } from '../../src/engines/factsSql.js';
import { describeTarget, openPostgres } from '../../src/engines/postgresEngine.js';
import { EXIT, UserError } from '../../src/errors.js';
import { POSTGRES_URL } from './engines.js';

const windows = factsWindows(parseCohortWindow('2014-01'), { count: 3, unit: 'm' }, { count: 14, unit: 'd' });

async function failure(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a failure');
}

describe('engine errors are one clear line with an exit code, never a driver trace or a password', () => {
  it('an unreachable PostgreSQL server: 66, naming host, port and database', async () => {
    const e = await failure(openPostgres('postgres://ann:s3cret-pw@127.0.0.1:1/shop'));
    expect(e.exitCode).toBe(EXIT.noInput);
    expect(e.message).toMatch(/^postgres: cannot reach the server at ann@127\.0\.0\.1:1\/shop \(ECONNREFUSED\)/);
    expect(e.message).not.toContain('s3cret-pw');
  });

  it('a wrong password: 66, and the password is not shown', async () => {
    const url = new URL(POSTGRES_URL);
    url.password = 'wrong-secret-pw';
    const e = await failure(openPostgres(url.toString()));
    expect(e.exitCode).toBe(EXIT.noInput);
    expect(e.message).toContain('refused the login');
    expect(e.message).not.toContain('wrong-secret-pw');
  });

  it('a missing table: 65, naming the table', async () => {
    const engine = await openPostgres(POSTGRES_URL);
    try {
      const e = await failure(engine.rows(factsSql(DIALECTS.postgres, factsSource({ orders: 'no_such_orders', tickets: 'no_such_tickets' }, {}, []), windows)));
      expect(e.exitCode).toBe(EXIT.data);
      expect(e.message).toMatch(/relation "no_such_orders" does not exist/);
      expect(e.message).toContain('check the orders and tickets table names');
    } finally {
      await engine.close();
    }
  });

  it('a missing column: 65, naming the column and how to map it', async () => {
    const engine = await openPostgres(POSTGRES_URL);
    try {
      await engine.run('CREATE TEMPORARY TABLE o (customer_id TEXT, order_date DATE, amount NUMERIC)');
      await engine.run('CREATE TEMPORARY TABLE t (customer_id TEXT, created_at TIMESTAMP)');
      const e = await failure(engine.rows(factsSql(DIALECTS.postgres, factsSource({ orders: 'o', tickets: 't' }, {}, []), windows)));
      expect(e.exitCode).toBe(EXIT.data);
      expect(e.message).toMatch(/column "(order_id|status)" does not exist/);
      expect(e.message).toContain('--absent');
    } finally {
      await engine.close();
    }
  });

  it('DuckDB: a missing table is 65 with DuckDB\'s one-line message', async () => {
    const engine = await openDuckDb();
    try {
      const e = await failure(engine.rows(factsSql(DIALECTS.duckdb, factsSource({ orders: 'no_such_orders', tickets: 't' }, {}, []), windows)));
      expect(e.exitCode).toBe(EXIT.data);
      expect(e.message).toMatch(/^duckdb: .*no_such_orders/);
      expect(e.message).not.toContain('\n');
    } finally {
      await engine.close();
    }
  });

  it('describes a target from the URL, then the PG variables, never with the password', () => {
    expect(describeTarget('postgres://ann:pw@db.example:6543/shop', {})).toBe('ann@db.example:6543/shop');
    expect(describeTarget(null, { PGUSER: 'bob', PGHOST: 'h', PGDATABASE: 'd', PGPASSWORD: 'pw' })).toBe('bob@h:5432/d');
    expect(describeTarget('not a url', {})).not.toContain('not a url');
  });
});
