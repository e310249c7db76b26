/**
 * The few errors a user can see. Each carries its exit code (sysexits.h numbering,
 * so schedulers and shells can tell "you called it wrong" from "your data is wrong").
 * Anything else that escapes is a bug and exits 70 with a stack trace only under LOYALTY_DEBUG.
 */
export const EXIT = {
  ok: 0,
  gate: 1,
  usage: 64,
  data: 65,
  noInput: 66,
  internal: 70,
  cantCreate: 73,
} as const;

export class UserError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong flags, unknown options, malformed rule or window syntax. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** The input exists but cannot be analysed as asked: missing column, unparseable values, empty file. */
export class DataError extends UserError {
  constructor(message: string) {
    super(message, EXIT.data);
  }
}

/** An input file that does not exist or cannot be opened. */
export class InputMissingError extends UserError {
  constructor(message: string) {
    super(message, EXIT.noInput);
  }
}

/** An output file or directory that cannot be written: a path in the way, no permission, a full disk. */
export class OutputError extends UserError {
  constructor(message: string) {
    super(message, EXIT.cantCreate);
  }
}
