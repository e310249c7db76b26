import type { ContactWeeks } from './contactWeeks.js';
import { ROOT_CAUSE_CATEGORIES, UNMAPPED, type RootCauseCategory, type RootCauseRow } from './preventionResult.js';

/**
 * Contacts and CSAT by root cause over every analysed week: each reason goes to the category
 * the config gives it ("rootCauses": {"order status": "tooling"}; reasons matched ignoring
 * case and surrounding spaces), the rest to "unmapped". Categories are listed in their fixed
 * order, an empty category omitted; "unmapped" last.
 */
export function rootCauses(table: ContactWeeks, mapping: Record<string, RootCauseCategory>): { rows: RootCauseRow[]; unmapped: string[] } {
  const byKey = new Map(Object.entries(mapping).map(([reason, category]) => [reason.trim().toLowerCase(), category]));
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  const all = table.contacts.reduce((a, row) => a + sum(row), 0);
  const groups = new Map<string, { reasons: string[]; contacts: number; rated: number; satisfied: number }>();
  table.reasons.forEach((reason, r) => {
    const category = byKey.get(reason.trim().toLowerCase()) ?? UNMAPPED;
    const g = groups.get(category) ?? { reasons: [], contacts: 0, rated: 0, satisfied: 0 };
    g.reasons.push(reason);
    g.contacts += sum(table.contacts[r]);
    g.rated += sum(table.rated[r]);
    g.satisfied += sum(table.satisfied[r]);
    groups.set(category, g);
  });
  const rows: RootCauseRow[] = [];
  for (const category of [...ROOT_CAUSE_CATEGORIES, UNMAPPED] as const) {
    const g = groups.get(category);
    if (g === undefined) continue;
    rows.push({ category, reasons: g.reasons, contacts: g.contacts, share: all > 0 ? g.contacts / all : 0, csat: g.rated > 0 ? g.satisfied / g.rated : null });
  }
  return { rows, unmapped: groups.get(UNMAPPED)?.reasons ?? [] };
}
