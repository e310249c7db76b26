import { addMonths } from '../time/calendar.js';
import { followUpWindow, problemWindow, type Span } from './windows.js';
import type { Day, DayWindow } from '../model/time.js';

/**
 * The windows before the cohort: the baseline window (`--baseline`, default 12 calendar
 * months) whose spend is the regression's prior spend, and the pre-window of the
 * difference-in-differences, the follow-up's length (`--follow`). Both end the day before the
 * cohort start; a span in months goes back EDATE-style, so 12m before 2014-01-01 starts
 * 2013-01-01.
 */
export function windowBefore(cohort: DayWindow, span: Span): DayWindow {
  return { start: beforeSpan(cohort.start, span), end: cohort.start - 1 };
}

function beforeSpan(day: Day, span: Span): Day {
  if (span.unit === 'm') return addMonths(day, -span.count);
  return day - span.count * (span.unit === 'w' ? 7 : 1);
}

/**
 * Every window of a cohort analysis from the cohort window and the spans (parseCohortSpans):
 * follow-up, problem, baseline and pre-window, as every path that computes or reads facts uses them.
 */
export function cohortWindows(cohort: DayWindow, spans: { follow: Span; grace: Span; baseline: Span }) {
  return {
    cohort,
    followUp: followUpWindow(cohort, spans.follow),
    problem: problemWindow(cohort, spans.grace),
    baseline: windowBefore(cohort, spans.baseline),
    pre: windowBefore(cohort, spans.follow),
  };
}
