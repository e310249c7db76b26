import { describe, expect, it } from 'vitest';
import { headerKey, indexHeaders, closestHeader } from '../../src/ingest/headers.js';
import { mapColumns, resolveFormat } from '../../src/ingest/mapping.js';
import type { Preset } from '../../src/ingest/presets/preset.js';
import { parseOrders } from '../../src/ingest/orders.js';
import { DataError, UsageError } from '../../src/errors.js';
import { options } from './ingestTestUtil.js';
import { orderRecords } from '../model/orderRecords.js';
import { ORDER_COLUMNS, REQUIRED_ORDER_COLUMNS } from '../../src/model/orderTable.js';

const shop: Preset = {
  name: 'shop',
  role: 'orders',
  label: 'Shop orders export',
  columns: { customer_id: ['Email'], order_date: ['Created at'], amount: ['Total'], order_id: ['Name'] },
  signature: ['Name', 'Email', 'Created at'],
};
const shopPlus: Preset = { ...shop, name: 'shop-plus', label: 'Shop Plus', signature: ['Name', 'Email', 'Created at', 'Lineitem name'] };

describe('headers', () => {
  it('matches ignoring case, spaces, BOM, and treating space/underscore/hyphen alike', () => {
    expect(['\uFEFFcustomer_id', ' Customer ID ', 'CUSTOMER-ID', 'customer  id'].map(headerKey)).toEqual(Array(4).fill('customer_id'));
  });

  it('keeps the first of duplicate headers and reports the others', () => {
    const index = indexHeaders(['amount', 'Amount', 'x']);
    expect(index.positions.get('amount')).toBe(0);
    expect(index.duplicates).toEqual(['Amount']);
  });

  it('suggests the header most likely meant', () => {
    expect(closestHeader('customer_id', ['Date', 'Email', 'Total'], new Set())).toBe('Email');
    expect(closestHeader('amount', ['Date', 'Email', 'Order Total'], new Set())).toBe('Order Total');
    expect(closestHeader('order_date', ['ordr_dte', 'zzz'], new Set())).toBe('ordr_dte');
  });
});

describe('resolveFormat', () => {
  const index = indexHeaders(['Name', 'Email', 'Created at', 'Total', 'Lineitem name']);

  it('auto-detects the most specific preset whose signature is present', () => {
    expect(resolveFormat('orders', 'auto', index, [shop, shopPlus])?.name).toBe('shop-plus');
    expect(resolveFormat('orders', 'auto', indexHeaders(['Name', 'Email', 'Created at']), [shop, shopPlus])?.name).toBe('shop');
    expect(resolveFormat('tickets', 'auto', index, [shop, shopPlus])).toBeNull();
    expect(resolveFormat('orders', 'auto', indexHeaders(['customer_id']), [shop])).toBeNull();
  });

  it('takes a named format and rejects unknown names with the list', () => {
    expect(resolveFormat('orders', 'Shop', index, [shop])?.name).toBe('shop');
    expect(resolveFormat('orders', 'canonical', index, [shop])).toBeNull();
    expect(() => resolveFormat('orders', 'shopfy', index, [shop])).toThrow(
      new UsageError('--orders-format "shopfy" is not a known orders format; use one of: auto, canonical, shop.'),
    );
  });
});

describe('mapColumns', () => {
  const headers = indexHeaders(['Name', 'Email', 'Created at', 'Total', 'customer_id']);

  it('uses preset candidates before the canonical name, and --map above both', () => {
    const byPreset = mapColumns('orders', ORDER_COLUMNS, REQUIRED_ORDER_COLUMNS, headers, shop, {}, 'o.csv');
    expect(byPreset.sources).toEqual({ customer_id: 'Email', order_date: 'Created at', amount: 'Total', order_id: 'Name' });
    const mapped = mapColumns('orders', ORDER_COLUMNS, REQUIRED_ORDER_COLUMNS, headers, shop, { 'orders.customer_id': 'customer id', 'tickets.x': 'y' }, 'o.csv');
    expect(mapped.sources.customer_id).toBe('customer_id');
    expect(mapped.format).toBe('shop');
  });

  it('rejects --map to a header that is not there, or to an unknown column', () => {
    expect(() => mapColumns('orders', ORDER_COLUMNS, REQUIRED_ORDER_COLUMNS, headers, shop, { 'orders.amount': 'Price' }, 'o.csv')).toThrow(
      new DataError('o.csv: --map orders.amount="Price" names a header that is not in the file (headers found: Name, Email, Created at, Total, customer_id); use one of those.'),
    );
    expect(() => mapColumns('orders', ORDER_COLUMNS, REQUIRED_ORDER_COLUMNS, headers, shop, { 'orders.price': 'Total' }, 'o.csv')).toThrow(
      new UsageError('--map orders.price: "price" is not one of the orders columns; use one of: customer_id, order_date, amount, order_id, status.'),
    );
  });
});

describe('missing required columns', () => {
  it('names the file, the column, the headers found and the --map to add', async () => {
    await expect(parseOrders('Email,order_date,amount\na,2014-01-05,1\n', 'orders.csv', options())).rejects.toThrow(
      new DataError('orders.csv: no customer_id column (headers found: Email, order_date, amount); add --map orders.customer_id="Email" to say which header holds it.'),
    );
  });

  it('lists every missing column with a suggestion each', async () => {
    await expect(parseOrders('Client,Date,Total\na,2014-01-05,1\n', 'orders.csv', options())).rejects.toThrow(
      new DataError(
        'orders.csv: no customer_id or order_date or amount columns (headers found: Client, Date, Total); add --map orders.customer_id="Client" --map orders.order_date="Date" --map orders.amount="Total" to say which header holds it.',
      ),
    );
  });

  it('works once mapped', async () => {
    const loaded = await parseOrders('Client,Date,Total\na,2014-01-05,1\n', 'orders.csv', options({
      map: { 'orders.customer_id': 'Client', 'orders.order_date': 'date', 'orders.amount': ' TOTAL ' },
    }));
    expect(loaded.quality.columns).toEqual({ customer_id: 'Client', order_date: 'Date', amount: 'Total' });
    expect(orderRecords(loaded.table)).toHaveLength(1);
  });

  it('warns about duplicate headers and reads the first', async () => {
    const loaded = await parseOrders('customer_id,order_date,amount,Amount\na,2014-01-05,1,2\n', 'o.csv', options());
    expect(orderRecords(loaded.table)[0].amount).toBe(1);
    expect(loaded.quality.warnings).toEqual(['header "Amount" appears more than once; the first column of that name is used']);
  });
});

describe('one column, two roles', () => {
  it('a --map that reads one column as two roles is a usage error (64) naming both', async () => {
    const text = 'customer_id,order_date,amount\na,2014-01-05,10\n';
    await expect(parseOrders(text, 'o.csv', options({ map: { 'orders.customer_id': 'amount' } }))).rejects.toThrow(
      new UsageError('--map orders.customer_id="amount": column "amount" would be read as both customer_id and amount; map each of them to a column of its own.'),
    );
    await expect(parseOrders('Email,Date,Total\na,2014-01-05,10\n', 'o.csv', options({ map: { 'orders.customer_id': 'Email', 'orders.order_date': 'Date', 'orders.amount': 'date' } }))).rejects.toThrow(
      UsageError,
    );
  });
});
