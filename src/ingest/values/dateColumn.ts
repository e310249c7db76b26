import { DataError, UsageError } from '../../errors.js';
import { excelSerialToWall, fastIsoMs, fastZone, isPlausibleExcelSerial, parseTimestamp, ZONE_DATE, zoneOffset, type ParsedTimestamp } from './timestamp.js';
import { toZoneWallClock, type ZoneClock } from './timeZone.js';

/** A value whose reading waits for the whole column: a slash date or a bare number. */
export type PendingTime = Extract<ParsedTimestamp, { kind: 'slash' | 'serial' }> & { raw: string };
export type TimeCell = number | PendingTime;

export type DateOrder = 'MDY' | 'DMY';

/**
 * Parses one timestamp column and decides, from all its values, what the ambiguous ones mean:
 * slash dates are day-first when any first field exceeds 12, month-first when any second field
 * does (or as --date-format says); bare numbers are Excel serial dates only when every value of
 * the column is one. Rows call `cell()` while streaming and `resolve()` after `decide()`.
 *
 * Time zones: without a zone the clock as written is kept (an offset is read but not applied).
 * With a zone, values carrying an offset or Z are converted to that zone's clock; values without
 * one are taken as UTC and converted; date-only values have no clock to convert and stay as written.
 */
/** " at line 4", or nothing when the line is not known. */
function at(line: number): string {
  return line > 0 ? ` at line ${line}` : '';
}

export class DateColumn {
  private dayFirstSeen: string | null = null;
  private monthFirstSeen: string | null = null;
  private slashCount = 0;
  private asymmetricSlash: string | null = null;
  /** Lines of those first values (0 when the caller gave none), for the messages. */
  private readonly seenAt = { dayFirst: 0, monthFirst: 0, asymmetric: 0 };
  private serialCount = 0;
  private namedCount = 0;
  private nonSerialCount = 0;
  private order: DateOrder | null;
  private serial = false;
  private readonly clock: ZoneClock | null;

  constructor(
    readonly column: string,
    readonly label: string,
    dateFormat: string | null,
    zone: string | null,
  ) {
    this.order = parseDateOrder(dateFormat);
    this.clock = zone ? toZoneWallClock(zone) : null;
  }

  /** The wall-clock time, a pending reading, or null when the text is not a timestamp. */
  cell(raw: string, line = 0): TimeCell | null {
    const fast = fastIsoMs(raw);
    if (fast === fast) return this.fastCell(fast, fastZone(raw));
    const parsed = parseTimestamp(raw);
    if (parsed === null) return null;
    if (parsed.kind === 'serial') {
      if (!isPlausibleExcelSerial(parsed.value)) return null;
      this.serialCount++;
      return { ...parsed, raw };
    }
    this.nonSerialCount++;
    if (parsed.kind === 'wall' && parsed.named) this.namedCount++;
    if (parsed.kind === 'wall') return this.zoned(parsed.ms, parsed.offsetMinutes, parsed.hasTime);
    this.slashCount++;
    if (parsed.first > 12 && this.dayFirstSeen === null) {
      this.dayFirstSeen = raw.trim();
      this.seenAt.dayFirst = line;
    }
    if (parsed.second > 12 && this.monthFirstSeen === null) {
      this.monthFirstSeen = raw.trim();
      this.seenAt.monthFirst = line;
    }
    if (parsed.first !== parsed.second && this.asymmetricSlash === null) {
      this.asymmetricSlash = raw.trim();
      this.seenAt.asymmetric = line;
    }
    return { ...parsed, raw };
  }

  /** A value fastIsoMs (or its byte twin) read as `ms`, with its zone code (fastZone). */
  fastCell(ms: number, zone: number): number {
    this.nonSerialCount++;
    return this.clock === null ? ms : this.zoned(ms, zoneOffset(zone), zone !== ZONE_DATE);
  }

  /** fastCell of values from..from+count-1 of `ms` (with their `zones`), in place. */
  fastCells(ms: Float64Array, zones: Uint16Array, from: number, count: number): void {
    if (this.clock === null) {
      this.nonSerialCount += count;
      return;
    }
    for (let i = from; i < from + count; i++) ms[i] = this.fastCell(ms[i]!, zones[i]!);
  }

  /** Fixes the reading of slash dates and bare numbers; throws when the data cannot decide. */
  decide(file: string): void {
    this.serial = this.serialCount > 0 && this.nonSerialCount === 0;
    if (this.slashCount === 0 || this.order !== null) return;
    if (this.dayFirstSeen !== null && this.monthFirstSeen !== null) {
      throw new DataError(
        `${file}: column ${this.label} mixes day-first and month-first dates ("${this.dayFirstSeen}"${at(this.seenAt.dayFirst)} and "${this.monthFirstSeen}"${at(this.seenAt.monthFirst)}); fix the column so all dates use one order.`,
      );
    }
    if (this.dayFirstSeen !== null) this.order = 'DMY';
    else if (this.monthFirstSeen !== null) this.order = 'MDY';
    else if (this.asymmetricSlash !== null) {
      throw new DataError(
        `${file}: column ${this.label} has dates like "${this.asymmetricSlash}"${at(this.seenAt.asymmetric)} that could be month-first or day-first, and no value decides it; add --date-format MDY or --date-format DMY.`,
      );
    } else this.order = 'MDY';
  }

  /** After decide(): the wall-clock time, or null when the value is not usable under the decision. */
  resolve(cell: TimeCell): number | null {
    if (typeof cell === 'number') return cell;
    if (cell.kind === 'serial') return this.serial ? this.zoned(excelSerialToWall(cell.value), null, true) : null;
    const ms = this.order === 'DMY' ? cell.dmy : cell.mdy;
    return ms === null ? null : this.zoned(ms, cell.offsetMinutes, cell.hasTime);
  }

  /** How the column was read, for reports ("order_date: D/M/YYYY (day first)"). */
  describe(): string {
    const forms: string[] = [];
    if (this.nonSerialCount > this.slashCount + this.namedCount) forms.push('ISO 8601');
    if (this.namedCount > 0) forms.push('month names (5 Jan 2014)');
    if (this.slashCount > 0) forms.push(this.order === 'DMY' ? 'D/M/YYYY (day first)' : 'M/D/YYYY (month first)');
    if (this.serial) forms.push('Excel serial dates');
    if (this.clock) forms.push('converted to the --tz zone');
    return forms.length === 0 ? 'no dates' : forms.join(', ');
  }

  private zoned(wall: number, offsetMinutes: number | null, hasTime: boolean): number {
    if (this.clock === null || !hasTime) return wall;
    return this.clock(wall - (offsetMinutes ?? 0) * 60_000);
  }
}

export function parseDateOrder(dateFormat: string | null): DateOrder | null {
  if (dateFormat === null || dateFormat === '') return null;
  const upper = dateFormat.trim().toUpperCase();
  if (upper === 'MDY' || upper === 'DMY') return upper;
  throw new UsageError(`--date-format "${dateFormat}" is not MDY or DMY; use MDY for 3/31/2014 or DMY for 31/3/2014.`);
}
