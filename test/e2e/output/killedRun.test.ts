import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST } from '../../../src/report/outputDir.js';
import { tempDir } from '../cli.js';

/**
 * A report run killed at any point (SIGTERM, SIGINT, SIGKILL; while reading, drawing, writing
 * the temporaries or renaming) leaves the previous report whole, and the next run leaves no
 * stray file. The built CLI is spawned as a scheduler would run it (`npx tsc -p .` first when
 * running this file alone; npm test builds).
 */
const ARGS = ['fixtures/orders.csv', 'fixtures/tickets.csv', '--png'];
const USER_FILE = 'csat-by-reason.png.mine';

function run(out: string, title: string): { code: number | null; err: string } {
  const r = spawnSync(process.execPath, ['bin/loyalty.js', 'report', ...ARGS, '--out', out, '--title', title], { encoding: 'utf8' });
  return { code: r.status, err: r.stderr };
}

/** Spawns a run and kills it with `signal` once `when` says so (polled every 2 ms), or when it ends by itself. */
function killedRun(out: string, signal: NodeJS.Signals, when: (elapsedMs: number) => boolean): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/loyalty.js', 'report', ...ARGS, '--out', out, '--title', 'New'], { stdio: 'ignore' });
    const started = Date.now();
    const timer = setInterval(() => {
      if (when(Date.now() - started)) {
        clearInterval(timer);
        child.kill(signal);
      }
    }, 2);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve(code);
    });
  });
}

/** The title each document says: one report means one title across them. */
function titles(out: string): string[] {
  const md = /^# (.*)$/m.exec(readFileSync(join(out, 'report.md'), 'utf8'))![1];
  const html = /<h1>(.*)<\/h1>/.exec(readFileSync(join(out, 'report.html'), 'utf8'))![1];
  const json = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).report.title as string;
  return [md, html, json];
}

const strays = (out: string) => readdirSync(out).filter((n) => n.includes('.tmp-'));
const temporaryAppeared = (out: string) => () => strays(out).length > 0;

beforeAll(() => {
  if (!existsSync('dist/src/cli.js')) throw new Error('dist/ is missing: run `npx tsc -p .` (npm test builds) before this test');
});

describe('a run killed at any point', () => {
  it('SIGTERM and SIGINT at several points: the previous report stays whole, the temporaries go with the run', async () => {
    const out = tempDir();
    expect(run(out, 'Old').code).toBe(0);
    writeFileSync(join(out, USER_FILE), 'mine');
    const before = readdirSync(out).sort();
    const points: [NodeJS.Signals, (ms: number) => boolean][] = [
      ['SIGTERM', (ms) => ms > 150],
      ['SIGINT', (ms) => ms > 600],
      ['SIGTERM', (ms) => ms > 1500],
      ['SIGTERM', temporaryAppeared(out)],
      ['SIGINT', temporaryAppeared(out)],
      // The manifest's temporary appears right before the renames: a signal then waits for them.
      ['SIGTERM', () => readdirSync(out).some((n) => n.startsWith(`.${MANIFEST}.tmp-`))],
    ];
    for (const [signal, when] of points) {
      const code = await killedRun(out, signal, when);
      const t = titles(out);
      // All old, or (when the signal came during the renames, which finish first) all new.
      expect(new Set(t).size, `${signal}: ${t.join(' / ')}`).toBe(1);
      if (code !== 0) expect(strays(out), `${signal} exit ${code}`).toEqual([]);
      expect(readdirSync(out).sort()).toEqual(before);
      expect(readFileSync(join(out, USER_FILE), 'utf8')).toBe('mine');
    }
  }, 120_000);

  it('SIGKILL while writing: the next run sweeps what was left and lists exactly its files', async () => {
    const out = tempDir();
    expect(run(out, 'Old').code).toBe(0);
    writeFileSync(join(out, USER_FILE), 'mine');
    const before = readdirSync(out).sort();
    await killedRun(out, 'SIGKILL', temporaryAppeared(out));
    expect(strays(out).length).toBeGreaterThan(0);
    expect(titles(out)).toEqual(['Old', 'Old', 'Old']);
    expect(run(out, 'Next').code).toBe(0);
    expect(strays(out)).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(before);
    const listed = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')).files as string[];
    expect(listed).toEqual(before.filter((n) => n !== MANIFEST && n !== USER_FILE));
    expect(titles(out)).toEqual(['Next', 'Next', 'Next']);
  }, 120_000);
});

describe('--out ""', () => {
  it('is a usage error (64) that writes nothing into the working directory', () => {
    const cwd = tempDir();
    const repo = process.cwd();
    const r = spawnSync(process.execPath, [join(repo, 'bin/loyalty.js'), 'report', join(repo, 'fixtures/orders.csv'), join(repo, 'fixtures/tickets.csv'), '--out', ''], { cwd, encoding: 'utf8' });
    expect(r.status).toBe(64);
    expect(r.stderr).toContain("option '--out <dir>' argument '' is invalid. needs a directory; give . for the current one");
    expect(readdirSync(cwd)).toEqual([]);
  });
});
