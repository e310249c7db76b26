import { CellCache } from './cellCache.js';
import { splitFields } from './plainFile.js';
import { OPTIONAL_FIELDS, textCell } from '../tickets.js';
import { normalizeCustomerId, normalizeOrderId } from '../values/customerId.js';
import { detach } from '../values/detach.js';
import { cellText, clean } from './plainBytes.js';
import { fastIsoMsBytes, fastZoneBytes } from '../values/timestamp.js';
import type { Satisfaction, TicketColumn, TicketRecord } from '../../model/ticketRecord.js';

/**
 * One line of a plain tickets file read straight from its bytes into its TicketRecord, by the
 * row rules of tickets.ts themselves: every cell but the two times is read by its column's own
 * rule of the raw text, remembered by the cell's bytes (CellCache), and the times by
 * fastIsoMsBytes, the byte twin of the rule's first step. A line this cannot read completely (another
 * number of fields, no customer, a time fastIsoMs does not read, a value its rule refuses) gives
 * null: the caller reads it as text, so it is skipped, counted and explained as before.
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
  private readonly customers: CellCache<string>;
  private readonly labels: CellCache<string | null>[];
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

  constructor(
    delimiter: string,
    width: number,
    positions: ReadonlyMap<string, number>,
    private readonly changedIds: { customer_id: Set<string>; order_id: Set<string> } = { customer_id: new Set(), order_id: new Set() },
  ) {
    this.customers = new CellCache((raw) => normalizeCustomerId(raw, changedIds.customer_id), Infinity);
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
    this.labels = LABELS.map(() => new CellCache(textCell));
    this.fieldAt = OPTIONAL_FIELDS.map((f) => at(f.column));
    this.caches = OPTIONAL_FIELDS.map((f) => new CellCache<unknown>(f.parse));
    this.parsed = OPTIONAL_FIELDS.map(() => null);
  }

  read(bytes: Buffer, start: number, end: number, line: number, b: Int32Array, base: number): TicketRecord | null {
    if (!splitFields(bytes, start, end, this.delimiter, this.width, b, base)) return null;
    const c = base + 2 * this.customerAt;
    const customerId = this.customers.get(bytes, b[c]!, b[c + 1]!);
    if (customerId === '') return null;
    const d = base + 2 * this.createdAt;
    const createdAt = fastIsoMsBytes(bytes, b[d]!, b[d + 1]!);
    if (createdAt !== createdAt) return null;
    this.createdZone = fastZoneBytes(bytes, b[d]!, b[d + 1]!);
    this.responseMs = NaN;
    const r = this.responseAt;
    if (r >= 0 && b[base + 2 * r + 1]! > b[base + 2 * r]!) {
      this.responseMs = fastIsoMsBytes(bytes, b[base + 2 * r]!, b[base + 2 * r + 1]!);
      if (this.responseMs !== this.responseMs) return null;
      this.responseZone = fastZoneBytes(bytes, b[base + 2 * r]!, b[base + 2 * r + 1]!);
    }
    const parsed = this.parsed;
    for (let f = 0; f < this.caches.length; f++) {
      const p = this.fieldAt[f]!;
      parsed[f] = p < 0 ? null : this.caches[f]!.get(bytes, b[base + 2 * p]!, b[base + 2 * p + 1]!);
      if (parsed[f] === 'invalid') return null;
    }
    return {
      line,
      customerId,
      createdAt,
      ticketId: this.text(bytes, this.ticketIdAt, b, base, false),
      orderId: this.text(bytes, this.orderIdAt, b, base, true),
      status: this.label(0, bytes, b, base),
      resolved: parsed[1] as boolean | null,
      satisfaction: parsed[0] as Satisfaction | null,
      reason: this.label(1, bytes, b, base),
      channel: this.label(2, bytes, b, base),
      agent: this.label(3, bytes, b, base),
      waitSeconds: parsed[3] as number | null,
      transfers: parsed[4] as number | null,
      reopens: parsed[5] as number | null,
      contacts: parsed[6] as number | null,
      firstContactResolved: parsed[2] as boolean | null,
      followUp: parsed[7] as boolean | null,
    };
  }

  /** status, reason, channel or agent (LABELS[l]): trimmed, empty → null, as tickets.ts's `label`. */
  private label(l: number, bytes: Buffer, b: Int32Array, base: number): string | null {
    const p = this.labelAt[l]!;
    return p < 0 ? null : this.labels[l]!.get(bytes, b[base + 2 * p]!, b[base + 2 * p + 1]!);
  }

  /**
   * ticket_id (textCell) or order_id (an id: normalizeOrderId, as tickets.ts); a cell with
   * nothing to trim or normalise is its text as it stands.
   */
  private text(bytes: Buffer, p: number, b: Int32Array, base: number, id: boolean): string | null {
    if (p < 0) return null;
    const s = b[base + 2 * p]!;
    const e = b[base + 2 * p + 1]!;
    if (!clean(bytes, s, e, true, this.ascii)) {
      const raw = bytes.toString('utf8', s, e);
      return id ? detach(normalizeOrderId(raw, this.changedIds.order_id) ?? '') || null : textCell(raw);
    }
    return s === e ? null : cellText(bytes, s, e);
  }
}

const LABELS = ['status', 'reason', 'channel', 'agent'] as const;
