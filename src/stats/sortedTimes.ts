/**
 * A sample's times split by its event flags, each part sorted ascending as numbers: what the
 * survival statistics walk through, distinct time by distinct time. Two typed-array sorts,
 * where an index array sorted by a comparator took ~0.3 s and an object or boxed index per
 * subject (~60 bytes) at 500k subjects.
 */
export interface SortedTimes {
  /** Times of the subjects with the event (flag ≠ 0). */
  events: Float64Array;
  /** Times of the censored subjects (flag 0). */
  censored: Float64Array;
}

export function sortedTimes(times: ArrayLike<number>, events: ArrayLike<number>): SortedTimes {
  let withEvent = 0;
  for (let i = 0; i < times.length; i++) if (events[i]) withEvent++;
  const eventTimes = new Float64Array(withEvent);
  const censored = new Float64Array(times.length - withEvent);
  for (let i = 0, e = 0, c = 0; i < times.length; i++) {
    if (events[i]) eventTimes[e++] = times[i]!;
    else censored[c++] = times[i]!;
  }
  return { events: eventTimes.sort(), censored: censored.sort() };
}

/** How many of sorted[from …] equal `time` (sorted ascending): the run of `time` there. */
export function runOf(sorted: Float64Array, from: number, time: number): number {
  let to = from;
  while (to < sorted.length && sorted[to] === time) to++;
  return to - from;
}
