import { poissonRateTest } from '../stats/poissonRateTest.js';
import { contactRate, type ContactWeeks } from './contactWeeks.js';
import type { TopReason } from './preventionResult.js';

/** How many reasons the top list holds, and how many earlier weeks last week is compared with. */
export const TOP_COUNT = 5;
export const BASELINE_WEEKS = 4;

/**
 * Last week's five most frequent reasons (ties by name), each against the previous four weeks
 * (fewer when the data starts later): the change of its rate from their mean rate, and the
 * exact Poisson test of last week's count against theirs with the weeks' counted orders as
 * exposure (each week weighs 1 without an orders file). The mean is orders-weighted, Σcontacts ÷
 * Σorders × 100, the rate the test compares; without orders it is the plain mean count.
 */
export function topReasons(table: ContactWeeks): TopReason[] {
  const last = table.labels.length - 1;
  const from = Math.max(0, last - BASELINE_WEEKS);
  const exposure = (w: number) => (table.orders === null ? 1 : table.orders[w]);
  const lastExposure = exposure(last);
  let previousExposure = 0;
  for (let w = from; w < last; w++) previousExposure += exposure(w);
  const ranked = table.reasons
    .map((key, r) => ({ key, r, contacts: table.contacts[r][last] }))
    .filter((x) => x.contacts > 0)
    .sort((a, b) => b.contacts - a.contacts || a.r - b.r)
    .slice(0, TOP_COUNT);
  return ranked.map(({ key, r, contacts }) => {
    let previous = 0;
    for (let w = from; w < last; w++) previous += table.contacts[r][w];
    const rate = contactRate(contacts, table.orders === null ? null : lastExposure);
    const previousWeeks = last - from;
    const previousRate = previousWeeks === 0 || previousExposure === 0 ? null : (previous / previousExposure) * (table.orders === null ? 1 : 100);
    const testable = previousWeeks > 0 && lastExposure > 0 && previousExposure > 0;
    return {
      key,
      contacts,
      rate,
      change: rate !== null && previousRate !== null && previousRate > 0 ? rate / previousRate - 1 : null,
      p: testable ? poissonRateTest(contacts, previous, lastExposure, previousExposure) : null,
      previousRate,
      previousWeeks,
    };
  });
}
