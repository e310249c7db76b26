import { UsageError } from '../errors.js';
import { isoDay, parseIsoDay } from '../time/calendar.js';
import type { ContactWeeks } from './contactWeeks.js';
import { ROOT_CAUSE_CATEGORIES, type ChangeSpec, type RootCauseCategory } from './preventionResult.js';
import type { Day } from '../model/time.js';

/** --change "REASON@YYYY-MM-DD": the reason as written in the tickets, the day the fix went live. */
export function parseChange(text: string): ChangeSpec {
  const at = text.lastIndexOf('@');
  const reason = at < 0 ? '' : text.slice(0, at).trim();
  const date = at < 0 ? '' : text.slice(at + 1).trim();
  if (reason === '' || parseIsoDay(date) === null) {
    throw new UsageError(`--change "${text}" is not REASON@YYYY-MM-DD; write the contact reason, @, and the day the fix went live, e.g. --change "order status@2014-05-05"`);
  }
  return { reason, date };
}

/** --cost-per-contact N: a non-negative number in the data's currency. */
export function parseCostPerContact(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`--cost-per-contact "${text}" is not a number of 0 or more, e.g. --cost-per-contact 4.50`);
  return n;
}

/** "rootCauses" from the config: every category must be one of the five. */
export function parseRootCauses(mapping: Record<string, string> | undefined, file = 'the config'): Record<string, RootCauseCategory> {
  const out: Record<string, RootCauseCategory> = {};
  for (const [reason, category] of Object.entries(mapping ?? {})) {
    const c = category.trim().toLowerCase();
    if (!(ROOT_CAUSE_CATEGORIES as readonly string[]).includes(c)) {
      throw new UsageError(`${file}: "rootCauses.${reason}" is ${JSON.stringify(category)}; it must be one of ${ROOT_CAUSE_CATEGORIES.map((k) => `"${k}"`).join(', ')}.`);
    }
    out[reason] = c as RootCauseCategory;
  }
  return out;
}

/**
 * A change's reason and day against the data: the reason must be one of the tickets' (matched
 * ignoring case and surrounding spaces) and the day inside the analysed weeks, with at least one
 * full week before it. Anything else is a usage error naming what the data holds.
 */
export function resolveChange(spec: ChangeSpec, table: ContactWeeks, file: string): { reasonIndex: number; day: Day } {
  const wanted = spec.reason.toLowerCase();
  const reasonIndex = table.reasons.findIndex((r) => r.trim().toLowerCase() === wanted);
  if (reasonIndex < 0) {
    const shown = table.reasons.slice(0, 12).map((r) => JSON.stringify(r)).join(', ');
    throw new UsageError(`--change "${spec.reason}@${spec.date}": no ticket in ${file} has the reason ${JSON.stringify(spec.reason)}; the reasons are ${shown}${table.reasons.length > 12 ? ', …' : ''}.`);
  }
  const day = parseIsoDay(spec.date)!;
  const first = table.mondays[0];
  const last = table.mondays[table.mondays.length - 1] + 6;
  const range = `${table.labels[0]} (${isoDay(first)}) to ${table.labels[table.labels.length - 1]} (${isoDay(last)})`;
  if (day < first || day > last) {
    throw new UsageError(`--change "${spec.reason}@${spec.date}": the date is outside the weeks of ${file}, ${range}; give a date inside them.`);
  }
  if (day - 7 < first) {
    throw new UsageError(`--change "${spec.reason}@${spec.date}": there is no full week before the date in ${file} (${range}), so nothing to compare with; give a later date or a longer export.`);
  }
  return { reasonIndex, day };
}
