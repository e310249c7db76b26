/**
 * Which orders count. An order counts unless its status says the sale did not stand: a
 * cancelled, refunded, voided or failed order is no purchase. A missing or empty status
 * counts (most exports without a status column list completed sales only). Negative amounts
 * with a counting status are refunds of earlier sales and count, lowering spend.
 */
export const NOT_COUNTED_STATUSES: readonly string[] = ['cancelled', 'canceled', 'refunded', 'voided', 'failed'];

const notCounted = new Set(NOT_COUNTED_STATUSES);

/**
 * @example
 * isCountedOrder(null);        // true
 * isCountedOrder('Completed'); // true
 * isCountedOrder(' CANCELED'); // false
 */
export function isCountedOrder(status: string | null): boolean {
  if (status === null) return true;
  const s = status.trim();
  return s === '' || !notCounted.has(s.toLowerCase());
}
