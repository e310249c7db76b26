import type { WallTime } from './time.js';

/** The canonical tickets columns a file's header is mapped to; the first two must be there. */
export const TICKET_COLUMNS = [
  'customer_id',
  'created_at',
  'ticket_id',
  'order_id',
  'status',
  'resolved',
  'satisfaction',
  'reason',
  'channel',
  'agent',
  'wait_seconds',
  'first_response_at',
  'transfers',
  'reopens',
  'contacts',
  'first_contact_resolved',
  'follow_up',
] as const;
export type TicketColumn = (typeof TICKET_COLUMNS)[number];
export const REQUIRED_TICKET_COLUMNS: readonly TicketColumn[] = ['customer_id', 'created_at'];

/** A satisfaction score as the customer gave it. Unrated tickets carry null instead. */
export type Satisfaction =
  | { kind: 'numeric'; value: number; satisfied: boolean }
  | { kind: 'text'; satisfied: boolean };

/**
 * One frozen object per possible score, shared by every ticket that has it: a million tickets
 * would otherwise carry a million copies (~40 MB).
 */
export const SATISFACTION_SCORES: { good: Satisfaction; bad: Satisfaction; numeric: readonly Satisfaction[] } = {
  good: Object.freeze({ kind: 'text', satisfied: true }),
  bad: Object.freeze({ kind: 'text', satisfied: false }),
  numeric: [0, 1, 2, 3, 4, 5].map((value) => Object.freeze({ kind: 'numeric', value, satisfied: value >= 4 })),
};

/**
 * One canonical ticket row, as a tickets reader reads it before TicketTable.push stores it by
 * column (and as tests write tickets by hand).
 */
export interface TicketRecord {
  line: number;
  customerId: string;
  createdAt: WallTime;
  ticketId: string | null;
  orderId: string | null;
  status: string | null;
  /** From a `resolved` column when present and non-empty; null otherwise. */
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
  /** Trimmed; null when the column is absent, '' never appears (empty becomes null). */
  reason: string | null;
  channel: string | null;
  agent: string | null;
  /** wait_seconds, or first_response_at − created_at in seconds. */
  waitSeconds: number | null;
  transfers: number | null;
  reopens: number | null;
  contacts: number | null;
  firstContactResolved: boolean | null;
  /** A proactive follow-up after resolution (follow_up column: true/false); null when absent or empty. */
  followUp: boolean | null;
}
