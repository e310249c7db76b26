import { CellCache } from './cellCache.js';
import { CustomerKeys } from './customerKeys.js';
import { maybeSummary, splitFields } from './plainFile.js';
import { OPTIONAL_FIELDS, textCell } from '../tickets.js';
import { normalizeCustomerId, normalizeOrderId } from '../values/customerId.js';
import { detach } from '../values/detach.js';
import { clean } from './plainBytes.js';
import { fastIsoMsBytes, fastZoneBytes } from '../values/timestamp.js';
import type { ByteKeys } from '../../model/byteKeys.js';
import type { Satisfaction, TicketColumn } from '../../model/ticketRecord.js';
import type { TicketTable } from '../../model/ticketTable.js';

/**
 * One line of a plain tickets file read straight from its bytes into a row of a TicketTable, by
 * the row rules of tickets.ts themselves: every cell but the two times is read by its column's own
 * rule of the raw text, remembered by the cell's bytes (CellCache) as the table's code for it, and
 * the times by fastIsoMsBytes, the byte twin of the rule's first step. A line this cannot read
 * completely (another number of fields, no customer, a time fastIsoMs does not read, a value its
 * rule refuses) adds no row and gives false: the caller reads it as text, so it is skipped,
 * counted and explained as before.
 */
export class TicketLineReader {
  private readonly delimiter: number;
  private readonly width: number;
  /** Field positions, −1 when the column is not mapped. */
  private readonly customerAt: number;
  private readonly createdAt: number;
  private readonly responseAt: number;
  private readonly ticketIdAt: number;
  private readonly orderIdAt: number;
  /**
   * Customer code in the table, −1 for a cell that normalises to no customer: a clean cell
   * (nothing to trim or normalise but an e-mail's case) numbered by its bytes, any other by
   * its rule, remembered by its bytes. Caching every clean e-mail cost two lookups and a
   * string per distinct requester (2.9 s of 1M tickets with e-mail requesters).
   */
  private readonly customerKeys: CustomerKeys;
  private readonly customers: CellCache<number>;
  /** Clean customer cells read and not numbered yet (flushCustomers): their bounds in pendingBytes and their rows (−1: none). */
  private pending = 0;
  private pendingBytes: Buffer | null = null;
  private readonly pendingStart = new Int32Array(PENDING_CELLS);
  private readonly pendingEnd = new Int32Array(PENDING_CELLS);
  private readonly pendingRow = new Int32Array(PENDING_CELLS);
  private readonly numbered = new Int32Array(PENDING_CELLS);
  private readonly labels: CellCache<number>[];
  private readonly labelAt: number[];
  /** The optional fields' caches and positions, in OPTIONAL_FIELDS order, and a line's values. */
  private readonly caches: CellCache<unknown>[];
  private readonly fieldAt: number[];
  private readonly parsed: unknown[];
  /** Of the last line read: created_at's length, first_response_at's reading (NaN: none) and length. */
  createdZone = 0;
  responseMs = NaN;
  responseZone = 0;

  /** The current batch is all ASCII: its ids need no Unicode normalisation. */
  ascii = false;

  /** `table` receives the rows; it numbers ids and labels as the tickets table they are copied to. */
  constructor(
    delimiter: string,
    width: number,
    positions: ReadonlyMap<string, number>,
    private readonly table: TicketTable,
    private readonly changedIds: { customer_id: Set<string>; order_id: Set<string> } = { customer_id: new Set(), order_id: new Set() },
  ) {
    this.customers = new CellCache((raw) => {
      const id = normalizeCustomerId(raw, changedIds.customer_id);
      return id === '' ? -1 : table.customerIds.addText(id);
    }, Infinity);
    this.customerKeys = new CustomerKeys(table.customerIds);
    this.delimiter = delimiter.charCodeAt(0);
    this.width = width;
    const at = (column: TicketColumn) => positions.get(column) ?? -1;
    this.customerAt = at('customer_id');
    this.createdAt = at('created_at');
    this.responseAt = at('first_response_at');
    this.ticketIdAt = at('ticket_id');
    this.orderIdAt = at('order_id');
    this.labelAt = LABELS.map(at);
    // A label's rule is textCell's (trimmed, empty → null); tickets.ts only interns it besides.
    this.labels = LABELS.map(() => new CellCache((raw) => table.labelCode(textCell(raw))));
    this.fieldAt = OPTIONAL_FIELDS.map((f) => at(f.column));
    this.caches = OPTIONAL_FIELDS.map((f) => new CellCache<unknown>(f.parse));
    this.parsed = OPTIONAL_FIELDS.map(() => null);
  }

