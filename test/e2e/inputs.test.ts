import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli.js';

const ORDERS = 'fixtures/orders.csv';
const TICKETS = 'fixtures/tickets.csv';
const FAST = ['--bootstrap', '200'];

/** The cohort document with the orders file's name taken out, to compare how it was read. */
function withoutFileName(json: string): unknown {
  const doc = JSON.parse(json);
  delete doc.dataQuality.orders.file;
  return doc;
}

const fromFile = runCli(['cohort', ORDERS, TICKETS, '--json', ...FAST]).then((r) => withoutFileName(r.out));

/** bin/loyalty.js with `stdin` piped in from a file. */
async function runBin(args: string[], stdinFile: string): Promise<{ code: number | null; out: string; err: string }> {
  expect(existsSync('dist/src/cli.js'), 'run `npx tsc -p .` first').toBe(true);
  const child = spawn(process.execPath, ['bin/loyalty.js', ...args], { env: { ...process.env, NO_COLOR: '1' } });
  createReadStream(stdinFile).pipe(child.stdin);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => void (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => void (err += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, out, err };
}

describe('inputs read as streams', () => {
  it('- reads the orders from stdin, with the same numbers as the file', async () => {
    const { code, out, err } = await runBin(['cohort', '-', TICKETS, '--json', ...FAST], ORDERS);
    expect(err).not.toMatch(/error/);
    expect(code).toBe(0);
    expect(JSON.parse(out).dataQuality.orders.file).toBe('stdin');
    expect(withoutFileName(out)).toEqual(await fromFile);
  });

  it('- reads the tickets from stdin for slices', async () => {
    const { code, out } = await runBin(['slices', '-', '--json'], TICKETS);
    expect(code).toBe(0);
    const fromTicketsFile = JSON.parse((await runCli(['slices', TICKETS, '--json'])).out);
    const fromStdin = JSON.parse(out);
    expect(fromStdin.dataQuality.tickets.file).toBe('stdin');
    delete fromStdin.dataQuality.tickets.file;
    delete fromTicketsFile.dataQuality.tickets.file;
    expect(fromStdin).toEqual(fromTicketsFile);
  });

  it('refuses - for both inputs (usage, 64)', async () => {
    const { code, err } = await runCli(['cohort', '-', '-']);
    expect(code).toBe(64);
    expect(err).toContain('only one input can be read from stdin (-)');
  });

  it('reads a .csv.gz through zlib, with the same numbers as the plain file', async () => {
    const gz = join(tempDir(), 'orders.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(ORDERS)));
    const { code, out } = await runCli(['cohort', gz, TICKETS, '--json', ...FAST]);
    expect(code).toBe(0);
    expect(withoutFileName(out)).toEqual(await fromFile);
  });

  it('names a .gz file that is not gzip, or is cut short, as a data error (65)', async () => {
    const dir = tempDir();
    const notGzip = join(dir, 'orders.csv.gz');
    writeFileSync(notGzip, readFileSync(ORDERS));
    const bad = await runCli(['cohort', notGzip, TICKETS]);
    expect(bad.code).toBe(65);
    expect(bad.err).toContain(`error: ${notGzip}: not a readable gzip file`);
    const cut = join(dir, 'cut.csv.gz');
    const whole = gzipSync(readFileSync(ORDERS));
    writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    const truncated = await runCli(['cohort', cut, TICKETS]);
    expect(truncated.code).toBe(65);
    expect(truncated.err).toContain(`error: ${cut}: not a readable gzip file`);
  });

  it('reads a FIFO as a stream (it used to fail with ESPIPE, exit 70)', async () => {
    const fifo = join(tempDir(), 'orders.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', ORDERS, fifo]);
    const written = new Promise((resolve) => writer.on('close', resolve));
    const { code, out, err } = await runCli(['cohort', fifo, TICKETS, '--json', ...FAST]);
    expect(await written).toBe(0);
    expect(err).not.toMatch(/internal error|ESPIPE/);
    expect(code).toBe(0);
    expect(withoutFileName(out)).toEqual(await fromFile);
  });
});
