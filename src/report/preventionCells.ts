import type { PreventionResult } from '../analysis/preventionResult.js';
import { count, pct, pValue, signedPct } from './format.js';
import type { TableColumn } from './table.js';

/** The cells of the prevention tables, shared by the terminal and Markdown; `name` escapes data text. */
type Name = (text: string) => string;

export function rate(x: number | null, result: PreventionResult): string {
  if (x === null) return '–';
  return result.denominator === 'orders' ? x.toFixed(2) : x.toFixed(1);
}

export function weeksTable(result: PreventionResult): { columns: TableColumn[]; rows: string[][] } {
  const withOrders = result.denominator === 'orders';
  const columns: TableColumn[] = [{ header: 'Week' }, ...(withOrders ? [{ header: 'Orders', align: 'right' as const }] : []), { header: 'Contacts', align: 'right' }, { header: withOrders ? 'Per 100 orders' : 'Tickets', align: 'right' }];
  const rows = result.weeks.map((w) => [w.week, ...(withOrders ? [count(w.orders ?? 0)] : []), count(w.contacts), rate(w.rate, result)]);
  return { columns: withOrders ? columns : columns.slice(0, 2), rows: withOrders ? rows : rows.map((r) => r.slice(0, 2)) };
}

export function topTable(result: PreventionResult, name: Name): { columns: TableColumn[]; rows: string[][] } {
  const columns: TableColumn[] = [
    { header: 'Reason' },
    { header: 'Contacts', align: 'right' },
    { header: result.denominator === 'orders' ? 'Per 100 orders' : 'Tickets', align: 'right' },
    { header: 'Before (mean)', align: 'right' },
    { header: 'Change', align: 'right' },
    { header: 'p', align: 'right' },
  ];
  const rows = result.top.map((t) => [name(t.key), count(t.contacts), rate(t.rate, result), rate(t.previousRate, result), signedPct(t.change), pValue(t.p)]);
  return { columns, rows };
}

export function rootCauseTable(result: PreventionResult, name: Name): { columns: TableColumn[]; rows: string[][] } {
  const columns: TableColumn[] = [
    { header: 'Root cause' },
    { header: 'Contacts', align: 'right' },
    { header: 'Share', align: 'right' },
    { header: 'CSAT', align: 'right' },
    { header: 'Reasons' },
  ];
  const rows = result.rootCauses.map((r) => [r.category, count(r.contacts), pct(r.share, 0), pct(r.csat, 0), shortList(r.reasons.map(name))]);
  return { columns, rows };
}

function shortList(items: string[], max = 6): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
