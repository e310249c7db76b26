import type { DriversResult } from '../analysis/driversResult.js';
import type { FileQuality } from '../ingest/records.js';

/**
 * The `drivers --json` document in the contract's order: model, effects, explanations,
 * patterns; then the headline, the options that were run and the tickets' data quality.
 * Serialise with stableJson.
 */
export function driversJson(result: DriversResult, quality: FileQuality) {
  return {
    model: result.model,
    effects: result.effects,
    explanations: result.explanations,
    patterns: result.patterns,
    headline: result.headline,
    rated: result.rated,
    csat: result.csat,
    options: result.options,
    dataQuality: { tickets: quality },
  };
}
