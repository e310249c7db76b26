import { median } from '../stats/summary.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { SliceCounts, SliceStats } from './sliceResult.js';
import type { TicketTable } from '../model/ticketTable.js';

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
export function sliceStats(tickets: TicketTable): SliceStats {
  return statsOfCounts(sliceCounts(tickets));
}

/**
 * The additive counts of a set of tickets, and the median wait (not additive: computed here
 * from the slice's own waits, as the SQL builder computes it per slice).
 */
export function sliceCounts(tickets: TicketTable): SliceCounts {
  const tally = new SliceTally();
  for (let i = 0; i < tickets.length; i++) tally.add(tickets, i);
  return tally.counts();
}

/** sliceCounts of the tickets added one by one, so a table's slices are counted in one pass. */
export class SliceTally {
  private readonly tally = emptyCounts();
  private readonly waits: number[] = [];

  add(tickets: TicketTable, i: number): void {
    const counts = this.tally;
    counts.tickets += 1;
    const satisfied = tickets.satisfied[i]!;
    if (satisfied >= 0) {
      counts.rated += 1;
      if (satisfied === 1) counts.satisfied += 1;
      const score = tickets.score[i]!;
      if (score > 0) {
        counts.scores += 1;
        counts.scoreSum += score;
      }
    }
    // NaN (no value) is the one number not equal to itself.
    const wait = tickets.waitSeconds[i]!;
    if (wait === wait) this.waits.push(wait);
    const transfers = tickets.transfers[i]!;
    if (transfers === transfers) count(counts.transfers, transfers > 0);
    const reopens = tickets.reopens[i]!;
    if (reopens === reopens) count(counts.reopens, reopens > 0);
    const firstContact = firstContactResolution(tickets, i);
    if (firstContact !== null) count(counts.fcr, firstContact);
  }

  counts(): SliceCounts {
    this.tally.medianWaitSeconds = median(this.waits);
    return this.tally;
  }
}

/**
 * The statistics of a slice from its counts. Scores are whole numbers 1–5, so their sum is
 * exact in any order and sum ÷ count is the bits simple-statistics' mean gives.
 */
export function statsOfCounts(c: SliceCounts): SliceStats {
  return {
    tickets: c.tickets,
    rated: c.rated,
    satisfied: c.satisfied,
    csat: c.rated > 0 ? c.satisfied / c.rated : null,
    ci95: c.rated > 0 ? wilsonInterval(c.satisfied, c.rated) : null,
    meanScore: c.scores > 0 ? c.scoreSum / c.scores : null,
    medianWaitSeconds: c.medianWaitSeconds,
    transferRate: rate(c.transfers),
    reopenRate: rate(c.reopens),
    fcrRate: rate(c.fcr),
  };
}

export function emptyCounts(): SliceCounts {
  return {
    tickets: 0,
    rated: 0,
    satisfied: 0,
    scores: 0,
    scoreSum: 0,
    medianWaitSeconds: null,
    transfers: { hits: 0, known: 0 },
    reopens: { hits: 0, known: 0 },
    fcr: { hits: 0, known: 0 },
  };
}

/** An explicit first_contact_resolved flag wins; otherwise one contact means resolved first time. */
export function firstContactResolution(tickets: TicketTable, i: number): boolean | null {
  const resolved = tickets.firstContactResolved[i]!;
  if (resolved >= 0) return resolved === 1;
  const contacts = tickets.contacts[i]!;
  if (contacts === contacts) return contacts === 1;
  return null;
}

function count(share: { hits: number; known: number }, hit: boolean): void {
  share.known += 1;
  if (hit) share.hits += 1;
}

function rate(share: { hits: number; known: number }): number | null {
  return share.known > 0 ? share.hits / share.known : null;
}
