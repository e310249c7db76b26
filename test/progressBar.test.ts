import { describe, expect, it } from 'vitest';
import { PROGRESS_MIN_BYTES, progressBar, progressLine } from '../src/progressBar.js';
import { displayWidth } from '../src/textWidth.js';

/** A stream that records what is written, with a settable isTTY. */
function fakeStream(isTTY: boolean, columns?: number): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns, written, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream & { written: string[] };
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

describe('progressLine cut to the terminal width', () => {
  const state = { bytes: 262_144_000, total: 524_288_000, rows: 4_800_000, elapsedMs: 4000 };

  it('is left whole when it fits in one column less than the terminal', () => {
    const line = progressLine({ ...state, label: 'orders.csv' }, 80);
    expect(line).toBe('orders.csv [##########..........]   50%  262/524 MB  1.2M rows/s  ETA 4s');
  });

  it('shortens the file name first, measuring wide characters as two columns', () => {
    // 王小明-orders.csv is 17 columns wide (each CJK character 2) but 14 UTF-16 units long; the
    // rest of the line is 62 columns, so 74 leaves 11 for the name: 王小明-ord (10) and "…".
    const line = progressLine({ ...state, label: '王小明-orders.csv' }, 74);
    expect(line).toBe('王小明-ord… [##########..........]   50%  262/524 MB  1.2M rows/s  ETA 4s');
    expect(displayWidth(line)).toBe(73);
  });

  it('never cuts an emoji in half and cuts the whole line on a very narrow terminal', () => {
    const line = progressLine({ ...state, label: 'José 🎧 orders.csv' }, 20);
    // 🎧 is two columns: "José 🎧 orders.csv" is 18, and "…" ends the 19th.
    expect(line).toBe('José 🎧 orders.csv…');
    expect(displayWidth(line)).toBe(19);
  });

  it('is drawn at the stream\'s width', () => {
    const stream = fakeStream(true, 40);
    let now = 0;
    const bar = progressBar(stream, { label: 'a-very-long-export-name.csv', totalBytes: 100_000_000, quiet: false }, () => now)!;
    now = 1000;
    bar.advance(50_000_000, 1_000_000);
    const drawn = stream.written.at(-1)!.replace(/^\r|\x1b\[K$/g, '');
    expect(drawn).toBe('a-very-long-export-name.csv [#########…');
    expect(displayWidth(drawn)).toBe(39);
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
