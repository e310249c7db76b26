import { inputName } from './inputStream.js';
import { readFile, type ReadProgress } from './load.js';
import type { IngestOptions, LoadedTickets } from './records.js';

/**
 * The one way into a tickets export: the byte reader for a plain file, the general path for
 * anything else (see readOrders). Readers are imported when first used.
 */
export async function readTickets(path: string, options: IngestOptions, progress?: ReadProgress | null): Promise<LoadedTickets> {
  return readFile(
    path,
    'tickets',
    progress,
    async (file, size, presets) => (await import('./fast/plainTickets.js')).readPlainTickets(file, size, path, options, presets, progress ?? undefined),
    async (chunks) => (await import('./tickets.js')).parseTickets(chunks, inputName(path), options),
  );
}
