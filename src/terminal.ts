import { Chalk, type ChalkInstance } from 'chalk';
import { screenText } from './report/escape.js';

/**
 * Where output goes. stdout carries results only (tables, JSON); progress, warnings and
 * errors go to stderr so `loyalty cohort … --json > out.json` stays clean.
 * Colour follows NO_COLOR (https://no-color.org) and is off when the stream is not a TTY.
 */
export interface Terminal {
  out(text: string): void;
  err(text: string): void;
  warn(text: string): void;
  color: ChalkInstance;
  /** Where a progress bar may be drawn (stderr; drawn only when it is a TTY). Absent: never. */
  progressStream?: NodeJS.WriteStream;
}

/**
 * `term` with every page it is given passed through screenText: whatever a message or a
 * table holds from the data (ANSI/OSC escapes, line breaks in a label, control characters),
 * only printable text and loyalty's own colours reach the screen, with NO_COLOR or without.
 */
export function safeTerminal(term: Terminal): Terminal {
  const keep = term.color.level > 0;
  return {
    ...term,
    out: (text) => term.out(screenText(text, keep)),
    // Messages carry no colour of their own (warn adds its prefix below this gate).
    err: (text) => term.err(screenText(text, false)),
    warn: (text) => term.warn(screenText(text, false)),
  };
}

export function colorEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export function processTerminal(): Terminal {
  // A reader that stops early (`loyalty … | head`) closes the pipe: the rest of the output has
  // nowhere to go, which is no error of the user's and no reason for a stack trace. Once per
  // process, however many runs make a terminal.
  if (!process.stdout.listeners('error').includes(endOnClosedPipe)) process.stdout.on('error', endOnClosedPipe);
  const color = new Chalk({ level: colorEnabled(process.stdout) ? 1 : 0 });
  const errColor = new Chalk({ level: colorEnabled(process.stderr) ? 1 : 0 });
  return {
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    warn: (text) => void process.stderr.write(errColor.yellow('warning: ') + text + '\n'),
    color,
    progressStream: process.stderr,
  };
}

function endOnClosedPipe(e: NodeJS.ErrnoException): void {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
}
