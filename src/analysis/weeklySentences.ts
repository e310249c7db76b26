import { count, pct } from '../numberText.js';
import { ALPHA, pText } from './headline.js';
import type { VolumeTrend, WeekCounts } from './weeklyResult.js';

/**
 * The plain-language sentences of the weekly trends. Every change carries its p-value, with
 * "not significant" in the same parentheses when p ≥ 0.05; a missing comparison says why.
 */

/** The numbers csatSentence needs beyond the two weeks' counts. */
interface CsatNumbers {
  changePoints: number | null;
  p: number | null;
}

/**
 * "CSAT fell 6.2 points to 71% in 2026-W47 from 77% in 2026-W46 (not significant, p = 0.12;
 * 210 vs 198 rated)." Percentages are whole unless both round to the same whole percent.
 */
export function csatSentence(week: WeekCounts, previous: WeekCounts, trend: CsatNumbers): string {
  const [w, prev] = [week.label, previous.label];
  if (week.csat === null && previous.csat === null) {
    return `No rated tickets in ${w} or ${prev}, so there is no CSAT to compare.`;
  }
  if (week.csat === null) {
    return `No rated tickets in ${w}, so there is no CSAT to compare with ${prev} (${pct(previous.csat, 0)}, ${count(previous.rated)} rated).`;
  }
  if (previous.csat === null) {
    return `CSAT was ${pct(week.csat, 0)} in ${w} (${count(week.rated)} rated); no rated tickets in ${prev} to compare with.`;
  }
  const rated = `${count(week.rated)} vs ${count(previous.rated)} rated`;
  if (trend.p === null) {
    // Both weeks rated and no test: the pooled proportion is 0 or 1, so both weeks agree.
    const outcome = week.satisfied === 0 ? 'no rated ticket was satisfied' : 'every rated ticket was satisfied';
    return `CSAT held at ${pct(week.csat, 0)} in ${w} and ${prev} (${rated}; ${outcome}, so there is nothing to test).`;
  }
  const digits = pct(week.csat, 0) === pct(previous.csat, 0) ? 1 : 0;
  const [now, before] = [pct(week.csat, digits), pct(previous.csat, digits)];
  const why = `${uncertainty(trend.p)}; ${rated}`;
  const points = Math.abs(trend.changePoints!).toFixed(1);
  if (points === '0.0') return `CSAT held steady at ${now} in ${w} (${before} in ${prev}; ${why}).`;
  const verb = trend.changePoints! > 0 ? 'rose' : 'fell';
  return `CSAT ${verb} ${points} points to ${now} in ${w} from ${before} in ${prev} (${why}).`;
}

/** "2026-W47 had 1,234 tickets, 5% more than 2026-W46 (1,175; not significant, p = 0.24)." */
export function volumeSentence(week: string, previous: string, v: VolumeTrend): string {
  if (v.thisWeek === 0 && v.previousWeek === 0) return `No tickets in ${week} or ${previous}.`;
  if (v.change === 0) return `${week} had ${tickets(v.thisWeek)}, as many as ${previous}.`;
  const why = uncertainty(v.p!);
  if (v.previousWeek === 0) return `${week} had ${tickets(v.thisWeek)} against none in ${previous} (${why}).`;
  if (v.thisWeek === 0) return `${week} had no tickets against ${count(v.previousWeek)} in ${previous} (${why}).`;
  const percent = Math.round(Math.abs(v.changePct!) * 100);
  const size = percent === 0 ? `about as many as ${previous}` : `${percent}% ${v.change > 0 ? 'more' : 'fewer'} than ${previous}`;
  return `${week} had ${tickets(v.thisWeek)}, ${size} (${count(v.previousWeek)}; ${why}).`;
}

function uncertainty(p: number): string {
  return p < ALPHA ? `p ${pText(p)}` : `not significant, p ${pText(p)}`;
}

function tickets(n: number): string {
  return `${count(n)} ${n === 1 ? 'ticket' : 'tickets'}`;
}
