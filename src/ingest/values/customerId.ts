import { detach } from './detach.js';

/**
 * The key that joins orders to tickets: trimmed, and e-mail addresses lower-cased because
 * shops and help desks disagree about capitals ("Ann@Example.com" vs "ann@example.com").
 * Non-ASCII ids are also made one Unicode form (see normalizeIdText), so "josé" typed and
 * "jose\u0301" pasted from a Mac are one customer. `changed` collects the raw values that
 * form changed, for the data-quality count.
 */
export function normalizeCustomerId(raw: string, changed?: Set<string>): string {
  const id = normalizeIdText(raw.trim(), raw, changed);
  return detach(id.includes('@') ? id.toLowerCase() : id);
}

/** An order id (orders' order_id, tickets' order_id): trimmed, one Unicode form, empty → null. */
export function normalizeOrderId(raw: string, changed?: Set<string>): string | null {
  return normalizeIdText(raw.trim(), raw, changed) || null;
}

/**
 * Unicode NFC with the invisible format characters (category Cf: zero-width space and
 * joiners, word joiner, soft hyphen, direction marks, a stray BOM) removed, then trimmed again.
 * Pure ASCII has nothing to change and is returned as it is.
 *
 *   normalizeIdText('jose\u0301') → 'josé';  normalizeIdText('ann\u200b') → 'ann'
 */
export function normalizeIdText(id: string, raw: string = id, changed?: Set<string>): string {
  if (!NON_ASCII.test(id)) return id;
  const normal = id.normalize('NFC').replace(FORMAT, '').trim();
  if (normal !== id) changed?.add(raw);
  return normal;
}

const NON_ASCII = /[^\x00-\x7f]/;
const FORMAT = /\p{Cf}/gu;
