import type { TicketRecord } from '../ingest/records.js';
import { median, mean } from '../stats/summary.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { SliceStats } from './sliceResult.js';

/**
 * Volume, CSAT and operational measures of a set of tickets.
 *
 * Unrated tickets count in `tickets` (volume) but not in `rated`, `satisfied` or CSAT.
 * Each operational rate is over the tickets that carry a value for it, so a column filled
 * only on some rows does not dilute the rate with blanks; it is null when no ticket does.
 *
 * @example
 * // three tickets, scores 5, 2 and unrated → tickets 3, rated 2, satisfied 1, csat 0.5
 */
export function sliceStats(tickets: readonly TicketRecord[]): SliceStats {
  let rated = 0;
  let satisfied = 0;
  const scores: number[] = [];
  const waits: number[] = [];
  const transfers = new Rate();
  const reopens = new Rate();
  const fcr = new Rate();
  for (const t of tickets) {
    if (t.satisfaction !== null) {
      rated += 1;
      if (t.satisfaction.satisfied) satisfied += 1;
      if (t.satisfaction.kind === 'numeric') scores.push(t.satisfaction.value);
    }
    if (t.waitSeconds !== null) waits.push(t.waitSeconds);
    if (t.transfers !== null) transfers.add(t.transfers > 0);
    if (t.reopens !== null) reopens.add(t.reopens > 0);
    const firstContact = firstContactResolution(t);
    if (firstContact !== null) fcr.add(firstContact);
  }
  return {
    tickets: tickets.length,
    rated,
    satisfied,
    csat: rated > 0 ? satisfied / rated : null,
    ci95: rated > 0 ? wilsonInterval(satisfied, rated) : null,
    meanScore: mean(scores),
    medianWaitSeconds: median(waits),
    transferRate: transfers.value(),
    reopenRate: reopens.value(),
    fcrRate: fcr.value(),
  };
}

/** An explicit first_contact_resolved flag wins; otherwise one contact means resolved first time. */
export function firstContactResolution(t: TicketRecord): boolean | null {
  if (t.firstContactResolved !== null) return t.firstContactResolved;
  if (t.contacts !== null) return t.contacts === 1;
  return null;
}

class Rate {
  private hits = 0;
  private n = 0;
  add(hit: boolean): void {
    this.n += 1;
    if (hit) this.hits += 1;
  }
  value(): number | null {
    return this.n > 0 ? this.hits / this.n : null;
  }
}
