import { poissonCountTest } from '../stats/poissonCountTest.js';
import { twoProportionZTest } from '../stats/twoProportionZ.js';
import { dayOf, isoDay } from '../time/calendar.js';
import { ALPHA } from './headline.js';
import { previousWeek, type ReportWeek } from './reportWeek.js';
import { orderedKeys, sliceKey } from './sliceKeys.js';
import { sliceStats } from './sliceStats.js';
import { csatSentence, volumeSentence } from './weeklySentences.js';

/**
 * Week-over-week trends for the weekly report (`loyalty report --week`): this week's volume,
 * CSAT and contact reasons against the week before, each change with its test.
 *
 * The previous week is recomputed from the same tickets file, or read from the summary.json
 * of last week's report (`--compare-to`), which keeps the comparison stable when the ticket
 * export only holds recent weeks or old tickets were re-rated since.
 */

export { TOP_REASONS, type CsatTrend, type ReasonTrend, type VolumeTrend, type WeekCounts, type WeeklyTrends } from './weeklyResult.js';
import { TOP_REASONS, type CsatTrend, type ReasonTrend, type VolumeTrend, type WeekCounts, type WeeklyTrends } from './weeklyResult.js';
import type { TicketTable } from '../model/ticketTable.js';

/** The tickets created (wall-clock day of created_at) within the week. Unrated tickets count in volume only. */
export function weekCounts(tickets: TicketTable, week: ReportWeek): WeekCounts {
  const inWeek = tickets.filtered((i) => {
    const day = dayOf(tickets.createdAt[i]!);
    return day >= week.start && day <= week.end;
  });
  const stats = sliceStats(inWeek);
  const byReason = new Map<string, number>();
  for (let i = 0; i < inWeek.length; i++) {
    const reason = sliceKey(inWeek, i, 'reason');
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  }
  return {
    label: week.label,
    start: isoDay(week.start),
    end: isoDay(week.end),
    tickets: stats.tickets,
    rated: stats.rated,
    satisfied: stats.satisfied,
    csat: stats.csat,
    reasons: orderedKeys('reason', byReason).map((reason) => ({ reason, tickets: byReason.get(reason)! })),
  };
}

/**
 * This week against the week before. `previous` (from --compare-to) replaces the recomputed
 * previous week; the caller has checked it is the right week (previousWeekFromSummary does).
 */
export function weeklyTrends(tickets: TicketTable, week: ReportWeek, previous?: WeekCounts): WeeklyTrends {
  const current = weekCounts(tickets, week);
  const before = previous ?? weekCounts(tickets, previousWeek(week));
  const volume = volumeTrend(current.tickets, before.tickets);
  return {
    week: current,
    previous: before,
    previousSource: previous === undefined ? 'computed' : 'compare-to',
    topReasons: topReasons(current, before),
    csat: csatTrend(current, before),
    volume,
    volumeSentence: volumeSentence(current.label, before.label, volume),
  };
}

function topReasons(current: WeekCounts, before: WeekCounts): ReasonTrend[] {
  const previousCount = new Map(before.reasons.map((r) => [r.reason, r.tickets]));
  return current.reasons.slice(0, TOP_REASONS).map(({ reason, tickets }) => {
    const last = previousCount.get(reason) ?? 0;
    return {
      reason,
      thisWeek: tickets,
      previousWeek: last,
      change: tickets - last,
      changePct: last > 0 ? (tickets - last) / last : null,
    };
  });
}

function csatTrend(current: WeekCounts, before: WeekCounts): CsatTrend {
  const test = twoProportionZTest(current.satisfied, current.rated, before.satisfied, before.rated);
  const p = test?.p ?? null;
  const trend = {
    thisWeek: current.csat,
    previousWeek: before.csat,
    changePoints: current.csat !== null && before.csat !== null ? (current.csat - before.csat) * 100 : null,
    p,
    significant: p === null ? null : p < ALPHA,
  };
  return { ...trend, sentence: csatSentence(current, before, trend) };
}

function volumeTrend(thisWeek: number, last: number): VolumeTrend {
  const p = poissonCountTest(thisWeek, last);
  return {
    thisWeek,
    previousWeek: last,
    change: thisWeek - last,
    changePct: last > 0 ? (thisWeek - last) / last : null,
    p,
    significant: p === null ? null : p < ALPHA,
  };
}
