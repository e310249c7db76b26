import { comparisons, groupColumns, groupStats, type MemberColumns } from './cohortGroups.js';
import type { CohortOptions, CohortResult, ResolutionRule } from './cohortResult.js';
import type { CohortChoice } from './cohortWindow.js';
import { cohortHeadline } from './headline.js';
import { censoringOf, isoWindow, type DayWindow } from './windows.js';
import { isoDay } from '../time/calendar.js';

/**
 * A CohortResult from members' facts computed elsewhere (a SQL engine, src/engines): the same
 * statistics, tests and headline as runCohortAnalysis, from the same member columns in the same
 * member order, so equal facts give equal results to the last digit.
 */
export function cohortFromMembers(input: {
  members: MemberColumns;
  windows: { cohort: DayWindow; followUp: DayWindow; problem: DayWindow };
  choice: CohortChoice;
  span: { first: number; last: number };
  options: CohortOptions;
  resolutionRule: ResolutionRule;
  counts: CohortResult['counts'];
  /** The amounts' ISO currency (--currency); null when none was named. */
  currency?: string | null;
}): CohortResult {
  const { members, windows, span, options } = input;
  const columns = groupColumns(members);
  const groups = groupStats(columns, { resamples: options.bootstrap, seed: options.seed });
  const tests = comparisons(columns, groups);
  const censoring = censoringOf(windows.followUp, span.last);
  return {
    cohort: isoWindow(windows.cohort),
    cohortChoice: input.choice,
    dataRange: { start: isoDay(span.first), end: isoDay(span.last) },
    followUp: isoWindow(windows.followUp),
    problemWindow: isoWindow(windows.problem),
    options,
    resolutionRule: input.resolutionRule,
    censoring,
    currency: input.currency ?? null,
    groups,
    comparisons: tests,
    headline: cohortHeadline(groups, tests, censoring, input.currency ?? null),
    counts: input.counts,
  };
}
