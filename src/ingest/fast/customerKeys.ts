import { ByteKeys, type KeyBytes } from '../../model/byteKeys.js';
import type { KeyView } from '../../model/keyView.js';
import { KeyList } from './keyList.js';
import { AT, hasByte } from './plainBytes.js';

/**
 * Numbers canonical customer cells in `keys`: by their bytes, or for an e-mail id (all ASCII,
 * checked by `clean`) by its bytes lower-cased as normalizeCustomerId does.
 */
export class CustomerKeys {
  private readonly lower = new LowerCased();

  constructor(readonly keys: ByteKeys) {}

  add(bytes: Uint8Array, start: number, end: number): number {
    if (!hasByte(bytes, start, end, AT)) return this.keys.add(bytes, start, end);
    return this.keys.add(this.lower.bytes, 0, this.lower.write(bytes, start, end));
  }
}

/**
 * A worker's customer cells, read as CustomerKeys reads them: the main table's number when the
 * worker's view of that table has the id already (≥ 0), else −2 − the id's number among the
 * message's ids the view did not have (`take` hands those over and starts afresh). So a worker
 * keeps only a message's new ids, and the main thread numbers each id about once.
 */
export class ViewedCustomerKeys {
  private readonly lower = new LowerCased();
  /** The message's ids the view did not have, numbered, and their bytes in number order. */
  private readonly fresh = new ByteKeys();
  private readonly sent = new KeyList();

  constructor(readonly view: KeyView) {}

  add(bytes: Uint8Array, start: number, end: number): number {
    if (hasByte(bytes, start, end, AT)) {
      end = this.lower.write(bytes, start, end);
      bytes = this.lower.bytes;
      start = 0;
    }
    const k = this.view.find(bytes, start, end);
    if (k >= 0) return k;
    const j = this.fresh.add(bytes, start, end);
    if (this.fresh.isNew) this.sent.push(bytes, start, end);
    return -2 - j;
  }

  /** The message's ids the view did not have, in their numbers' order, in `room` (see KeyList.moveTo); the next message starts afresh. */
  take(room: KeyBytes): KeyBytes {
    this.fresh.clear();
    return this.sent.moveTo(room);
  }
}

/** An e-mail id's bytes lower-cased into a kept buffer. */
class LowerCased {
  bytes = Buffer.allocUnsafe(256);

  /** Writes bytes[start, end) lower-cased (ASCII) at the start of `bytes`; returns its length. */
  write(bytes: Uint8Array, start: number, end: number): number {
    const n = end - start;
    if (n > this.bytes.length) this.bytes = Buffer.allocUnsafe(n * 2);
    const out = this.bytes;
    for (let i = 0; i < n; i++) {
      const c = bytes[start + i];
      out[i] = c >= 65 && c <= 90 ? c + 32 : c;
    }
    return n;
  }
}
