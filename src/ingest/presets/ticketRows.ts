import type { RawRow } from './preset.js';
import { withFallback } from './rows.js';
import { normalizeScoreLabel } from './scoreLabels.js';

/**
 * The one-to-one fold every help-desk preset shares: the customer falls back to the platform's
 * customer id when the e-mail is empty, and satisfaction labels are rewritten into the forms
 * the core reads (see scoreLabels.ts).
 */
export function foldTicketRow(raw: RawRow): RawRow {
  const row = withFallback(raw, 'customer_id', 'customer_fallback');
  const score = row.values.satisfaction;
  if (score === undefined) return row;
  const normalized = normalizeScoreLabel(score);
  return normalized === score ? row : { line: row.line, values: { ...row.values, satisfaction: normalized } };
}
