import { DataError } from '../errors.js';
import { isoDay } from '../time/calendar.js';
import { weekContaining, type ReportWeek } from './reportWeek.js';
import type { WeekCounts } from './weeklyResult.js';

/**
 * Reads last week's counts back from the summary.json of last week's report (`--compare-to`).
 * The report writes `trends: WeeklyTrends` into summary.json, so `trends.week` is a WeekCounts.
 *
 * `expected` is the week the file must hold: the week before the report week. Everything is
 * checked (types, satisfied ≤ rated ≤ tickets, reasons adding up to tickets, dates matching
 * the label) because a hand-edited or truncated file would otherwise skew the comparison
 * silently. CSAT is recomputed from the counts, so a compared-to week gives exactly the same
 * numbers as the recomputed one would.
 */
export function previousWeekFromSummary(json: unknown, file: string, expected: ReportWeek): WeekCounts {
  const reportWeek = weekContaining(expected.start + 7).label;
  const fix = `pass the unedited summary.json of a \`loyalty report --week ${expected.label}\` run`;
  const fail = (what: string): never => {
    throw new DataError(`${file}: ${what}; ${fix}`);
  };
  const week = member(member(json, 'trends'), 'week');
  if (!isObject(week)) fail('has no weekly trends (trends.week): it was not written by `loyalty report --week`');
  const w = week as Record<string, unknown>;

  if (typeof w.label !== 'string') fail(`trends.week.label must be an ISO week such as "${expected.label}", found ${shown(w.label)}`);
  const label = w.label as string;
  if (label !== expected.label) {
    throw new DataError(
      `${file} holds ${shown(label)}, but the week before ${reportWeek} is ${expected.label}; pass the summary.json of the ${expected.label} report`,
    );
  }
  const [start, end] = [isoDay(expected.start), isoDay(expected.end)];
  if (w.start !== start || w.end !== end) {
    fail(`trends.week runs ${shown(w.start)} to ${shown(w.end)}, but ${label} is ${start} to ${end}`);
  }

  const whole = (key: string, value: unknown): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      fail(`trends.week.${key} must be a whole number ≥ 0, found ${shown(value)}`);
    }
    return value as number;
  };
  const tickets = whole('tickets', w.tickets);
  const rated = whole('rated', w.rated);
  const satisfied = whole('satisfied', w.satisfied);
  if (rated > tickets || satisfied > rated) {
    fail(`trends.week has ${tickets} tickets, ${rated} rated and ${satisfied} satisfied, but needs satisfied ≤ rated ≤ tickets`);
  }
  const csat = rated > 0 ? satisfied / rated : null;
  // A tolerance: summary.json of earlier versions stored floats to 10 significant digits.
  const csatMatches = csat === null ? w.csat === null : typeof w.csat === 'number' && Math.abs(w.csat - csat) <= 1e-9;
  if (!csatMatches) fail(`trends.week.csat is ${shown(w.csat)}, but ${satisfied} satisfied of ${rated} rated gives ${csat}`);

  if (!Array.isArray(w.reasons)) fail(`trends.week.reasons must be a list, found ${shown(w.reasons)}`);
  const seen = new Set<string>();
  const reasons = (w.reasons as unknown[]).map((entry, i) => {
    const r = isObject(entry) ? (entry as Record<string, unknown>) : {};
    if (typeof r.reason !== 'string' || r.reason === '' || seen.has(r.reason)) {
      fail(`trends.week.reasons[${i}].reason must be a reason not listed before, found ${shown(r.reason)}`);
    }
    seen.add(r.reason as string);
    return { reason: r.reason as string, tickets: whole(`reasons[${i}].tickets`, r.tickets) };
  });
  const listed = reasons.reduce((sum, r) => sum + r.tickets, 0);
  if (listed !== tickets) fail(`trends.week.reasons add up to ${listed} tickets, but trends.week.tickets is ${tickets}`);

  return { label, start, end, tickets, rated, satisfied, csat, reasons };
}

function member(value: unknown, key: string): unknown {
  return isObject(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
