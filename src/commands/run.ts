import type { Terminal } from '../terminal.js';

/**
 * What a command hands the commander program once its flags are parsed: the work, run with the
 * terminal, returning the exit code. Commands are wiring only, and every error a user can
 * cause is a UserError carrying its own code (see errors.ts).
 */
export type Run = (term: Terminal) => Promise<number>;
