import { DataError } from '../errors.js';
import type { LoadedOrders, LoadedTickets } from '../ingest/records.js';
import { changeEffect } from './changeEffect.js';
import { contactRate, contactWeeks, type ContactWeeks } from './contactWeeks.js';
import { resolveChange } from './preventionOptions.js';
import type { PreventionOptions, PreventionResult, WeekRate } from './preventionResult.js';
import { topReasons } from './preventionTop.js';
import { rootCauses } from './rootCauses.js';

/**
 * The prevention analysis, pure: tickets (and orders, when given) in, PreventionResult out.
 * Steps: contacts and counted orders by ISO week and reason → weekly rates → last week's top
 * reasons → root causes → the effect of each --change. Throws UsageError for a change whose
 * reason or date the data does not hold, DataError when there is no ticket.
 */
export function runPreventionAnalysis(orders: LoadedOrders | null, tickets: LoadedTickets, options: PreventionOptions): PreventionResult {
  const table = contactWeeks(tickets.table, orders === null ? null : orders.table);
  if (table === null) throw new DataError(`${tickets.quality.file}: no usable ticket, so there is no contact rate to measure`);
  // Every change is checked before any is estimated, so one bad --change fails at once.
  const resolved = options.changes.map((spec) => ({ spec, ...resolveChange(spec, table, tickets.quality.file) }));
  const { rows, unmapped } = rootCauses(table, options.rootCauses);
  return {
    denominator: table.orders === null ? 'tickets' : 'orders',
    firstWeek: table.labels[0],
    lastWeek: table.labels[table.labels.length - 1],
    weeks: weekRates(table, table.labels.map((_, w) => table.contacts.reduce((s, row) => s + row[w], 0))),
    reasons: table.reasons.map((key, r) => ({ key, weeks: weekRates(table, table.contacts[r]) })),
    top: topReasons(table),
    rootCauses: rows,
    unmapped,
    changes: resolved.map(({ spec, reasonIndex, day }) => changeEffect(table, reasonIndex, day, spec.date, options.costPerContact)),
    options,
    currency: orders?.currency ?? null,
  };
}

function weekRates(table: ContactWeeks, contacts: number[]): WeekRate[] {
  return table.labels.map((week, w) => {
    const orders = table.orders === null ? null : table.orders[w];
    return { week, orders, contacts: contacts[w], rate: contactRate(contacts[w], orders) };
  });
}
