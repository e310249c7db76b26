import { OutputError } from '../errors.js';
import { writeOutputSet, type OutputFile } from '../report/write.js';

/**
 * Writes a command's --out files as one set (see writeOutputSet: nothing is replaced unless
 * every file could be written; `last` are the documents linking the others). A path in the
 * way, a missing permission or a full disk is the user's to fix, so it is an OutputError
 * (exit 73) naming the directory, not an internal error.
 */
export async function writeOutputDir(dir: string, files: OutputFile[], last: readonly string[] = []): Promise<string[]> {
  try {
    return await writeOutputSet(dir, files, last);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new OutputError(`cannot write into ${dir} (${code}); check that ${dir} is a writable directory with free space.`);
  }
}
