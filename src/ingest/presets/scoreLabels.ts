/**
 * Satisfaction values as help desks export them, rewritten into the forms the core's score
 * parser reads (1–5, good/bad, offered/unoffered). Unknown values are returned unchanged so the
 * core counts them under "unrecognised satisfaction score" rather than guessing.
 *
 * Three-level ratings keep their order on the 1–5 scale, so "satisfied" (≥ 4) means the top
 * level only: Help Scout Great/Okay/Not Good and Freshdesk's classic Awesome/Just Okay/Not Good
 * become 5/3/1. Zendesk's "Good with comment" is a good rating.
 *
 *   normalizeScoreLabel('Good with comment') === 'good'
 *   normalizeScoreLabel('Okay') === '3'
 *   normalizeScoreLabel('4/5') === '4'
 */
const LABELS: Record<string, string> = {
  goodwithcomment: 'good',
  good_with_comment: 'good',
  badwithcomment: 'bad',
  bad_with_comment: 'bad',
  great: '5',
  awesome: '5',
  okay: '3',
  ok: '3',
  just_okay: '3',
  neutral: '3',
  not_good: '1',
};

const OUT_OF_FIVE = /^([1-5])(?:\.0+)?\s*(?:\/\s*5|stars?|★+)$/;

export function normalizeScoreLabel(raw: string): string {
  const text = raw.trim().toLowerCase();
  if (text === '') return raw;
  const key = text.replace(/[\s,-]+/g, '_');
  const label = LABELS[key];
  if (label !== undefined) return label;
  const stars = OUT_OF_FIVE.exec(text);
  return stars ? stars[1] : raw;
}
