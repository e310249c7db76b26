import type { ByteKeys } from '../../model/byteKeys.js';
import { AT, hasByte } from './plainBytes.js';

/**
 * Numbers canonical customer cells in `keys`: by their bytes, or for an e-mail id (all ASCII,
 * checked by `clean`) by its bytes lower-cased as normalizeCustomerId does.
 */
export class CustomerKeys {
  private lower = Buffer.allocUnsafe(256);

  constructor(readonly keys: ByteKeys) {}

  add(bytes: Uint8Array, start: number, end: number): number {
    if (!hasByte(bytes, start, end, AT)) return this.keys.add(bytes, start, end);
    const n = end - start;
    if (n > this.lower.length) this.lower = Buffer.allocUnsafe(n * 2);
    const out = this.lower;
    for (let i = 0; i < n; i++) {
      const c = bytes[start + i];
      out[i] = c >= 65 && c <= 90 ? c + 32 : c;
    }
    return this.keys.add(out, 0, n);
  }
}
