import { InvalidArgumentError } from 'commander';

/**
 * --out DIR as commander parses it. An empty value would resolve to the working directory
 * and scatter a report's files there: it is a usage error (64), found before anything is read
 * or written.
 */
export function parseOutDir(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('needs a directory; give . for the current one');
  return value;
}
