import type { ReadProgress } from './ingest/load.js';
import { cutToWidth, displayWidth } from './textWidth.js';
import { terminalText } from './report/escape.js';

/**
 * A progress bar for reading big exports: bytes read, rows per second and time left, redrawn
 * in place on stderr. Only when stderr is a terminal, the file is over ~50 MB and --quiet is
 * not given; never on stdout, so `--json > out.json` stays clean.
 *
 *   progressLine({ label: 'orders.csv', bytes: 262_144_000, total: 524_288_000, rows: 4_800_000, elapsedMs: 4000 })
 *   → 'orders.csv [##########..........]  50%  262/524 MB  1.2M rows/s  ETA 4s'
 */
export interface ProgressState {
  label: string;
  bytes: number;
  total: number;
  rows: number;
  elapsedMs: number;
}

export const PROGRESS_MIN_BYTES = 50 * 1024 * 1024;
const BAR = 20;
const REDRAW_MS = 100;

/**
 * The line, cut to `columns − 1` terminal columns when given (a line as wide as the terminal
 * wraps on some terminals, and `\r` then redraws only its second half): the file name gives
 * way first, then the tail of the line.
 */
export function progressLine(p: ProgressState, columns?: number): string {
  const share = p.total > 0 ? Math.min(1, p.bytes / p.total) : 1;
  const filled = Math.round(share * BAR);
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.rows / seconds : 0;
  const left = p.bytes > 0 && seconds > 0 ? Math.max(0, ((p.total - p.bytes) * seconds) / p.bytes) : null;
  // The label is a file name, which may hold escape sequences: drawn as plain text.
  const label = terminalText(p.label);
  const rest = [
    ` [${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}]`,
    `${String(Math.floor(share * 100)).padStart(3)}%`,
    `${Math.round(p.bytes / 1e6)}/${Math.round(p.total / 1e6)} MB`,
    `${compact(rate)} rows/s`,
    `ETA ${left === null ? '?' : `${Math.ceil(left)}s`}`,
  ].join('  ');
  if (columns === undefined || displayWidth(label + rest) < columns) return label + rest;
  const room = columns - 1 - displayWidth(rest);
  if (room >= 4) return cutToWidth(label, room) + rest;
  return cutToWidth(label + rest, Math.max(0, columns - 1));
}

/** 950 → "950", 12_345 → "12k", 1_234_567 → "1.2M". */
function compact(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${Math.round(n / 1e3)}k`;
  return String(Math.round(n));
}

/**
 * A sink drawing on `stream`, or null when no bar should be drawn (not a TTY, --quiet, small
 * file). Rows are counted as line breaks, so a quoted field with a line break counts twice:
 * close enough for a rate.
 */
export function progressBar(
  stream: NodeJS.WriteStream | null | undefined,
  options: { label: string; totalBytes: number; quiet: boolean },
  now: () => number = Date.now,
): ReadProgress | null {
  if (!stream || !stream.isTTY || options.quiet || options.totalBytes < PROGRESS_MIN_BYTES) return null;
  let started = now();
  let bytes = 0;
  let rows = 0;
  let drawn = 0;
  const draw = () => {
    const t = now();
    if (t - drawn < REDRAW_MS) return;
    drawn = t;
    const line = progressLine({ label: options.label, bytes, total: options.totalBytes, rows, elapsedMs: t - started }, stream.columns || undefined);
    stream.write(`\r${line}\x1b[K`);
  };
  return {
    read(chunk) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) rows++;
      draw();
    },
    advance(more, lines) {
      bytes += more;
      rows += lines;
      draw();
    },
    restart() {
      started = now();
      bytes = 0;
      rows = 0;
    },
    done() {
      if (drawn > 0) stream.write('\r\x1b[K');
    },
  };
}
