import { detach } from './detach.js';

/**
 * The key that joins orders to tickets: trimmed, and e-mail addresses lower-cased because
 * shops and help desks disagree about capitals ("Ann@Example.com" vs "ann@example.com").
 */
export function normalizeCustomerId(raw: string): string {
  const id = raw.trim();
  return detach(id.includes('@') ? id.toLowerCase() : id);
}
