import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readProgresses } from '../../src/commands/readProgress.js';
import type { Terminal } from '../../src/terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'loyalty-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two sparse 30 MB files: together over the bar's 50 MB threshold. */
function files(): string[] {
  return ['orders.csv', 'tickets.csv'].map((name) => {
    const path = join(dir, name);
    writeFileSync(path, '');
    truncateSync(path, 30_000_000);
    return path;
  });
}

describe('readProgresses', () => {
  it('draws one bar for files read at the same time, takes back a restarted file, and clears once both are done', async () => {
    const written: string[] = [];
    const term = { progressStream: { isTTY: true, write: (s: string) => (written.push(s), true) } } as unknown as Terminal;
    const [orders, tickets] = readProgresses(term, {}, files());
    orders!.advance(30_000_000, 10);
    tickets!.read(Buffer.alloc(15_000_000, 10));
    expect(written.at(-1)).toMatch(/^\rorders\.csv \+ tickets\.csv \[###############.....\]   75%  45\/60 MB/);
    // The tickets file is read again from its start (the general path): its 15 MB are taken back.
    tickets!.restart();
    await new Promise((resolve) => setTimeout(resolve, 150)); // the bar redraws at most every 100 ms
    orders!.advance(0, 0);
    expect(written.at(-1)).toMatch(/^\rorders\.csv \+ tickets\.csv \[##########\.\.\.\.\.\.\.\.\.\.\]   50%  30\/60 MB/);
    orders!.done();
    expect(written.at(-1)).not.toBe('\r\x1b[K');
    tickets!.done();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('is silent with --quiet', () => {
    const term = { progressStream: { isTTY: true, write: () => true } } as unknown as Terminal;
    expect(readProgresses(term, { quiet: true }, files())).toEqual([null, null]);
  });
});
