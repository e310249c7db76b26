/**
 * Header names as people type them: "Customer ID", "customer_id", " CUSTOMER-ID " and
 * "\uFEFFcustomer_id" are the same column. Matching ignores case, surrounding spaces, a BOM,
 * and treats spaces, underscores and hyphens alike.
 *
 *   headerKey(' Customer ID ') === 'customer_id'
 */
export function headerKey(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_-]+/g, '_');
}

/** The header row as an index: key → first column position (later duplicates lose). */
export interface HeaderIndex {
  headers: string[];
  positions: Map<string, number>;
  duplicates: string[];
}

export function indexHeaders(fields: string[]): HeaderIndex {
  const headers = fields.map((h) => h.replace(/^\uFEFF/, '').trim());
  const positions = new Map<string, number>();
  const duplicates: string[] = [];
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key === '') return;
    if (positions.has(key)) duplicates.push(h);
    else positions.set(key, i);
  });
  return { headers, positions, duplicates };
}

/** Words that, in real exports, usually hold a canonical column (for "did you mean" hints). */
const SYNONYMS: Record<string, string[]> = {
  customer_id: ['email', 'customer_email', 'customer', 'client', 'client_id', 'user_id', 'requester', 'requester_email', 'buyer', 'contact'],
  order_date: ['date', 'created_at', 'created', 'order_created', 'paid_at', 'purchase_date', 'timestamp'],
  amount: ['total', 'order_total', 'price', 'value', 'revenue', 'sales', 'amount_paid', 'grand_total', 'subtotal'],
  created_at: ['date', 'created', 'created_time', 'opened', 'opened_at', 'timestamp', 'submitted'],
  order_id: ['order', 'order_number', 'name', 'id', 'number'],
  ticket_id: ['id', 'ticket', 'ticket_number', 'conversation_id'],
  satisfaction: ['csat', 'rating', 'satisfaction_score', 'satisfaction_rating', 'score'],
};

/** The header most likely meant for `column` among the unused ones; null when nothing is close. */
export function closestHeader(column: string, headers: string[], taken: ReadonlySet<string>): string | null {
  const free = headers.filter((h) => h !== '' && !taken.has(h));
  const synonyms = SYNONYMS[column] ?? [];
  for (const word of synonyms) {
    const hit = free.find((h) => headerKey(h) === word);
    if (hit) return hit;
  }
  for (const word of synonyms) {
    const hit = free.find((h) => headerKey(h).includes(word));
    if (hit) return hit;
  }
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const h of free) {
    const d = editDistance(headerKey(h), column);
    if (d < bestDistance) {
      best = h;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
