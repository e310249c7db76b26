import { describe, expect, it } from 'vitest';
import { parseOrders } from '../../src/ingest/orders.js';
import { DataError } from '../../src/errors.js';
import { expectAccounted, inPieces, options } from './ingestTestUtil.js';

const HEADER = 'customer_id,order_date,amount\n';
const GOOD = Array.from({ length: 30 }, (_, i) => `c${i},2014-01-05,10\n`).join('');

async function failure(source: string | AsyncIterable<Uint8Array>): Promise<DataError> {
  const error = await parseOrders(source, 'o.csv', options()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

describe('malformed input', () => {
  it('0 bytes', async () => {
    expect((await failure(inPieces(new Uint8Array(0), 8))).message).toBe('o.csv is empty (0 bytes); export the orders again, with a header row and data.');
  });

  it('header only', async () => {
    expect((await failure(HEADER)).message).toBe('o.csv has a header row but no data rows; export the orders again with data in it.');
  });

  it('truncated in the middle of the last row: that row is ragged, the rest is used', async () => {
    const loaded = await parseOrders(`${HEADER}${GOOD}c99,2014-01`, 'o.csv', options());
    expect(loaded.quality.skipped).toEqual({ 'ragged row': { count: 1, firstLines: [32], examples: ['2 fields, header has 3'] } });
    expectAccounted(loaded.quality);
  });

  it('truncated inside a quoted field', async () => {
    expect((await failure(`${HEADER}${GOOD}c99,2014-01-05,"12`)).message).toBe(
      'o.csv:32: a quoted field is opened but never closed (a stray " character?); fix the quoting or export the file again.',
    );
  });

  it('mismatched quotes in the middle of the file', async () => {
    expect((await failure(`${HEADER}c1,"2014-01-05"x,10\n${GOOD}`)).message).toBe(
      'o.csv:2: text after a closing quote ("2014-01-05"x,10); a quoted field must end at its closing quote: quote the whole field and double any quote inside it (""), or export the file again.',
    );
  });

  it('binary garbage', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect((await failure(inPieces(png, 4))).message).toBe(
      'o.csv is not UTF-8 text: line 1, byte offset 0 (0x89) is not valid UTF-8; it may be a binary file or use another encoding (Latin-1, Windows-1252): save it again as "CSV UTF-8".',
    );
    const zeros = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect((await failure(inPieces(zeros, 4))).message).toMatch(/^o\.csv contains NUL bytes, so it is not a text CSV/);
    const noNul = Uint8Array.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]);
    expect((await failure(inPieces(noNul, 4))).message).toMatch(/^o\.csv is not UTF-8 text/);
  });

  it('NUL bytes inside an otherwise fine file', async () => {
    expect((await failure(inPieces(Buffer.from(`${HEADER}a\u0000,2014-01-05,1\n`), 1024))).message).toMatch(/contains NUL bytes/);
  });

  it('a very long field is read, and clipped in messages', async () => {
    const long = 'x'.repeat(200_000);
    const loaded = await parseOrders(`${HEADER}${GOOD}c1,2014-01-05,"${long}"\n`, 'o.csv', options());
    expect(loaded.quality.skipped['unparseable amount'].examples).toEqual([`${'x'.repeat(77)}...`]);
    expectAccounted(loaded.quality);
  });

  it('a header that maps nothing', async () => {
    expect((await failure('\u00ff\u00fe garbage\n')).message).toMatch(/^o\.csv: no customer_id or order_date or amount columns \(headers found: ÿþ garbage\)/);
  });
});
