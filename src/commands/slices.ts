import { Command } from 'commander';
import type { Run } from '../cli.js';
import { UsageError } from '../errors.js';

// Placeholder wiring: replaced by the real command.
export function slicesCommand(select: (run: Run) => void): Command {
  return new Command('slices').description('(not yet available)').action(() =>
    select(async () => {
      throw new UsageError('loyalty slices is not available in this build');
    }),
  );
}
