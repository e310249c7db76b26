import type { Satisfaction } from '../../model/ticketRecord.js';

/**
 * A satisfaction score: numeric 1–5 (satisfied at 4 or more) or the words help desks export
 * (Zendesk good/bad, others satisfied/unsatisfied). Empty, "offered" and "unoffered" mean the
 * customer did not rate: null. Anything else is 'invalid' and the row is skipped and counted.
 *
 *   parseSatisfaction('4') → { kind: 'numeric', value: 4, satisfied: true }
 *   parseSatisfaction('Bad') → { kind: 'text', satisfied: false }
 */
export function parseSatisfaction(raw: string): Satisfaction | null | 'invalid' {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'offered' || text === 'unoffered' || text === 'not offered') return null;
  if (text === 'good' || text === 'satisfied') return GOOD;
  if (text === 'bad' || text === 'unsatisfied' || text === 'dissatisfied') return BAD;
  if (/^[1-5](\.0+)?$/.test(text)) return SCORES[Number(text)]!;
  return 'invalid';
}

// One frozen object per possible score, shared by every ticket: a million tickets would
// otherwise carry a million copies (~40 MB).
const GOOD: Satisfaction = Object.freeze({ kind: 'text', satisfied: true });
const BAD: Satisfaction = Object.freeze({ kind: 'text', satisfied: false });
const SCORES: Satisfaction[] = [0, 1, 2, 3, 4, 5].map((value) => Object.freeze({ kind: 'numeric', value, satisfied: value >= 4 }));
