import { EXIT, UserError } from '../errors.js';
import type { Engine } from './engine.js';

/**
 * PostgreSQL through `pg`. The connection comes from a postgres:// URL or, for every part the
 * URL leaves out, from the standard variables (PGHOST, PGPORT, PGUSER, PGPASSWORD,
 * PGDATABASE), as psql reads them. Messages name the host and database, never the password.
 */
export async function openPostgres(url: string | null): Promise<Engine> {
  const pg = (await import('pg')).default;
  const client = new pg.Client(url === null ? {} : { connectionString: url });
  const where = describeTarget(url);
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw postgresError(e, where);
  }
  // Every value as the server's text: numeric sums keep their exact digits, dates stay dates.
  const raw = { getTypeParser: () => (value: string) => value };
  return {
    name: 'postgres',
    run: async (sql) => {
      try {
        await client.query(sql);
      } catch (e) {
        throw postgresError(e, where);
      }
    },
    rows: async (sql) => {
      try {
        const result = await client.query({ text: sql, types: raw as never });
        return result.rows as Record<string, string | null>[];
      } catch (e) {
        throw postgresError(e, where);
      }
    },
    batches: async (sql, onBatch, batchSize = FETCH_ROWS) => {
      // A cursor lives in a transaction; READ ONLY, as the query only reads.
      try {
        await client.query('BEGIN READ ONLY');
        await client.query(`DECLARE loyalty_rows NO SCROLL CURSOR FOR\n${sql}`);
        for (;;) {
          const result = await client.query({ text: `FETCH FORWARD ${batchSize} FROM loyalty_rows`, types: raw as never });
          if (result.rows.length > 0) onBatch(result.rows as Record<string, string | null>[]);
          if (result.rows.length < batchSize) break;
        }
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e instanceof UserError ? e : postgresError(e, where);
      }
    },
    columnNames: async (sql) => {
      try {
        const result = await client.query({ text: `SELECT * FROM (${sql}) AS q LIMIT 0`, types: raw as never });
        return result.fields.map((f) => f.name);
      } catch (e) {
        throw postgresError(e, where);
      }
    },
    close: () => client.end(),
  };
}

/** Rows fetched from a cursor at a time: a few MB of facts rows, few round trips. */
const FETCH_ROWS = 10_000;

/** user@host:port/database of a URL or of the PG* variables, without the password. */
export function describeTarget(url: string | null, env: NodeJS.ProcessEnv = process.env): string {
  let user = env.PGUSER ?? null;
  let host = env.PGHOST ?? 'localhost';
  let port = env.PGPORT ?? '5432';
  let database = env.PGDATABASE ?? null;
  if (url !== null) {
    try {
      const u = new URL(url);
      user = decodeURIComponent(u.username) || user;
      host = u.hostname || host;
      port = u.port || port;
      database = decodeURIComponent(u.pathname.replace(/^\//, '')) || database;
    } catch {
      return 'the given postgres:// URL (not a valid URL)';
    }
  }
  return `${user === null ? '' : `${user}@`}${host}:${port}/${database ?? user ?? ''}`;
}

/**
 * A driver error → one sentence a user can act on, with the exit code of its kind: the server
 * cannot be reached or refuses the login (66, the input is unavailable); a table or column is
 * missing or a value has the wrong type (65, the data is not as described).
 */
export function postgresError(e: unknown, where: string): UserError {
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  const detail = (err.message ?? String(e)).split('\n')[0]!.replace(/password=\S+/g, 'password=***');
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'].includes(code)) {
    return new UserError(`postgres: cannot reach the server at ${where} (${code}); check that it runs and the host and port are right`, EXIT.noInput);
  }
  if (code === '28P01' || code === '28000') {
    return new UserError(`postgres: the server at ${where} refused the login (${detail}); check the user and password (URL or PGPASSWORD)`, EXIT.noInput);
  }
  if (code === '3D000') return new UserError(`postgres: ${detail} at ${where}; check the database name`, EXIT.noInput);
  if (code === '42P01') return new UserError(`postgres: ${detail} at ${where}; check the orders and tickets table names (schema.table)`, EXIT.data);
  if (code === '42703') return new UserError(`postgres: ${detail} at ${where}; name the column with --column role.column=NAME or list it in --absent`, EXIT.data);
  if (code.startsWith('22') || code === '42883' || code === '42804') {
    return new UserError(`postgres: ${detail} at ${where}; check the column types (dates as DATE or TIMESTAMP, amounts as numbers)`, EXIT.data);
  }
  return new UserError(`postgres: ${detail} at ${where}`, EXIT.data);
}
