/** The parsed flags of `loyalty validate`, shared by its command definition (validate.ts) and its run module, which the definition loads lazily. */
import type { RawIngestFlags } from './ingestOptions.js';

export interface ValidateFlags extends RawIngestFlags {
  json?: boolean;
}
