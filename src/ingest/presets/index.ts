import type { Preset } from './preset.js';

/** Every export format the ingest can auto-detect or be told to use (--orders-format/--tickets-format). */
export const PRESETS: Preset[] = [];
