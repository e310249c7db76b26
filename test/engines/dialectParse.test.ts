import { describe, expect, it } from 'vitest';
import pkg from 'node-sql-parser';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { DIALECT_NAMES, DIALECTS, type DialectName } from '../../src/engines/dialects.js';
import { factsSource } from '../../src/engines/factsSource.js';
import { factsSql, factsWindows } from '../../src/engines/factsSql.js';
import { sliceTableSql } from '../../src/engines/sliceTableSql.js';
import { ticketRowsSql } from '../../src/engines/ticketsSql.js';

const { Parser } = pkg;

/**
 * Every dialect's facts query parsed by node-sql-parser's grammar for that engine, where it
 * has one: bigquery, snowflake, trino (and athena, Presto's) and postgresql. It has none for
 * DuckDB (checked with the postgresql grammar, whose syntax DuckDB's follows, and run live in
 * equivalence.test.ts) nor for Spark: its Hive grammar reads everything but the standard
 * TRIM(BOTH chars FROM text) Spark documents, so that one call is reduced to TRIM(text) before
 * parsing and checked by the assertion below instead. A grammar check is syntax only: it does
 * not know which functions an engine has; DuckDB and PostgreSQL run the SQL live.
 */
const GRAMMARS: Record<DialectName, string[]> = {
  duckdb: ['postgresql'],
  postgres: ['postgresql'],
  bigquery: ['bigquery'],
  snowflake: ['snowflake'],
  spark: ['hive'],
  trino: ['trino', 'athena'],
};

const windows = factsWindows(parseCohortWindow('2014-01'), { count: 3, unit: 'm' }, { count: 14, unit: 'd' });

const SOURCES = {
  'canonical names, row order': factsSource({ orders: 'orders', tickets: 'tickets' }, { 'orders.row_order': 'line' }, []),
  'no row order, no optional ticket columns': factsSource({ orders: 'orders', tickets: 'tickets' }, {}, ['tickets.order_id', 'tickets.status', 'tickets.resolved', 'tickets.satisfaction', 'orders.status']),
  'resolved column without status': factsSource({ orders: 'shop.orders', tickets: 'support.tickets' }, { 'orders.amount': 'Total Price', 'tickets.created_at': 'order' }, ['tickets.status']),
};

describe.each(DIALECT_NAMES)('the %s facts query', (name) => {
  for (const [label, source] of Object.entries(SOURCES)) {
    it(`parses (${label})`, () => {
      let sql = factsSql(DIALECTS[name], source, windows);
      if (name === 'spark') {
        expect(sql).toContain('TRIM(BOTH w.chars FROM CAST(');
        sql = sql.replaceAll(/TRIM\(BOTH w\.chars FROM /g, 'TRIM(');
      }
      for (const database of GRAMMARS[name]) {
        const ast = new Parser().astify(sql, { database });
        expect(Array.isArray(ast) ? ast[0]!.type : ast.type).toBe('select');
      }
    });
  }
});

const SLICE_SOURCES = {
  'every ticket column': factsSource({ orders: 'orders', tickets: 'support.tickets' }, { 'tickets.reason': 'Topic Name' }, []),
  'no labels, no operational columns': factsSource({ orders: 'orders', tickets: 'tickets' }, {}, [
    'tickets.reason', 'tickets.channel', 'tickets.agent', 'tickets.wait_seconds', 'tickets.first_response_at',
    'tickets.transfers', 'tickets.reopens', 'tickets.contacts', 'tickets.first_contact_resolved',
  ]),
};

describe.each(DIALECT_NAMES)('the %s slice table queries', (name) => {
  for (const [label, source] of Object.entries(SLICE_SOURCES)) {
    it(`parse (${label})`, () => {
      for (let sql of [sliceTableSql(DIALECTS[name], source), ticketRowsSql(DIALECTS[name], source)]) {
        if (name === 'spark') sql = sql.replaceAll(/TRIM\(BOTH w\.chars FROM /g, 'TRIM(');
        for (const database of GRAMMARS[name]) {
          const ast = new Parser().astify(sql, { database });
          expect(Array.isArray(ast) ? ast[0]!.type : ast.type).toBe('select');
        }
      }
    });
  }
});

describe('names in the query', () => {
  it('quotes a column named like a keyword or with spaces, in each dialect\'s quotes', () => {
    const source = factsSource({ orders: 'orders', tickets: 'tickets' }, { 'orders.amount': 'Total Price', 'tickets.created_at': 'order' }, []);
    expect(factsSql(DIALECTS.postgres, source, windows)).toContain('CAST("Total Price" AS NUMERIC(38, 6))');
    expect(factsSql(DIALECTS.spark, source, windows)).toContain('CAST(`Total Price` AS DECIMAL(38, 6))');
    expect(factsSql(DIALECTS.bigquery, source, windows)).toContain('CAST(`order` AS DATE)');
  });

  it('leaves plain names bare, so engines that fold case find them', () => {
    const sql = factsSql(DIALECTS.snowflake, factsSource({ orders: 'SHOP.ORDERS', tickets: 'tickets' }, {}, []), windows);
    expect(sql).toContain('FROM SHOP.ORDERS');
    expect(sql).toContain('CAST(customer_id AS VARCHAR)');
  });

  it('names a BigQuery table with a hyphenated project in one pair of backticks', () => {
    const sql = factsSql(DIALECTS.bigquery, factsSource({ orders: 'my-project.shop.orders', tickets: 'tickets' }, {}, []), windows);
    expect(sql).toContain('FROM `my-project.shop.orders`');
  });
});
