import { DataError } from '../errors.js';
import { NONE_KEY, type Dimension } from '../analysis/sliceResult.js';
import { WEEKDAYS } from '../time/calendar.js';

/** One slice's counts, as `slices` reports them. */
export interface SliceCount {
  tickets: number;
  rated: number;
  satisfied: number;
}

/**
 * The rows of sliceCountsSql (one per hour × weekday × reason × channel × agent cell) summed
 * per dimension, keyed as `slices` keys its slices: hours "00"–"23", weekdays Mon–Sun, an
 * empty label "(none)".
 */
export function sliceCountsByDimension(rows: readonly Record<string, string | null>[], engine: string): Record<Dimension, Map<string, SliceCount>> {
  const out = { hour: new Map(), weekday: new Map(), reason: new Map(), channel: new Map(), agent: new Map() } as Record<Dimension, Map<string, SliceCount>>;
  for (const row of rows) {
    const hour = Number(row.hour);
    const weekday = Number(row.weekday);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw new DataError(`${engine}: the slice counts query returned hour ${row.hour} and weekday ${row.weekday}`);
    }
    const counts = { tickets: Number(row.tickets), rated: Number(row.rated), satisfied: Number(row.satisfied) };
    const keys: Record<Dimension, string> = {
      hour: String(hour).padStart(2, '0'),
      weekday: WEEKDAYS[weekday - 1]!,
      reason: row.reason ?? NONE_KEY,
      channel: row.channel ?? NONE_KEY,
      agent: row.agent ?? NONE_KEY,
    };
    for (const dimension of Object.keys(out) as Dimension[]) {
      const slot = out[dimension].get(keys[dimension]) ?? { tickets: 0, rated: 0, satisfied: 0 };
      slot.tickets += counts.tickets;
      slot.rated += counts.rated;
      slot.satisfied += counts.satisfied;
      out[dimension].set(keys[dimension], slot);
    }
  }
  return out;
}
