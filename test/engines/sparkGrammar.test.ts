import { describe, expect, it } from 'vitest';
import { SparkSQL } from 'dt-sql-parser/dist/parser/spark/index.js';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { DIALECTS } from '../../src/engines/dialects.js';
import { factsSource } from '../../src/engines/factsSource.js';
import { factsSql, factsWindows } from '../../src/engines/factsSql.js';
import { sliceTableSql } from '../../src/engines/sliceTableSql.js';

/**
 * The Spark queries, whole, against a Spark SQL grammar: dt-sql-parser's SparkSQL (an ANTLR
 * grammar of Spark 3's SQL), which reads the standard TRIM(BOTH chars FROM text) that
 * node-sql-parser's Hive grammar cannot (dialectParse.test.ts). Syntax only: Spark is not run.
 */
const windows = factsWindows(parseCohortWindow('2014-01'), { count: 3, unit: 'm' }, { count: 14, unit: 'd' });
const source = factsSource({ orders: 'shop.orders', tickets: 'support.tickets' }, { 'orders.row_order': 'line' }, []);

function errors(sql: string): string[] {
  return new SparkSQL().validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
}

describe("Spark SQL's grammar", () => {
  it('parses the facts query, TRIM(BOTH … FROM …) included', () => {
    const sql = factsSql(DIALECTS.spark, source, windows);
    expect(sql).toContain('TRIM(BOTH w.chars FROM CAST(');
    expect(errors(sql)).toEqual([]);
  });

  it('parses the slice table query', () => {
    expect(errors(sliceTableSql(DIALECTS.spark, source))).toEqual([]);
  });

  it('rejects the facts query with one parenthesis dropped (the check is not vacuous)', () => {
    const sql = factsSql(DIALECTS.spark, source, windows);
    const broken = sql.replace('TRIM(BOTH w.chars FROM CAST(', 'TRIM(BOTH w.chars FROM CAST ');
    expect(errors(broken).length).toBeGreaterThan(0);
  });
});
