import { HOUR_KEYS } from './sliceKeys.js';

/**
 * Groups hours into runs of consecutive hours, e.g. [16, 17, 18, 19, 22] → [[16..19], [22]].
 * The clock wraps: 23 and 00 are adjacent, so a late shift 22:00–01:59 stays one band.
 * Input order does not matter; bands are returned by their first hour, earliest first, except
 * that a band wrapping midnight starts at its evening hour.
 */
export function hourBands(hours: readonly number[]): number[][] {
  const set = new Set(hours);
  if (set.size === 0) return [];
  if (set.size === 24) return [[...Array(24).keys()]];
  const bands: number[][] = [];
  for (let h = 0; h < 24; h++) {
    if (!set.has(h) || set.has((h + 23) % 24)) continue; // not the start of a run
    const band = [h];
    for (let next = (h + 1) % 24; set.has(next); next = (next + 1) % 24) band.push(next);
    bands.push(band);
  }
  return bands.sort((a, b) => a[0] - b[0]);
}

/** [16, 17, 18, 19] → "16:00–19:59"; [9] → "09:00–09:59". */
export function bandLabel(band: readonly number[]): string {
  return `${HOUR_KEYS[band[0]]}:00–${HOUR_KEYS[band[band.length - 1]]}:59`;
}
