import { describe, expect, it } from 'vitest';
import { PROGRESS_MIN_BYTES, progressBar, progressLine } from '../src/progressBar.js';

/** A stream that records what is written, with a settable isTTY. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, written, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream & { written: string[] };
}

describe('progressLine', () => {
  it('shows share, megabytes, rows per second and time left', () => {
    expect(progressLine({ label: 'orders.csv', bytes: 262_144_000, total: 524_288_000, rows: 4_800_000, elapsedMs: 4000 })).toBe(
      'orders.csv [##########..........]   50%  262/524 MB  1.2M rows/s  ETA 4s',
    );
  });

  it('has no time left to show before anything is read', () => {
    expect(progressLine({ label: 'o.csv', bytes: 0, total: 100_000_000, rows: 0, elapsedMs: 0 })).toBe(
      'o.csv [....................]    0%  0/100 MB  0 rows/s  ETA ?',
    );
  });

  it('is full and done at the end, with thousands of rows per second as k', () => {
    expect(progressLine({ label: 't.csv', bytes: 60_000_000, total: 60_000_000, rows: 900_000, elapsedMs: 2000 })).toBe(
      't.csv [####################]  100%  60/60 MB  450k rows/s  ETA 0s',
    );
  });
});

describe('progressBar', () => {
  const big = { label: 'orders.csv', totalBytes: PROGRESS_MIN_BYTES, quiet: false };

  it('is silent when stderr is not a terminal, with --quiet, for small files, and without a stream', () => {
    expect(progressBar(fakeStream(false), big)).toBeNull();
    expect(progressBar(fakeStream(true), { ...big, quiet: true })).toBeNull();
    expect(progressBar(fakeStream(true), { ...big, totalBytes: PROGRESS_MIN_BYTES - 1 })).toBeNull();
    expect(progressBar(undefined, big)).toBeNull();
  });

  it('redraws one line in place at most every 100 ms, counting line breaks as rows, and clears it when done', () => {
    const stream = fakeStream(true);
    let now = 1000;
    const bar = progressBar(stream, { label: 'o.csv', totalBytes: 100_000_000, quiet: false }, () => now)!;
    now = 1200;
    bar.read(Buffer.from('a\nb\n'));
    now = 1250;
    bar.read(Buffer.from('c\n'));
    // 4 bytes in 0.2 s: the rest of 100 MB takes 5,000,000 s; the 3rd row came too soon to draw.
    expect(stream.written).toEqual(['\ro.csv [....................]    0%  0/100 MB  10 rows/s  ETA 5000000s\x1b[K']);
    // Read again from the start (the general path after the byte reader): counts start over.
    bar.restart();
    now = 1450;
    bar.read(Buffer.from('d\n'));
    expect(stream.written.at(-1)).toBe('\ro.csv [....................]    0%  0/100 MB  5 rows/s  ETA 10000000s\x1b[K');
    bar.done();
    expect(stream.written.at(-1)).toBe('\r\x1b[K');
  });

  it('counts bytes and rows read elsewhere (worker threads) as read', () => {
    const stream = fakeStream(true);
    let now = 0;
    const bar = progressBar(stream, { label: 'o.csv', totalBytes: 100_000_000, quiet: false }, () => now)!;
    now = 1000;
    bar.advance(50_000_000, 1_000_000);
    expect(stream.written.at(-1)).toBe('\ro.csv [##########..........]   50%  50/100 MB  1.0M rows/s  ETA 1s\x1b[K');
  });
});
