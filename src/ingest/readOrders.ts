import { inputName } from './inputStream.js';
import { readFile, type ReadProgress } from './load.js';
import type { IngestOptions, LoadedOrders } from './records.js';

/**
 * The one way into an orders export: a path in, the OrderTable (with its quality and profile)
 * out. Which reader ran stays in here: a plain file is read by the byte reader, the rest of a
 * large one by worker threads as well, anything else (quotes, Latin-1, stdin, .gz) by the
 * general path; every one builds the same table (src/ingest/fast/README.md).
 *
 * The readers are imported when first used, so a command's module (and `loyalty --help`) does
 * not load papaparse and every parser at start-up. `parallel` is for tests of the workers.
 */
export async function readOrders(
  path: string,
  options: IngestOptions,
  progress?: ReadProgress | null,
  parallel?: import('./fast/parallelOrders.js').ParallelOptions,
): Promise<LoadedOrders> {
  return readFile(
    path,
    'orders',
    progress,
    async (file, size, presets) => {
      const [{ readPlainOrders }, { parallelRest }, { PLAIN_CHUNK }] = await Promise.all([import('./fast/plainOrders.js'), import('./fast/parallelOrders.js'), import('./fast/plainFile.js')]);
      const rest = parallelRest(path, size, progress ?? undefined, parallel);
      return readPlainOrders(file, size, path, options, presets, progress ?? undefined, PLAIN_CHUNK, rest);
    },
    async (chunks) => (await import('./orders.js')).parseOrders(chunks, inputName(path), options),
  );
}
