/**
 * Time is "wall-clock milliseconds": the date and time as written in the file (or, with --tz,
 * as seen in that zone), encoded as if it were UTC. Calendar arithmetic on it is then plain
 * UTC arithmetic, and hours/weekdays read with getUTCHours()/getUTCDay() are the local ones.
 * See src/time/calendar.ts for days and weeks on it, and src/ingest/values/timeZone.ts for --tz.
 */
export type WallTime = number;

/** One order row as the general reader hands it on (the columnar OrderTable holds the same facts). */
export interface OrderRecord {
  /** 1-based physical line number of the row in its file (for messages). */
  line: number;
  /** Trimmed; e-mail addresses lower-cased so they match across systems. */
  customerId: string;
  orderDate: WallTime;
  /** In the file's single currency; negative = refund. */
  amount: number;
  orderId: string | null;
  status: string | null;
}
