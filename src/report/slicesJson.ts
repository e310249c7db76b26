import type { SliceResult } from '../analysis/sliceResult.js';
import type { FileQuality } from '../ingest/records.js';

/**
 * The `slices --json` document: the result in a fixed key order (overall, dimensions, tests,
 * findings first, as the issue lists them; then the headline, heatmap cells and the options
 * that were run), plus the data quality of the tickets file. Serialise with stableJson.
 */
export function slicesJson(result: SliceResult, quality: FileQuality) {
  return {
    overall: result.overall,
    dimensions: result.dimensions,
    tests: result.tests,
    findings: result.findings,
    headline: result.headline,
    heatmap: result.heatmap,
    options: result.options,
    dataQuality: { tickets: quality },
  };
}
