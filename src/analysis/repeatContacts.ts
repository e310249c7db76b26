/**
 * Which contacts repeat an earlier one: ticket i is a repeat when the same customer opened
 * another ticket at most `windowMs` before it (ties in time go by ticket order). Tickets are
 * grouped by customer number with a counting sort and each customer's few tickets are ordered
 * by time, so the work is linear in the tickets rather than a sort of all of them by time
 * (which took a quarter of `loyalty drivers` on a million tickets).
 *
 * `customer` holds dense customer numbers 0 … customers − 1.
 */
export function repeatContacts(customer: ArrayLike<number>, createdAt: ArrayLike<number>, customers: number, windowMs: number): Uint8Array {
  const n = customer.length;
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) start[customer[i]! + 1]!++;
  for (let c = 0; c < customers; c++) start[c + 1]! += start[c]!;
  const next = Int32Array.from(start.subarray(0, customers));
  // Each customer's tickets, in ticket order.
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[customer[i]!]!++] = i;
  const out = new Uint8Array(n);
  for (let c = 0; c < customers; c++) {
    const from = start[c]!;
    const to = start[c + 1]!;
    if (to - from < 2) continue;
    sortByTime(order, from, to, createdAt);
    for (let a = from + 1; a < to; a++) if (createdAt[order[a]!]! - createdAt[order[a - 1]!]! <= windowMs) out[order[a]!] = 1;
  }
  return out;
}

/** order[from … to) by (time, ticket order). */
function sortByTime(order: Int32Array, from: number, to: number, createdAt: ArrayLike<number>): void {
  if (to - from > 32) {
    // One customer with many tickets (a shared requester address): a real sort.
    order.subarray(from, to).sort((x, y) => createdAt[x]! - createdAt[y]! || x - y);
    return;
  }
  // Insertion sort, stable: most customers have a ticket or two.
  for (let a = from + 1; a < to; a++) {
    const i = order[a]!;
    let b = a - 1;
    while (b >= from && createdAt[order[b]!]! > createdAt[i]!) {
      order[b + 1] = order[b]!;
      b--;
    }
    order[b + 1] = i;
  }
}
