import type { Command } from 'commander';
import { loadConfig, mergeFlags, type ConfigurableFlags } from '../config.js';

/**
 * The one place a command turns its parsed flags into the flags it runs with: it reads the
 * config (--config FILE, or loyalty.config.json in the working directory) and lets every flag
 * given on the command line win over the file. Commander defaults (e.g. --follow 3m) count as
 * not given, so the file overrides them. Call it inside the command's Run, before any flag is
 * validated, so a config value is checked exactly as if it had been typed.
 *
 *   cmd.action((file, flags) => select(async (term) => run(file, await configuredFlags(cmd, flags), term)));
 */
export async function configuredFlags<F>(cmd: Command, flags: F): Promise<F> {
  const explicit = (flags as { config?: string }).config;
  const config = await loadConfig(workingDirectoryOf(cmd), explicit ?? null);
  const merged = mergeFlags(config, flags as ConfigurableFlags, (key) => cmd.getOptionValueSource(key));
  return merged as F;
}

/**
 * Where loyalty.config.json is looked for. main() binds its cwd to the program, so tests can
 * run the CLI in-process against a temporary directory without process.chdir; a program
 * without a binding uses the process's working directory.
 */
const workingDirectories = new WeakMap<Command, string>();

export function bindWorkingDirectory(program: Command, cwd: string): void {
  workingDirectories.set(program, cwd);
}

function workingDirectoryOf(cmd: Command): string {
  for (let c: Command | null = cmd; c !== null; c = c.parent) {
    const cwd = workingDirectories.get(c);
    if (cwd !== undefined) return cwd;
  }
  return process.cwd();
}
