import { Command } from 'commander';
import type { Run } from '../cli.js';
import { UsageError } from '../errors.js';

// Placeholder wiring: replaced by the real command.
export function validateCommand(select: (run: Run) => void): Command {
  return new Command('validate').description('(not yet available)').action(() =>
    select(async () => {
      throw new UsageError('loyalty validate is not available in this build');
    }),
  );
}