  /** Reads the line into the table's next row; false (and no row) when it must be read as text. */
  read(bytes: Buffer, start: number, end: number, line: number, b: Int32Array, base: number): boolean {
    if (!splitFields(bytes, start, end, this.delimiter, this.width, b, base)) return false;
    // A totals row is mapRecord's to tell, before its customer id is read (and its change counted).
    if (maybeSummary(bytes, b[base]!, b[base + 1]!)) return false;
    const c = base + 2 * this.customerAt;
    let customer = PENDING;
    if (clean(bytes, b[c]!, b[c + 1]!, false, this.ascii)) this.defer(bytes, b[c]!, b[c + 1]!);
    else {
      // Numbered in line order: the clean cells before this one first.
      this.flushCustomers();
      customer = this.customers.get(bytes, b[c]!, b[c + 1]!);
      if (customer < 0) return false;
    }
    const d = base + 2 * this.createdAt;
    const createdAt = fastIsoMsBytes(bytes, b[d]!, b[d + 1]!);
    if (createdAt !== createdAt) return false;
    this.createdZone = fastZoneBytes(bytes, b[d]!, b[d + 1]!);
    this.responseMs = NaN;
    const r = this.responseAt;
    if (r >= 0 && b[base + 2 * r + 1]! > b[base + 2 * r]!) {
      this.responseMs = fastIsoMsBytes(bytes, b[base + 2 * r]!, b[base + 2 * r + 1]!);
      if (this.responseMs !== this.responseMs) return false;
      this.responseZone = fastZoneBytes(bytes, b[base + 2 * r]!, b[base + 2 * r + 1]!);
    }
    const parsed = this.parsed;
    for (let f = 0; f < this.caches.length; f++) {
      const p = this.fieldAt[f]!;
      parsed[f] = p < 0 ? null : this.caches[f]!.get(bytes, b[base + 2 * p]!, b[base + 2 * p + 1]!);
      if (parsed[f] === 'invalid') return false;
    }
    const t = this.table;
    const i = t.append();
    t.line[i] = line;
    t.customer[i] = customer;
    if (customer === PENDING) this.pendingRow[this.pending - 1] = i;
    t.createdAt[i] = createdAt;
    t.ticketId[i] = this.id(bytes, this.ticketIdAt, b, base, t.ticketIds, false);
    t.orderId[i] = this.id(bytes, this.orderIdAt, b, base, t.orderIds, true);
    t.status[i] = this.label(0, bytes, b, base);
    t.reason[i] = this.label(1, bytes, b, base);
    t.channel[i] = this.label(2, bytes, b, base);
    t.agent[i] = this.label(3, bytes, b, base);
    const satisfaction = parsed[0] as Satisfaction | null;
    t.satisfied[i] = satisfaction === null ? -1 : satisfaction.satisfied ? 1 : 0;
    t.score[i] = satisfaction?.kind === 'numeric' ? satisfaction.value : 0;
    t.resolved[i] = flag(parsed[1]);
    t.firstContactResolved[i] = flag(parsed[2]);
    t.waitSeconds[i] = (parsed[3] as number | null) ?? NaN;
    t.transfers[i] = (parsed[4] as number | null) ?? NaN;
    t.reopens[i] = (parsed[5] as number | null) ?? NaN;
    t.contacts[i] = (parsed[6] as number | null) ?? NaN;
    t.followUp[i] = flag(parsed[7]);
    return true;
  }

  /**
   * Numbers the clean customer cells read since the last call, together and in line order (so
   * their numbers are those one `add` each gives), and writes them into their rows. A line read
   * as text after its cell was taken keeps no row, but its customer is numbered where it was
   * before. The caller calls this before the batch's bytes are let go.
   */
  flushCustomers(): void {
    const n = this.pending;
    if (n === 0) return;
    this.pending = 0;
    this.customerKeys.addMany(this.pendingBytes!, this.pendingStart, this.pendingEnd, n, this.numbered);
    for (let j = 0; j < n; j++) if (this.pendingRow[j]! >= 0) this.table.customer[this.pendingRow[j]!] = this.numbered[j]!;
    this.pendingBytes = null;
  }

  private defer(bytes: Buffer, start: number, end: number): void {
    if (this.pending > 0 && bytes !== this.pendingBytes) this.flushCustomers();
    if (this.pending === this.pendingStart.length) this.flushCustomers();
    this.pendingBytes = bytes;
    this.pendingStart[this.pending] = start;
    this.pendingEnd[this.pending] = end;
    this.pendingRow[this.pending++] = -1;
  }

  /** status, reason, channel or agent (LABELS[l]) as a label code: trimmed, empty → none, as tickets.ts's `label`. */
  private label(l: number, bytes: Buffer, b: Int32Array, base: number): number {
    const p = this.labelAt[l]!;
    return p < 0 ? 0 : this.labels[l]!.get(bytes, b[base + 2 * p]!, b[base + 2 * p + 1]!);
  }

  /**
   * ticket_id (textCell) or order_id (an id: normalizeOrderId, as tickets.ts) as its code in
   * `ids`, −1 for none; a cell with nothing to trim or normalise is numbered by its bytes as they
   * stand (equal text, equal bytes).
   */
  private id(bytes: Buffer, p: number, b: Int32Array, base: number, ids: ByteKeys, orderId: boolean): number {
    if (p < 0) return -1;
    const s = b[base + 2 * p]!;
    const e = b[base + 2 * p + 1]!;
    if (!clean(bytes, s, e, true, this.ascii)) {
      const raw = bytes.toString('utf8', s, e);
      const text = orderId ? detach(normalizeOrderId(raw, this.changedIds.order_id) ?? '') || null : textCell(raw);
      return text === null ? -1 : ids.addText(text);
    }
    return s === e ? -1 : ids.add(bytes, s, e);
  }
}

const LABELS = ['status', 'reason', 'channel', 'agent'] as const;
/** A row's customer number until flushCustomers writes it. */
const PENDING = -2;
/** Clean customer cells numbered together at most. */
const PENDING_CELLS = 4096;

function flag(value: unknown): number {
  return value === null ? -1 : value === true ? 1 : 0;
}
