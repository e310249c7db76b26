import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { EXIT, UserError } from './errors.js';
import { processTerminal, safeTerminal, type Terminal } from './terminal.js';
import { cohortCommand } from './commands/cohort.js';
import { slicesCommand } from './commands/slices.js';
import { driversCommand } from './commands/drivers.js';
import { reportCommand } from './commands/report.js';
import { validateCommand } from './commands/validate.js';
import { preventionCommand } from './commands/prevention.js';
import { sqlCommand } from './commands/sql.js';
import { bindWorkingDirectory } from './commands/configuredFlags.js';
import type { Run } from './commands/run.js';


/** `cwd` is where loyalty.config.json is looked for (tests pass a temporary directory). */
export async function main(argv: string[], screen: Terminal = processTerminal(), cwd: string = process.cwd()): Promise<number> {
  const term = safeTerminal(screen);
  let run: Run | null = null;
  const program = new Command('loyalty')
    .description('What does customer support do to revenue? Cohort, satisfaction and weekly reports from order and ticket exports.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => term.out(s.trimEnd()), writeErr: (s) => term.err(s.trimEnd()) });
  bindWorkingDirectory(program, cwd);

  const select = (r: Run) => {
    run = r;
  };
  for (const make of [cohortCommand, slicesCommand, driversCommand, reportCommand, validateCommand, preventionCommand, sqlCommand]) {
    // Subcommands added with addCommand inherit nothing: copy the output routing (so errors
    // reach term.err), exitOverride and the help-after-error hint from the program.
    program.addCommand(make(select).copyInheritedSettings(program));
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version "fail" with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return reportError(e, term);
  }
  if (run === null) {
    // No command (`loyalty`, `loyalty --quiet`): the help, on stderr, as for any usage error.
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    return await (run as Run)(term);
  } catch (e) {
    return reportError(e, term);
  }
}

function reportError(e: unknown, term: Terminal): number {
  if (e instanceof UserError) {
    term.err(`error: ${e.message}`);
    return e.exitCode;
  }
  const detail = e instanceof Error ? (process.env.LOYALTY_DEBUG ? e.stack ?? e.message : e.message) : String(e);
  term.err(`internal error: ${detail}\nThis is a bug in loyalty; please report it with the command you ran (set LOYALTY_DEBUG=1 for a stack trace).`);
  return EXIT.internal;
}

/**
 * The version in loyalty's package.json, the nearest one above this module: src/ when run from
 * source, dist/src/ when built. Read when the program is made, so it cannot drift from a release.
 */
export function packageVersion(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'loyalty' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No package.json here (or not loyalty's): look one directory up.
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
