import { ByteKeys } from './byteKeys.js';
import { grown } from './grown.js';
import { SATISFACTION_SCORES, type Satisfaction, type TicketRecord } from './ticketRecord.js';

/** A ticket's labels, each a code into `TicketTable.labels`. */
export type LabelColumn = 'status' | 'reason' | 'channel' | 'agent';

const COLUMNS = [
  'line',
  'customer',
  'createdAt',
  'ticketId',
  'orderId',
  'status',
  'reason',
  'channel',
  'agent',
  'resolved',
  'satisfied',
  'score',
  'waitSeconds',
  'transfers',
  'reopens',
  'contacts',
  'firstContactResolved',
  'followUp',
] as const;
type Column = (typeof COLUMNS)[number];
/** The number columns a file may lack; read as NaN on every row then. */
export const OPTIONAL_NUMBERS = ['waitSeconds', 'transfers', 'reopens', 'contacts'] as const;
export type OptionalNumber = (typeof OPTIONAL_NUMBERS)[number];
type Columns = Record<Column, Uint32Array | Int32Array | Int8Array | Float64Array>;

/**
 * Canonical tickets stored by column, as OrderTable stores orders: 77 bytes a ticket in typed
 * arrays plus its ids' tables (~165 MB in all for the 1M-ticket benchmark file), where an object
 * per ticket with its strings cost ~260 bytes. Customer, ticket and order ids
 * are numbered by their bytes (ByteKeys); status, reason, channel and agent are codes into one
 * list of labels (0 is "none"). An unknown boolean (resolved, followUp, firstContactResolved,
 * satisfied) is −1, an unknown number (waitSeconds, transfers, reopens, contacts) NaN.
 *
 * Both tickets readers (the general row rule and the byte reader) build this table and
 * nothing else, so what reads it never depends on which reader ran.
 */
export class TicketTable {
  length = 0;
  line = new Uint32Array(1024);
  customer = new Int32Array(1024);
  createdAt = new Float64Array(1024);
  /** Code in `ticketIds`, or −1 when the ticket has no id. */
  ticketId = new Int32Array(1024);
  /** Code in `orderIds`, or −1 when the ticket names no order. */
  orderId = new Int32Array(1024);
  status = new Int32Array(1024);
  reason = new Int32Array(1024);
  channel = new Int32Array(1024);
  agent = new Int32Array(1024);
  resolved = new Int8Array(1024);
  /** −1 unrated, else whether the score counts as satisfied. */
  satisfied = new Int8Array(1024);
  /** The 1–5 score of a numeric rating; 0 when unrated or rated good/bad. */
  score = new Int8Array(1024);
  waitSeconds = new Float64Array(1024);
  transfers = new Float64Array(1024);
  reopens = new Float64Array(1024);
  contacts = new Float64Array(1024);
  firstContactResolved = new Int8Array(1024);
  followUp = new Int8Array(1024);
  /**
   * Optional number columns the file lacks (see `lacks`): one array stands for all of them, so
   * NaN on every row costs 8 bytes a ticket, not 8 a column (24 MB less at 1M tickets).
   */
  private sharing: readonly OptionalNumber[] = [];
  readonly customerIds: ByteKeys;
  readonly ticketIds: ByteKeys;
  readonly orderIds: ByteKeys;
  /** Label texts by code; 0 is null. */
  readonly labels: (string | null)[];
  private readonly labelCodes: Map<string, number>;

  /** A table of its own ids, or one numbering ids and labels with `ids`'s (see `filtered`). */
  constructor(ids?: TicketTable) {
    this.customerIds = ids?.customerIds ?? new ByteKeys();
    this.ticketIds = ids?.ticketIds ?? new ByteKeys();
    this.orderIds = ids?.orderIds ?? new ByteKeys();
    this.labels = ids?.labels ?? [null];
    this.labelCodes = ids?.labelCodes ?? new Map();
  }

  /**
   * Says which optional number columns the file lacks, on an empty table: they become one
   * array. Every row of each is NaN, written once per column into the same place, so what
   * reads them sees what it saw with an array apiece.
   */
  lacks(columns: readonly OptionalNumber[]): void {
    if (this.length > 0) throw new Error('TicketTable.lacks: the table already has rows');
    if (columns.length < 2) return;
    this.sharing = [...columns];
    this.share(this);
  }

  /** Points `table`'s shared columns at its first one. */
  private share(table: TicketTable): void {
    const [first, ...rest] = this.sharing;
    for (const c of rest) table[c] = table[first!];
  }

