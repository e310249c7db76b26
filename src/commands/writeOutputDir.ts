import { OutputError } from '../errors.js';
import { writeOwnedDir, type OwnedWrite } from '../report/outputDir.js';
import type { OutputFile } from '../report/write.js';

/**
 * Writes a command's --out files as one set into a folder loyalty shares with the user (see
 * outputDir.ts: only files its manifest lists are replaced or removed; nothing is replaced
 * unless every file could be written; `last` are the documents linking the others; `ours`
 * the names of an earlier run to remove when this run does not write them). A path in the
 * way, a missing permission or a full disk is the user's to fix, so it is an OutputError
 * (exit 73) naming the directory, not an internal error.
 */
export async function writeOutputDir(
  dir: string,
  files: OutputFile[],
  options: { last?: readonly string[]; ours?: (name: string) => boolean; what?: string } = {},
): Promise<OwnedWrite> {
  const { last = [], ours, what = '' } = options;
  try {
    return await writeOwnedDir(dir, files, { last, ours });
  } catch (e) {
    if (e instanceof OutputError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new OutputError(`cannot write ${what}into ${dir} (${code}); check that ${dir} is a writable directory with free space.`);
  }
}
