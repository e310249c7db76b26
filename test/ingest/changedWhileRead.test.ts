import { appendFileSync, truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { type ReadProgress } from '../../src/ingest/load.js';
import { readOrders } from '../../src/ingest/readOrders.js';
import { readTickets } from '../../src/ingest/readTickets.js';
import { options } from './ingestTestUtil.js';
import { plainFiles } from './fast/plainFileHarness.js';

/**
 * A file truncated or appended to while it is read is an error naming it (exit 65), never a
 * report on the part that was there. The change is made from the progress hook, after the
 * first chunk has been read: the way an export still being written looks to the reader.
 */
const files = plainFiles('changed');

function ordersFile(rows: number): string {
  const lines = ['customer_id,order_date,amount'];
  for (let i = 0; i < rows; i++) lines.push(`customer-${i},2014-01-${String(1 + (i % 28)).padStart(2, '0')},${i % 90}.50`);
  return lines.join('\n') + '\n';
}

function onFirstChunk(change: () => void): ReadProgress {
  let done = false;
  return {
    read() {
      if (done) return;
      done = true;
      change();
    },
    advance() {},
    restart() {},
    done() {},
  };
}

describe('a file that changes while it is read', () => {
  it('truncated after the first chunk: an error, not the first megabyte’s numbers', async () => {
    const path = files.path('truncated.csv');
    writeFileSync(path, ordersFile(150_000)); // ~4.5 MB: several chunks
    const run = readOrders(path, options(), onFirstChunk(() => truncateSync(path, 2_000_000)));
    await expect(run).rejects.toThrow(DataError);
    await expect(readOrders(path, options(), onFirstChunk(() => truncateSync(path, 1_000)))).rejects.toThrow(/changed while it was read \(2000000 bytes when reading began/);
  });

  it('appended to while read: an error', async () => {
    const path = files.path('appended.csv');
    writeFileSync(path, ordersFile(100_000));
    await expect(readOrders(path, options(), onFirstChunk(() => appendFileSync(path, 'late,2014-02-01,5\n')))).rejects.toThrow(/changed while it was read/);
  });

  it('a quoted (general path) tickets file truncated while read: an error', async () => {
    const path = files.path('tickets.csv');
    const lines = ['customer_id,created_at,reason'];
    for (let i = 0; i < 120_000; i++) lines.push(`c${i},2014-01-05,"billing, refunds"`);
    writeFileSync(path, lines.join('\n') + '\n');
    await expect(readTickets(path, options(), onFirstChunk(() => truncateSync(path, 1_500_000)))).rejects.toThrow(/changed while it was read/);
  });

  it('an unchanged file reads as before', async () => {
    const path = files.path('same.csv');
    writeFileSync(path, ordersFile(1000));
    expect((await readOrders(path, options())).quality.rowsUsed).toBe(1000);
  });
});
