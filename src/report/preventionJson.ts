import type { PreventionResult } from '../analysis/preventionResult.js';
import type { FileQuality } from '../ingest/records.js';

/**
 * The `prevention --json` document. weeks, reasons, top, rootCauses and changes hold exactly
 * the fields of the contract (relative changes as fractions, −0.28 = 28% fewer); each
 * change adds beforeWeeks, afterWeeks and caveat ("after-too-short", "no-after-week",
 * "no-contacts" or null). Then the denominator, the unmapped reasons, the options and the
 * data quality of each file read. Serialise with stableJson.
 */
export function preventionJson(result: PreventionResult, quality: { orders?: FileQuality; tickets: FileQuality }) {
  return {
    weeks: result.weeks,
    reasons: result.reasons,
    top: result.top.map(({ key, contacts, rate, change, p }) => ({ key, contacts, rate, change, p })),
    rootCauses: result.rootCauses,
    changes: result.changes.map((c) => ({
      reason: c.reason,
      date: c.date,
      relativeChange: c.relativeChange,
      ci95: c.ci95,
      p: c.p,
      avoided: c.avoided,
      cost: c.cost,
      currency: result.currency,
      csatChange: c.csatChange,
      csatCi95: c.csatCi95,
      beforeWeeks: c.beforeWeeks,
      afterWeeks: c.afterWeeks,
      caveat: c.caveat,
    })),
    denominator: result.denominator,
    unmapped: result.unmapped,
    options: result.options,
    dataQuality: quality,
  };
}
