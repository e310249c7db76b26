import type { GroupStats } from '../../src/analysis/cohortResult.js';
import type { FileQuality, LoadedOrders, LoadedTickets } from '../../src/ingest/records.js';
import { orderTable, type OrderRecord } from '../model/orderRecords.js';
import { ticketTable } from '../model/ticketRecords.js';
import type { OrderColumn } from '../../src/model/orderTable.js';
import type { Satisfaction, TicketColumn, TicketRecord } from '../../src/model/ticketRecord.js';

/** Hand-built canonical records for the cohort tests: dates are 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM'. */
export function wall(text: string): number {
  return Date.parse(text.length === 10 ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}:00Z`);
}

export function order(customerId: string, date: string, amount: number, extra: { id?: string; status?: string } = {}): OrderRecord {
  return { line: 0, customerId, orderDate: wall(date), amount, orderId: extra.id ?? null, status: extra.status ?? null };
}

export interface TicketExtra {
  orderId?: string;
  status?: string;
  resolved?: boolean;
  /** 1–5 score, or 'good'/'bad'. */
  score?: number | 'good' | 'bad';
  followUp?: boolean;
}

export function ticket(customerId: string, date: string, extra: TicketExtra = {}): TicketRecord {
  let satisfaction: Satisfaction | null = null;
  if (typeof extra.score === 'number') satisfaction = { kind: 'numeric', value: extra.score, satisfied: extra.score >= 4 };
  else if (extra.score !== undefined) satisfaction = { kind: 'text', satisfied: extra.score === 'good' };
  return {
    line: 0,
    customerId,
    createdAt: wall(date),
    ticketId: null,
    orderId: extra.orderId ?? null,
    status: extra.status ?? null,
    resolved: extra.resolved ?? null,
    satisfaction,
    reason: null,
    channel: null,
    agent: null,
    waitSeconds: null,
    transfers: null,
    reopens: null,
    contacts: null,
    firstContactResolved: null,
    followUp: extra.followUp ?? null,
  };
}

export function quality(file: string): FileQuality {
  return { file, format: 'canonical', columns: {}, rowsRead: 0, rowsUsed: 0, rowsSkipped: 0, skipped: {}, decisions: [], warnings: [] };
}

export function loadedOrders(records: OrderRecord[], present: OrderColumn[] = ['customer_id', 'order_date', 'amount', 'order_id', 'status']): LoadedOrders {
  return { table: orderTable(records), present: new Set(present), quality: quality('orders.csv') };
}

export function loadedTickets(
  records: TicketRecord[],
  present: TicketColumn[] = ['customer_id', 'created_at', 'order_id', 'status', 'satisfaction'],
): LoadedTickets {
  return { table: ticketTable(records), present: new Set(present), quality: quality('tickets.csv') };
}

/** What a group with no members reports: customers 0, total 0, null statistics (never NaN). */
export const EMPTY_GROUP: GroupStats = {
  customers: 0,
  meanSpend: null,
  medianSpend: null,
  repeatRate: null,
  totalSpend: 0,
  baselineMeanSpend: null,
  ci95: null,
  liftVsNoProblem: null,
};
