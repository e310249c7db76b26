import { ByteKeys, READ_AHEAD, TextBytes, type KeyBytes } from './byteKeys.js';
import { learnForm, numberIn, writeNumbered, type NumberForm } from './numberedKeys.js';
import { learnPackedForm, MAX_IDS, PackedKeys } from './packedKeys.js';

/**
 * The order ids of a file, for counting a repeated order_id once and for linking tickets:
 * each id gets a code. Most exports number their orders ("1001", "#1001", "O000000001"), so
 * the form of the first id is learned (a prefix and a number, NumberForm), and an id of that
 * form near the first one is kept as one bit in a bitmap (its code is −2 − its offset from
 * `base`): ten million such ids cost ~1 MB instead of a hash-table entry and bytes each. Every
 * other id is numbered by ByteKeys (code ≥ 0). Whether an id goes to the bitmap depends only
 * on its text and on the file's first id, so equal ids always land in the same place.
 *
 * A first id without a number but of a PackedForm (Stripe's `ch_` + 24 characters, a UUID)
 * sends the ids of that form to PackedKeys instead (code PACKED_CODE − its number there): 18
 * bytes and a 4-byte slot an id where ByteKeys takes ~50. Ten million Stripe ids took 472 MiB
 * in ByteKeys. Should PackedKeys fill up (MAX_IDS), later new ids of the form go to ByteKeys,
 * and a lookup tries both.
 *
 * Code −1 is never used: it means "no order id" in OrderTable.
 */
export class OrderIds {
  private keys = new ByteKeys();
  /** The bitmap's form; undefined until the first id, null when that id had none. */
  private form: NumberForm | null | undefined = undefined;
  private prefixText = '';
  private base = -1;
  private packed: PackedKeys | null = null;
  private readonly textBytes = new TextBytes();
  private readonly scratch = new Uint8Array(32);
  /** The bitmap in pages of PAGE_BITS ids, made when first touched. */
  private readonly pages: (Uint32Array | undefined)[] = new Array<Uint32Array | undefined>(WINDOW >>> PAGE_SHIFT).fill(undefined);
  /** codesOf's answers, by the table of ids asked about. */
  private readonly linked = new WeakMap<ByteKeys, Int32Array<ArrayBufferLike>>();
  private lastIds: ByteKeys | null = null;
  private lastCodes: Int32Array<ArrayBufferLike> = new Int32Array(0);
  /** Set by `release`: the ids are gone, and only codesOf's kept answers remain. */
  private released = false;
  /** Whether the last `add`/`addText` saw its id for the first time. */
  isNew = false;

  /** `packedLimit` below MAX_IDS: for tests of ids of the packed form past a full PackedKeys. */
  constructor(private readonly packedLimit = MAX_IDS) {}

  /** The form of the ids the bitmap holds (null: none, or none learned yet). */
  get numberForm(): NumberForm | null {
    return this.form ?? null;
  }

  add(bytes: Uint8Array, start: number, end: number): number {
    this.assertHeld();
    if (this.form === undefined) {
      this.form = learnForm(bytes, start, end);
      if (this.form !== null) this.prefixText = Buffer.from(this.form.prefix).toString('latin1');
      else {
        const form = learnPackedForm(bytes, start, end);
        if (form !== null) this.packed = new PackedKeys(form, this.packedLimit);
      }
    }
    const n = this.form === null ? -1 : numberIn(this.form, bytes, start, end);
    if (n >= 0) {
      const code = this.addNumber(n);
      if (code !== -1) return code;
    }
    const packed = this.packed;
    if (packed !== null && packed.holds(bytes, start, end)) {
      const k = packed.add(bytes, start, end);
      if (k >= 0) {
        this.isNew = packed.isNew;
        return PACKED_CODE - k;
      }
    }
    return this.addKey(bytes, start, end);
  }

