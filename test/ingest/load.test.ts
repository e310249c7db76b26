import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOrders } from '../../src/ingest/readOrders.js';
import { readTickets } from '../../src/ingest/readTickets.js';
import { InputMissingError } from '../../src/errors.js';
import { options } from './ingestTestUtil.js';
import { orderRecords, withRows } from '../model/orderRecords.js';

const dir = mkdtempSync(join(tmpdir(), 'loyalty-ingest-'));

describe('readOrders / readTickets', () => {
  it('streams a file from disk', async () => {
    const path = join(dir, 'orders.csv');
    writeFileSync(path, '\uFEFFcustomer_id,order_date,amount\r\na,2014-01-05,10\r\n');
    const loaded = await readOrders(path, options());
    expect(orderRecords(loaded.table)).toEqual([{ line: 2, customerId: 'a', orderDate: Date.UTC(2014, 0, 5), amount: 10, orderId: null, status: null }]);
    expect(loaded.quality.file).toBe(path);
  });

  it('gives the same table whichever reader runs: worker threads, the byte reader alone, the general path', async () => {
    // Over 1 MB, so rows remain after the first batch, which this thread always reads itself.
    const lines = Array.from({ length: 60_000 }, (_, i) => {
      const date = i === 7 ? '1/25/2024' : `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`;
      return `${1000 + (i % 59_000)},C${1000 + ((i * 7) % 500)},${date},${i % 97}.25,${i % 5 === 0 ? 'cancelled' : 'completed'}`;
    });
    const text = `order_id,customer_id,order_date,amount,status\n${lines.join('\n')}\n`;
    const path = join(dir, 'readers.csv');
    writeFileSync(path, text);
    writeFileSync(`${path}.gz`, gzipSync(text));
    const heard = { workerRows: 0, restarts: 0 };
    const progress = { read() {}, advance: (_bytes: number, rows: number) => void (heard.workerRows += rows), restart: () => void heard.restarts++, done() {} };
    const worker = new URL('../../dist/src/ingest/fast/orderRangeWorker.js', import.meta.url);
    const threads = await readOrders(path, options(), progress, { worker, workers: 2, minBytes: 0, rangeBytes: 1 << 16, messageBytes: 1 << 14 });
    const alone = await readOrders(path, options(), progress, { workers: 0 });
    const general = await readOrders(`${path}.gz`, options());
    // Each read did take its own path: workers read rows, and neither file went back to the general path.
    expect(heard.workerRows).toBeGreaterThan(30_000);
    expect(heard.restarts).toBe(0);
    const seen = (loaded: typeof threads) => withRows({ ...loaded, quality: { ...loaded.quality, file: 'x' } });
    expect(seen(threads)).toEqual(seen(general));
    expect(seen(alone)).toEqual(seen(general));
    expect(threads.table.length).toBe(59_000);
    expect(general.quality.duplicateOrderIds).toBe(1000);
  });

  it('reports a missing file with exit code 66', async () => {
    const path = join(dir, 'nope.csv');
    const error = await readTickets(path, options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputMissingError);
    expect((error as InputMissingError).exitCode).toBe(66);
    expect((error as Error).message).toBe(`${path}: no such file; check the path of the tickets export.`);
  });

  it('reports a directory with exit code 66', async () => {
    await expect(readOrders(dir, options())).rejects.toThrow(
      new InputMissingError(`${dir} is a directory, not a file; give the path of the orders CSV inside it.`),
    );
  });

  it('reports an unreadable file with exit code 66', async () => {
    const path = join(dir, 'locked.csv');
    writeFileSync(path, 'customer_id\n');
    chmodSync(path, 0o000);
    if (process.getuid?.() !== 0) {
      await expect(readOrders(path, options())).rejects.toThrow(`${path}: cannot be read (EACCES); check the file's permissions.`);
      return;
    }
    // Root reads any file, so the read is made by an unprivileged child (nobody) instead.
    chmodSync(tmpdir(), 0o755);
    chmodSync(dir, 0o755);
    const dist = (file: string) => new URL(`../../dist/src/ingest/${file}`, import.meta.url).href;
    const probe = `const { readOrders } = await import('${dist('readOrders.js')}');
      const { DEFAULT_INGEST_OPTIONS } = await import('${dist('records.js')}');
      try { await readOrders(${JSON.stringify(path)}, DEFAULT_INGEST_OPTIONS); console.log('read'); }
      catch (e) { console.log(e.constructor.name, e.exitCode, e.message); }`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { uid: 65534, gid: 65534, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe(`InputMissingError 66 ${path}: cannot be read (EACCES); check the file's permissions.`);
  });
});
