import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli.js';

describe('loyalty sql', () => {
  it('prints the facts query for the dialect with the given tables, and nothing on stderr', async () => {
    const { code, out, err } = await runCli(['sql', '--dialect', 'bigquery', '--cohort', '2014-01', '--orders-table', 'shop.orders', '--tickets-table', 'my-project.support.tickets']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(/^-- loyalty facts: one row per member of the cohort 2014-01-01\.\.2014-01-31 \(bigquery\)/);
    expect(out).toContain('FROM shop.orders');
    expect(out).toContain('FROM `my-project.support.tickets`');
    expect(out).toContain("DATE_DIFF(next_order_day, DATE '2014-02-01', DAY) AS days_to_next_order");
    expect(out).toContain("order_day BETWEEN DATE '2013-01-01' AND DATE '2013-12-31'"); // the baseline window
  });

  it('renames columns with --column, drops absent ones and orders copies by --row-order', async () => {
    const { code, out } = await runCli([
      'sql', '--dialect', 'postgres', '--cohort', '2014-01-01..2014-01-15', '--follow', '90d', '--grace', '0d',
      '--column', 'orders.amount=total price', '--column', 'tickets.created_at=opened', '--absent', 'tickets.resolved, orders.status', '--row-order', 'line',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('CAST("total price" AS NUMERIC(38, 6)) AS amount');
    expect(out).toContain('CAST(opened AS DATE) AS created_day');
    expect(out).toContain('LOWER(NULL) AS status'); // absent: every order counts
    expect(out).toContain('LOWER(NULL) AS resolved');
    expect(out).toContain('ORDER BY row_order) AS copy');
    expect(out).toContain('follow-up 2014-01-16..2014-04-15, problem window 2014-01-01..2014-01-15');
  });

  it('reads dialect, tables, columns and row order from the config; flags win', async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'loyalty.config.json'),
      JSON.stringify({ windows: { cohort: '2014-02' }, sql: { dialect: 'snowflake', ordersTable: 'SHOP.ORDERS', rowOrder: 'LINE_NO', absent: ['tickets.resolved'], columns: { 'orders.amount': 'TOTAL' } } }),
    );
    const fromFile = await runCli(['sql'], cwd);
    expect(fromFile.code).toBe(0);
    expect(fromFile.out).toContain('(snowflake)');
    expect(fromFile.out).toContain('FROM SHOP.ORDERS');
    expect(fromFile.out).toContain('CAST(TOTAL AS NUMBER(38, 6))');
    expect(fromFile.out).toContain('LINE_NO AS row_order');
    expect(fromFile.out).toContain('cohort 2014-02-01..2014-02-28');
    const overridden = await runCli(['sql', '--dialect', 'trino', '--column', 'orders.amount=net'], cwd);
    expect(overridden.out).toContain('(trino)');
    expect(overridden.out).toContain('CAST(net AS DECIMAL(38, 6))');
  });

  it('is a usage error (64) without a dialect or cohort, or with an unknown column, naming what to do', async () => {
    const cases: [string[], RegExp][] = [
      [['sql', '--cohort', '2014-01'], /no --dialect given; choose one of duckdb, postgres, bigquery, snowflake, spark, trino/],
      [['sql', '--dialect', 'oracle', '--cohort', '2014-01'], /--dialect "oracle" is not supported/],
      [['sql', '--dialect', 'duckdb'], /needs --cohort/],
      [['sql', '--dialect', 'duckdb', '--cohort', '2014-13'], /--cohort "2014-13"/],
      [['sql', '--dialect', 'duckdb', '--cohort', '2014-01', '--column', 'orders.price'], /--column "orders.price" is not role.column=NAME/],
      [['sql', '--dialect', 'duckdb', '--cohort', '2014-01', '--column', 'orders.price=p'], /--column "orders.price" is not a column the facts query reads/],
      [['sql', '--dialect', 'duckdb', '--cohort', '2014-01', '--absent', 'orders.amount'], /--absent "orders.amount" is not an optional column/],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await runCli(args);
      expect({ args, code, out }).toEqual({ args, code: 64, out: '' });
      expect(err).toMatch(message);
    }
  });

  it('prints the slice table query with --query slices, no cohort needed', async () => {
    const { code, out } = await runCli(['sql', '--dialect', 'spark', '--query', 'slices', '--tickets-table', 'support.tickets']);
    expect(code).toBe(0);
    expect(out).toMatch(/^-- loyalty slice table: .* \(spark\)\n-- source: support\.tickets\n/);
    expect(out).toContain('(WEEKDAY(created_at) + 1) AS weekday');
    // The median wait of each slice: the values holding the middle one or two positions, averaged in doubles.
    expect(out).toContain('WHERE 2 * (through - n) <= waits AND 2 * through >= waits');
    expect(out).toContain('m.wait_lower + (m.wait_upper - m.wait_lower) / 2 AS median_wait_seconds');
    const bad = await runCli(['sql', '--dialect', 'spark', '--query', 'drivers']);
    expect([bad.code, bad.err]).toEqual([64, 'error: --query "drivers" is not a query; choose facts or slices\n']);
  });

  it('rejects an unknown key in the config\'s sql block', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'loyalty.config.json'), JSON.stringify({ sql: { dialekt: 'duckdb' } }));
    const { code, err } = await runCli(['sql', '--cohort', '2014-01'], cwd);
    expect(code).toBe(64);
    expect(err).toContain('unknown key "sql.dialekt"; valid keys in "sql" are: dialect, ordersTable, ticketsTable, rowOrder, absent, columns');
  });
});
