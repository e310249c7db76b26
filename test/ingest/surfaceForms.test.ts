import { describe, expect, it } from 'vitest';
import { parseOrders } from '../../src/ingest/orders.js';
import { parseTickets } from '../../src/ingest/tickets.js';
import { expectAccounted, inPieces, options, utf16be, utf16le } from './ingestTestUtil.js';
import { orderRecords } from '../model/orderRecords.js';
import { ticketRecords } from '../model/ticketRecords.js';

const ORDERS = [
  'customer_id,order_date,amount,order_id,status',
  'ann@example.com,2014-01-05,12.50,1001,paid',
  '"Lee, Bo",2014-01-06 10:30,"1,234.00",1002,"said ""hi"""',
  'cy,2014-01-07T08:00:00Z,-3,1003,refunded',
];

/** The same orders written the ways exports and Excel write them. */
function variants(): [string, AsyncIterable<Uint8Array> | string][] {
  const lf = ORDERS.join('\n') + '\n';
  const crlf = ORDERS.join('\r\n') + '\r\n';
  const semicolon = ORDERS.map((l) => l.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';')).join('\n').replace('"1,234.00"', '"1.234,00"');
  const tabs = ORDERS.map((l) => l.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t')).join('\r');
  return [
    ['LF', lf],
    ['CRLF', crlf],
    ['CR, tab-delimited', tabs],
    ['; with decimal comma', semicolon],
    ['UTF-8 BOM bytes', inPieces(Buffer.from(`\uFEFF${crlf}`), 7)],
    ['UTF-16 LE', inPieces(utf16le(crlf), 5)],
    ['UTF-16 BE', inPieces(utf16be(lf), 64)],
    ['pipes, no final newline', ORDERS.map((l) => l.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '|')).join('\n')],
  ];
}

describe('surface forms', () => {
  it.each(variants())('%s gives identical records', async (_name, source) => {
    const loaded = await parseOrders(source, 'o.csv', options());
    expect(orderRecords(loaded.table)).toEqual([
      { line: 2, customerId: 'ann@example.com', orderDate: Date.UTC(2014, 0, 5), amount: 12.5, orderId: '1001', status: 'paid' },
      { line: 3, customerId: 'Lee, Bo', orderDate: Date.UTC(2014, 0, 6, 10, 30), amount: 1234, orderId: '1002', status: 'said "hi"' },
      { line: 4, customerId: 'cy', orderDate: Date.UTC(2014, 0, 7, 8), amount: -3, orderId: '1003', status: 'refunded' },
    ]);
    expectAccounted(loaded.quality);
  });

  it('reports physical line numbers after quoted fields with line breaks', async () => {
    const csv = 'customer_id,created_at,reason\na,2014-01-05,"line one\nline two\nline three"\n,2014-01-05,x\nc,2014-01-05,"x\r\ny"\n ,2014-01-05,z\n';
    const loaded = await parseTickets(csv, 't.csv', options());
    expect(ticketRecords(loaded.table).map((r) => r.line)).toEqual([2, 6]);
    expect(ticketRecords(loaded.table)[0].reason).toBe('line one\nline two\nline three');
    expect(loaded.quality.skipped['empty customer_id'].firstLines).toEqual([5, 8]);
  });
});
