/**
 * Time is "wall-clock milliseconds": the date and time as written in the file (or, with --tz,
 * as seen in that zone), encoded as if it were UTC. Calendar arithmetic on it is then plain
 * UTC arithmetic, and hours/weekdays read with getUTCHours()/getUTCDay() are the local ones.
 * See src/time/calendar.ts for days and weeks on it, and src/ingest/values/timeZone.ts for --tz.
 */
export type WallTime = number;
