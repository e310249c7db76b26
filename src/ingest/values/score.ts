import { SATISFACTION_SCORES, type Satisfaction } from '../../model/ticketRecord.js';

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
  if (text === 'good' || text === 'satisfied') return SATISFACTION_SCORES.good;
  if (text === 'bad' || text === 'unsatisfied' || text === 'dissatisfied') return SATISFACTION_SCORES.bad;
  if (/^[1-5](\.0+)?$/.test(text)) return SATISFACTION_SCORES.numeric[Number(text)]!;
  return 'invalid';
}
