import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * One child process, measured from outside: wall time from spawn to exit, and peak resident
 * memory (GNU time's %M when /usr/bin/time exists, else the highest VmHWM polled from /proc).
 */
export interface Measured {
  wallMs: number;
  peakRssMb: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export async function measure(command: string, args: string[], cwd: string): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-bench-'));
  const timeFile = join(dir, 'time.txt');
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  const start = performance.now();
  const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  let polledKb = 0;
  const poll = useTime ? null : setInterval(() => (polledKb = Math.max(polledKb, vmHwmKb(child.pid))), 20);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const wallMs = performance.now() - start;
  if (poll) clearInterval(poll);
  let peakKb = polledKb;
  if (useTime) {
    const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
    peakKb = Number(lines[lines.length - 1]);
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    wallMs: Math.round(wallMs),
    peakRssMb: Math.round(peakKb / 1024),
    exitCode,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  };
}

function vmHwmKb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