  /**
   * Room for `ids` more ids (ByteKeys.reserve) when every id is hashed (the file's first id had
   * no number form: Stripe's `ch_…`, say) and the `rows` rows so far had nearly one new id each.
   * Ids of a form go to the bitmap, which needs no room; a file that repeats its ids gets none.
   */
  reserve(ids: number, rows: number): void {
    if (this.form !== null || rows === 0) return;
    if (this.packed !== null) {
      if (this.packed.size * 10 >= rows * 9) this.packed.reserve(this.packed.size + ids);
    } else if (this.keys.size * 10 >= rows * 9) this.keys.reserve(this.keys.size + ids);
  }

  /**
   * `add` of ids k = 0 … n − 1 of `ids`, none of the bitmap's form, in order (ByteKeys.addMany):
   * out[k] its code, fresh[k] 1 when it was new.
   */
  addMany(ids: KeyBytes, n: number, out: Int32Array, fresh: Uint8Array): void {
    this.assertHeld();
    const form = this.form;
    const packed = this.packed;
    // Packed ids, as many as lead (every one, in a Stripe export); the rest one by one.
    let done = 0;
    if (packed !== null) {
      done = packed.addMany(ids, n, out, fresh);
      for (let k = 0; k < done; k++) out[k] = PACKED_CODE - out[k]!;
    }
    let keyed = form !== undefined && packed === null;
    for (let k = 0; k < n && keyed && form !== null; k++) keyed = numberIn(form!, ids.bytes, k === 0 ? 0 : ids.ends[k - 1]!, ids.ends[k]!) < 0;
    if (keyed) return this.keys.addMany(ids, n, out, fresh);
    for (let k = done; k < n; k++) {
      out[k] = this.add(ids.bytes, k === 0 ? 0 : ids.ends[k - 1]!, ids.ends[k]!);
      fresh[k] = this.isNew ? 1 : 0;
    }
  }

  /** `add` of the id of `numberForm` whose number is n ≥ 0 (workers send such ids as numbers). */
  addNumbered(n: number): number {
    this.assertHeld();
    const code = this.addNumber(n);
    if (code !== -1) return code;
    return this.addKey(this.scratch, 0, writeNumbered(this.form!, n, this.scratch));
  }

  /** An id outside the bitmap: numbered by its bytes. */
  private addKey(bytes: Uint8Array, start: number, end: number): number {
    const k = this.keys.add(bytes, start, end);
    this.isNew = this.keys.isNew;
    return k;
  }

  addText(text: string): number {
    const bytes = Buffer.from(text, 'utf8');
    return this.add(bytes, 0, bytes.length);
  }

  /** The id's code, or null when no `add` ever saw it (nothing is added). */
  find(text: string): number | null {
    const length = this.textBytes.write(text);
    return this.findBytes(this.textBytes.bytes, 0, length);
  }

  /** `find` of key k of `ids` (a tickets table's order ids), by its bytes. */
  findKeyOf(ids: ByteKeys, k: number): number | null {
    return ids.withBytes(k, this.findIn);
  }

  private readonly findIn = (bytes: Uint8Array, start: number, end: number) => this.findBytes(bytes, start, end);

  private findBytes(bytes: Uint8Array, start: number, end: number): number | null {
    this.assertHeld();
    if (this.packed !== null && this.packed.holds(bytes, start, end)) {
      const k = this.packed.find(bytes, start, end);
      if (k >= 0) return PACKED_CODE - k;
    }
    const n = this.form ? numberIn(this.form, bytes, start, end) : -1;
    const offset = n - this.base;
    if (n >= 0 && this.base >= 0 && offset >= 0 && offset < WINDOW) {
      // An id inside the bitmap's window was never given to `keys`.
      const page = this.pages[offset >>> PAGE_SHIFT];
      const seen = page !== undefined && (page[(offset & (PAGE_BITS - 1)) >>> 5] & (1 << (offset & 31))) !== 0;
      return seen ? -2 - offset : null;
    }
    const k = this.keys.find(bytes, start, end);
    return k < 0 ? null : k;
  }

