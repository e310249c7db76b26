import type { Terminal } from '../terminal.js';

/**
 * Where a command writes its own messages (progress, "wrote …", warnings). Under --quiet only
 * results (stdout) and errors are left: the messages and the progress bar go, and what the
 * warnings say is still in every report's caveats and data-quality sections and in the JSON.
 * Errors are written to the command's own terminal, never to this one.
 */
export function statusTerminal(term: Terminal, flags: { quiet?: boolean }): Terminal {
  if (!flags.quiet) return term;
  return { ...term, err: () => {}, warn: () => {}, progressStream: undefined };
}