  /** Appends one ticket as a reader read it. */
  push(row: TicketRecord): void {
    const i = this.append();
    this.line[i] = row.line;
    this.customer[i] = this.customerIds.addText(row.customerId);
    this.createdAt[i] = row.createdAt;
    this.ticketId[i] = row.ticketId === null ? -1 : this.ticketIds.addText(row.ticketId);
    // An empty order id names no order (ingest never gives one; hand-built rows may).
    this.orderId[i] = row.orderId === null || row.orderId === '' ? -1 : this.orderIds.addText(row.orderId);
    this.status[i] = this.labelCode(row.status);
    this.reason[i] = this.labelCode(row.reason);
    this.channel[i] = this.labelCode(row.channel);
    this.agent[i] = this.labelCode(row.agent);
    this.resolved[i] = flag(row.resolved);
    this.satisfied[i] = row.satisfaction === null ? -1 : row.satisfaction.satisfied ? 1 : 0;
    this.score[i] = row.satisfaction?.kind === 'numeric' ? row.satisfaction.value : 0;
    this.waitSeconds[i] = row.waitSeconds ?? NaN;
    this.transfers[i] = row.transfers ?? NaN;
    this.reopens[i] = row.reopens ?? NaN;
    this.contacts[i] = row.contacts ?? NaN;
    this.firstContactResolved[i] = flag(row.firstContactResolved);
    this.followUp[i] = flag(row.followUp);
  }

  /** Room for one more ticket, whose index this returns: the byte reader fills its columns itself. */
  append(): number {
    if (this.length === this.line.length) this.grow();
    return this.length++;
  }

  /** Appends ticket k of `from`, a table numbering ids and labels with this one's. */
  copyRow(from: TicketTable, k: number): void {
    // Column by column by name: one typed-array type per access, where a loop over the names is not.
    const i = this.append();
    this.line[i] = from.line[k]!;
    this.customer[i] = from.customer[k]!;
    this.createdAt[i] = from.createdAt[k]!;
    this.ticketId[i] = from.ticketId[k]!;
    this.orderId[i] = from.orderId[k]!;
    this.status[i] = from.status[k]!;
    this.reason[i] = from.reason[k]!;
    this.channel[i] = from.channel[k]!;
    this.agent[i] = from.agent[k]!;
    this.resolved[i] = from.resolved[k]!;
    this.satisfied[i] = from.satisfied[k]!;
    this.score[i] = from.score[k]!;
    this.waitSeconds[i] = from.waitSeconds[k]!;
    this.transfers[i] = from.transfers[k]!;
    this.reopens[i] = from.reopens[k]!;
    this.contacts[i] = from.contacts[k]!;
    this.firstContactResolved[i] = from.firstContactResolved[k]!;
    this.followUp[i] = from.followUp[k]!;
  }

  labelCode(label: string | null): number {
    if (label === null) return 0;
    let code = this.labelCodes.get(label);
    if (code === undefined) {
      code = this.labels.length;
      this.labels.push(label);
      this.labelCodes.set(label, code);
    }
    return code;
  }

  /** Ticket i's status, reason, channel or agent; null when empty. */
  label(column: LabelColumn, i: number): string | null {
    return this.labels[this[column][i]!]!;
  }

  customerId(i: number): string {
    return this.customerIds.text(this.customer[i]!);
  }

  ticketIdText(i: number): string | null {
    const k = this.ticketId[i]!;
    return k === -1 ? null : this.ticketIds.text(k);
  }

  orderIdText(i: number): string | null {
    const k = this.orderId[i]!;
    return k === -1 ? null : this.orderIds.text(k);
  }

  /** Ticket i's score as parseSatisfaction gives it (one shared object per score); null when unrated. */
  satisfaction(i: number): Satisfaction | null {
    const satisfied = this.satisfied[i]!;
    if (satisfied < 0) return null;
    const score = this.score[i]!;
    return score > 0 ? SATISFACTION_SCORES.numeric[score]! : satisfied === 1 ? SATISFACTION_SCORES.good : SATISFACTION_SCORES.bad;
  }

  /** The tickets `keep` accepts, in order, as a new table sharing this one's ids and labels. */
  filtered(keep: (i: number) => boolean): TicketTable {
    const out = new TicketTable(this);
    const kept: number[] = [];
    for (let i = 0; i < this.length; i++) if (keep(i)) kept.push(i);
    const from = this.columns();
    const to = out.columns();
    for (const c of COLUMNS) {
      const source = from[c];
      const target = new (source.constructor as new (n: number) => typeof source)(Math.max(kept.length, 1));
      for (let j = 0; j < kept.length; j++) target[j] = source[kept[j]!]!;
      to[c] = target;
    }
    out.sharing = this.sharing;
    this.share(out);
    out.length = kept.length;
    return out;
  }

  /** Keeps the tickets `keep` accepts, in order (tickets whose date turned out unusable). */
  retain(keep: (i: number) => boolean): void {
    const columns = this.columns();
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      if (!keep(i)) continue;
      for (const c of COLUMNS) columns[c][kept] = columns[c][i]!;
      kept++;
    }
    this.length = kept;
  }

  private columns(): Columns {
    return this as unknown as Columns;
  }

  /** Room for `rows` tickets without growing (the byte reader estimates them from the file size). */
  reserve(rows: number): void {
    if (rows > this.line.length) this.grow(rows);
  }

  private grow(rows = Math.ceil(this.line.length * 1.5)): void {
    const columns = this.columns();
    for (const c of COLUMNS) if (!this.sharing.includes(c as OptionalNumber) || c === this.sharing[0]) columns[c] = grown(columns[c], rows);
    this.share(this);
  }
}

function flag(value: boolean | null): number {
  return value === null ? -1 : value ? 1 : 0;
}
