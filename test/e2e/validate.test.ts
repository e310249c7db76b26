import { describe, expect, test } from 'vitest';
import { loyalty, tempFile } from './validateCli.js';

const SHOPIFY = 'fixtures/formats/shopify-orders.csv';
const ZENDESK = 'fixtures/formats/zendesk-tickets.csv';

describe('loyalty validate', () => {
  test('a small canonical file: the whole page', async () => {
    const file = tempFile('orders.csv', 'customer_id,order_date,amount\nann@example.com,2014-01-05,$10.00\nbob@example.com,2014-01-31,5.5\n,2014-02-01,3\ncarol@example.com,2014-02-02\n');
    // Two problem rows of four: the 5% rule is lifted to see the whole page of a usable file.
    const run = await loyalty('validate', file, '--max-unusable', '100%');
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expect(run.out).toBe(
      [
        `orders  ${file}`,
        '  format     canonical columns (no preset matched the header row)',
        '  file       utf-8, ","-delimited, LF line endings, 3 columns',
        '  rows       4 read, 2 used, 2 skipped',
        '',
        '  column       source header  type    read as             empty  min         max         examples',
        '  ───────────  ─────────────  ──────  ──────────────────  ─────  ──────────  ──────────  ──────────────────────────────────',
        '  customer_id  customer_id    id                          33.3%                          ann@example.com, bob@example.com',
        '  order_date   order_date     date    ISO 8601             0.0%  2014-01-05  2014-01-31  2014-01-05, 2014-01-31, 2014-02-01',
        '  amount       amount         amount  decimal point, USD   0.0%  5.5         10          $10.00, 5.5, 3',
        '',
        '  not found  order_id, status (optional; --map orders.<column>=<header> if the file has them)',
        '  read as    order_date: ISO 8601; amount: decimal point, USD',
        '',
        '  problems:',
        `    ${file}:4  empty customer_id: ""`,
        `    ${file}:5  ragged row: "2 fields, header has 3"`,
        '',
        '✓ usable; 2 row(s) would be skipped and counted (listed above); --strict makes broken rows an error.',
        '',
      ].join('\n'),
    );
  });

  test('platform exports: the detected preset, the fold and the problems', async () => {
    const run = await loyalty('validate', SHOPIFY, ZENDESK);
    expect(run.code).toBe(0);
    expect(run.out).toContain('  format     Shopify orders export — shopify, detected from the header row\n');
    expect(run.out).toContain('  file       utf-8, ","-delimited, CRLF line endings, 79 columns\n');
    expect(run.out).toContain('  rows       14 read, 12 used (3 of them merged into another row, e.g. line items into their order), 2 skipped\n');
    expect(run.out).toContain(`    ${SHOPIFY}:12  empty customer_id: ""\n    ${SHOPIFY}:14  duplicate order_id: "#1009"\n`);
    expect(run.out).toContain('  format     Zendesk ticket export — zendesk, detected from the header row\n');
    expect(run.out).toContain('  wait_seconds  First reply time in minutes  seconds            18.2%');
    expect(run.out).toContain('  read as    created_at: ISO 8601; satisfaction: good/bad\n');
  });

  test('--json: one document with the format, row accounting, columns and problems', async () => {
    const run = await loyalty('validate', SHOPIFY, '--json');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.out);
    expect(doc.ok).toBe(true);
    const [orders] = doc.files;
    expect(orders).toMatchObject({
      role: 'orders',
      file: SHOPIFY,
      error: null,
      format: { name: 'shopify', label: 'Shopify orders export', how: 'detected' },
      encoding: 'utf-8',
      delimiter: ',',
      lineEnding: '\r\n',
      rows: { read: 14, used: 12, skipped: 2, merged: 3 },
      notFound: [],
      problems: [
        { line: 12, reason: 'empty customer_id', column: 'customer_id', value: '' },
        { line: 14, reason: 'duplicate order_id', column: 'order_id', value: '#1009' },
      ],
      decisions: ['order_date: ISO 8601', 'amount: decimal point, USD'],
    });
    expect(orders.columns.map((c: { column: string; source: string }) => `${c.column}=${c.source}`)).toEqual([
      'customer_id=Email',
      'order_date=Created at',
      'amount=Total',
      'order_id=Name',
      'status=Financial Status',
    ]);
    expect(orders.columns[2]).toMatchObject({ type: 'amount', min: '0', max: '1250', rows: 11, empty: 0 });
  });

  test('--strict fails on a broken row but still lists everything', async () => {
    const run = await loyalty('validate', SHOPIFY, '--strict');
    expect(run.code).toBe(65);
    expect(run.out).toContain(`    ${SHOPIFY}:12  empty customer_id: ""`);
    expect(run.out).not.toContain('✓');
    expect(run.err).toBe(
      `error: --strict: ${SHOPIFY}:12: empty customer_id in customer_id (column "Email"): ""; fill in the customer or map another column with --map orders.customer_id=<header>, or run without --strict to skip and count such rows.\n`,
    );
  });

  test('a format named with --orders-format is used as asked, and a wrong one says what is missing', async () => {
    const asked = await loyalty('validate', SHOPIFY, '--orders-format', 'shopify');
    expect(asked.out).toContain('  format     Shopify orders export — shopify, as asked\n');
    const wrong = await loyalty('validate', SHOPIFY, '--orders-format', 'woocommerce');
    expect(wrong.code).toBe(65);
    expect(wrong.out).toBe('');
    expect(wrong.err).toMatch(/^error: fixtures\/formats\/shopify-orders\.csv: no customer_id or order_date or amount columns for the WooCommerce orders export format \(headers found: Name, Email, /);
  });

  test('an unusable file under --json: ok is false, the error is in the document and on stderr', async () => {
    const file = tempFile('header.csv', 'customer_id,order_date,amount\n');
    const run = await loyalty('validate', file, '--json');
    expect(run.code).toBe(65);
    const doc = JSON.parse(run.out);
    expect(doc.ok).toBe(false);
    expect(doc.files[0]).toMatchObject({ error: `${file} has a header row but no data rows; export the orders again with data in it.`, rows: null, columns: [] });
    expect(run.err).toBe(`error: ${file} has a header row but no data rows; export the orders again with data in it.\n`);
  });

  test('an unknown --orders-format is a usage error', async () => {
    const run = await loyalty('validate', SHOPIFY, '--orders-format', 'magento');
    expect(run.code).toBe(64);
    expect(run.err).toContain('--orders-format "magento" is not a known orders format; use one of: auto, canonical, shopify, woocommerce, stripe.');
  });
});