  text(code: number): string {
    this.assertHeld();
    if (code >= 0) return this.keys.text(code);
    if (code <= PACKED_CODE) return this.packed!.text(PACKED_CODE - code);
    const digits = String(this.base + (-2 - code));
    return this.prefixText + digits.padStart(this.form!.width, '0'); // padStart leaves longer numbers as they are
  }

  /**
   * The code of every key of `ids` (a tickets table's order ids; −1 for an id no order has),
   * found once per table and kept: after `release`, a table linked before still gets its
   * codes. Keys added to `ids` since are found then, which needs the ids.
   */
  codesOf(ids: ByteKeys): Int32Array<ArrayBufferLike> {
    if (ids === this.lastIds && this.lastCodes.length === ids.size) return this.lastCodes;
    let codes = this.linked.get(ids);
    if (codes === undefined || codes.length < ids.size) {
      const grown = new Int32Array(ids.size);
      if (codes !== undefined) grown.set(codes);
      this.findCodes(ids, codes?.length ?? 0, grown);
      codes = grown;
      this.linked.set(ids, codes);
    }
    this.lastIds = ids;
    this.lastCodes = codes;
    return codes;
  }

  /** codes[k] for keys k = from … of `ids`; ids of the packed form are found in blocks (PackedKeys.findMany). */
  private findCodes(ids: ByteKeys, from: number, codes: Int32Array): void {
    const packed = this.packed;
    const found = new Int32Array(READ_AHEAD);
    for (let at = from; at < ids.size; at += READ_AHEAD) {
      const to = Math.min(ids.size, at + READ_AHEAD);
      if (packed !== null) packed.findMany(ids.keyBytes(at, to), to - at, found);
      else found.fill(-2);
      // Found packed, or else by the bytes (a packed id not found may sit in `keys`: see addMany).
      for (let k = at; k < to; k++) codes[k] = found[k - at]! >= 0 ? PACKED_CODE - found[k - at]! : (this.findKeyOf(ids, k) ?? -1);
    }
  }

  /**
   * Lets the ids go (10M Stripe ids: ~240 MB) once every table of ids that will be asked about
   * is linked (codesOf): a command's analyses need no order id but through its tickets. Any use
   * of the ids afterwards is an internal error, never a wrong answer.
   */
  release(): void {
    this.released = true;
    this.keys = new ByteKeys();
    this.packed = null;
    this.pages.fill(undefined);
  }

  private assertHeld(): void {
    if (this.released) throw new Error('OrderIds: the order ids were released; link every table of ids first (codesOf)');
  }

  /** The id's code if it is inside the bitmap's window, else −1. */
  private addNumber(n: number): number {
    if (this.base < 0) this.base = Math.max(0, n - WINDOW / 2);
    const offset = n - this.base;
    if (offset < 0 || offset >= WINDOW) return -1;
    let page = this.pages[offset >>> PAGE_SHIFT];
    if (page === undefined) page = this.pages[offset >>> PAGE_SHIFT] = new Uint32Array(PAGE_BITS >>> 5);
    const word = (offset & (PAGE_BITS - 1)) >>> 5;
    const mask = 1 << (offset & 31);
    this.isNew = (page[word]! & mask) === 0;
    page[word] = page[word]! | mask;
    return -2 - offset;
  }
}

/** 2^28 ids (32 MB of bitmap at most) around the first numeric id, in pages of 8 KB. */
const WINDOW = 1 << 28;
/** Code of PackedKeys' id 0, below the bitmap's codes (−2 … −1 − WINDOW); its id k is PACKED_CODE − k. */
const PACKED_CODE = -2 - WINDOW;
/** The lowest code an id can have. */
export const LOWEST_CODE = PACKED_CODE - (MAX_IDS - 1);
const PAGE_SHIFT = 16;
const PAGE_BITS = 1 << PAGE_SHIFT;
