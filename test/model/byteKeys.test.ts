import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeys } from '../../src/model/byteKeys.js';

describe('ByteKeys', () => {
  it('numbers distinct keys densely in order of first appearance', () => {
    const keys = new ByteKeys();
    expect(['C1', 'C2', 'C1', '', 'a-much-longer-key-than-eight-bytes', 'C2'].map((k) => keys.addText(k))).toEqual([0, 1, 0, 2, 3, 1]);
    expect(keys.size).toBe(4);
    expect(keys.text(3)).toBe('a-much-longer-key-than-eight-bytes');
  });

  it('find gives the number of an added key and −1 for any other, adding nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 200 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 50 }), (added, probes) => {
        const keys = new ByteKeys();
        const numbers = new Map<string, number>();
        for (const k of added) numbers.set(k, keys.addText(k));
        for (const k of [...added, ...probes]) expect(keys.findText(k)).toBe(numbers.get(k) ?? -1);
        expect(keys.size).toBe(numbers.size);
      }),
    );
  });

  it('keys differing after their first 8 bytes, or by a NUL, stay apart through rehashing', () => {
    const keys = new ByteKeys();
    const texts = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? `customer-${i}` : `ab\u0000${i}`));
    const codes = texts.map((t) => keys.addText(t));
    expect(codes).toEqual(texts.map((_, i) => i));
    expect(texts.map((t) => keys.findText(t))).toEqual(codes);
    expect(keys.findText('customer-1')).toBe(-1);
  });

  it('numbers prefixed and zero-padded numeric ids (the direct path) exactly like any other key', () => {
    const id = fc.oneof(
      fc.integer({ min: 0, max: 3000 }).map((n) => `C${n}`),
      fc.integer({ min: 0, max: 3000 }).map((n) => `C${String(n).padStart(4, '0')}`),
      fc.integer({ min: 0, max: 3000 }).map((n) => String(n)),
      fc.integer({ min: 0, max: 2 ** 40 }).map((n) => `C${n}`),
      fc.constantFrom('C', 'C01', 'c12', 'C1x', 'ann@example.com', '', 'C0', 'C00', 'CC12', 'C1234567890123456'),
    );
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 300 }), fc.array(id, { maxLength: 40 }), (added, probes) => {
        const keys = new ByteKeys();
        const numbers = new Map<string, number>();
        for (const k of added) {
          const n = keys.addText(k);
          expect(keys.isNew).toBe(!numbers.has(k));
          if (!numbers.has(k)) numbers.set(k, numbers.size);
          expect(n).toBe(numbers.get(k));
          expect(keys.text(n)).toBe(k);
        }
        for (const k of probes) expect(keys.findText(k)).toBe(numbers.get(k) ?? -1);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps numbering right once the direct pages are spent (sparse ids fall back to hashing)', () => {
    const keys = new ByteKeys();
    // 16,384 ids a page: ids this far apart need a page each, more than the budget of 256.
    const texts = Array.from({ length: 600 }, (_, i) => `C${1_000_000 + i * 20_000}`);
    expect(texts.map((t) => keys.addText(t))).toEqual(texts.map((_, i) => i));
    expect(texts.map((t) => keys.addText(t))).toEqual(texts.map((_, i) => i));
    expect(keys.isNew).toBe(false);
    expect(texts.map((t) => keys.findText(t))).toEqual(texts.map((_, i) => i));
  });

  it('numbers ids met in rising, falling or scattered order across the span limit as a plain map does', () => {
    // 16,384 ids a page, at most 256 pages in one span: the ids run over ~400 pages around the
    // first one, so the span widens both ways, runs out, and later ids near refused ones hash.
    const page = 16_384;
    const walk = fc.oneof(
      fc.tuple(fc.integer({ min: -200, max: 200 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom(1, -1, 997, -997 * 13)).map(([p, count, step]) =>
        Array.from({ length: count }, (_, i) => 5_000_000_000 + p * page + i * step),
      ),
      fc.array(fc.integer({ min: -200 * page, max: 200 * page }).map((d) => 5_000_000_000 + d), { maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(walk, { minLength: 1, maxLength: 30 }), (walks) => {
        const keys = new ByteKeys();
        const numbers = new Map<number, number>();
        for (const n of [5_000_000_000, ...walks.flat()]) {
          const seen = numbers.has(n);
          const expected = numbers.get(n) ?? numbers.size;
          numbers.set(n, expected);
          expect(keys.addText(`C${n}`)).toBe(expected);
          expect(keys.isNew).toBe(!seen);
        }
        for (const [n, k] of numbers) {
          expect(keys.findText(`C${n}`)).toBe(k);
          expect([-1, k]).toContain(keys.findNumbered(n));
          expect(keys.addNumbered(n)).toBe(k);
          expect(keys.isNew).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('addNumbered(n) numbers a key exactly as add of its text does, placed or hashed; findNumbered finds placed ones', () => {
    // Numbers 100,000 apart need a page each: after 256 of them the rest take the hash path.
    const number = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 99_999 }), weight: 1 }, { arbitrary: fc.integer({ min: 0, max: 999 }).map((i) => i * 100_000), weight: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(number, fc.boolean()), { minLength: 1, maxLength: 600 }), (steps) => {
        const byNumber = new ByteKeys();
        const byText = new ByteKeys();
        for (const [n, asNumber] of [[1, false] as const, ...steps]) {
          const text = `C${String(n).padStart(8, '0')}`;
          // findNumbered knows only keys placed by number, and adds nothing.
          expect([-1, byText.findText(text)]).toContain(byNumber.findNumbered(n));
          const k = asNumber ? byNumber.addNumbered(n) : byNumber.addText(text);
          expect([-1, k]).toContain(byNumber.findNumbered(n));
          expect(k).toBe(byText.addText(text));
          expect(byNumber.isNew).toBe(byText.isNew);
          expect(byNumber.text(k)).toBe(text);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('sortByText orders key numbers as their texts sort, placed by number or hashed', () => {
    const numbered = fc.integer({ min: 0, max: 99_999 }).map((n) => `C${String(n).padStart(5, '0')}`);
    const any = fc.oneof(numbered, fc.string({ maxLength: 8 }), fc.constantFrom('C1', 'C123456', 'c00001', 'Ä', '\u{1F600}', 'ｚ'));
    fc.assert(
      fc.property(fc.oneof(fc.array(numbered, { minLength: 1, maxLength: 200 }), fc.array(any, { minLength: 1, maxLength: 200 })), fc.integer({ min: 0, max: 5 }), (texts, skip) => {
        const keys = new ByteKeys();
        for (const t of texts) keys.addText(t);
        // Any subset of the keys, as memberSpend sorts its members only.
        const subset = Int32Array.from({ length: keys.size }, (_, k) => k).filter((k) => k % (skip + 1) === 0);
        const sorted = [...keys.sortByText(subset)].map((k) => keys.text(k));
        expect(sorted).toEqual([...subset].map((k) => keys.text(k)).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('sortByText sorts by bytes as `<` sorts strings: shared prefixes, keys ending inside four bytes, multi-byte text', () => {
    // Mostly the byte sort's case (no NUL, nothing at U+E000 or above); a few keys with an
    // emoji or U+FF5A take the string sort, which must agree as well.
    const piece = fc.constantFrom('a', 'b', 'A', '.', '1', '12', 'é', 'ü', '中', '\u07ff', '\u0800', '\ud7ff', '@x.de');
    // Prefixes past the 16 bytes the sort copies out of each key, so later rounds read the table.
    const text = fc
      .tuple(fc.constantFrom('', 'ann.1', 'ann.12', 'ann.123', 'ann.1411182@mail.ex', 'ann.1411182@mail.example.'), fc.array(piece, { maxLength: 6 }))
      .map(([p, rest]) => p + rest.join(''));
    const rare = fc.constantFrom('\u{1F600}', 'ｚ', 'ann.1\ue000');
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 20, arbitrary: text }, { weight: 1, arbitrary: rare }), { minLength: 1, maxLength: 300 }), (texts) => {
        const keys = new ByteKeys();
        for (const t of texts) keys.addText(t);
        const all = Int32Array.from({ length: keys.size }, (_, k) => k).reverse();
        const sorted = [...keys.sortByText(all)].map((k) => keys.text(k));
        expect(sorted).toEqual([...new Set(texts)].sort());
      }),
      { numRuns: 400 },
    );
  });

  it('sorts keys by their text, whether placed by a padded number, an unpadded one or hashed', () => {
    const id = fc.oneof(
      fc.integer({ min: 0, max: 20_000 }).map((n) => `C${n}`),
      fc.integer({ min: 0, max: 20_000 }).map((n) => `C${String(n).padStart(5, '0')}`),
      fc.constantFrom('C', 'B7', 'C9x', 'ann@example.com'),
    );
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 200 }), (added) => {
        const keys = new ByteKeys();
        const numbers = Int32Array.from(added, (k) => keys.addText(k));
        const sorted = [...keys.sortByText(Int32Array.from(new Set(numbers)))].map((k) => keys.text(k));
        expect(sorted).toEqual([...new Set(added)].sort());
      }),
      { numRuns: 150 },
    );
  });
});

describe('ByteKeys.findKeysOf', () => {
  it('finds each of another table\'s keys as findKeyOf does, numbered, hashed or missing, past a block of 256', () => {
    const id = fc.oneof(
      fc.integer({ min: 0, max: 5_000 }).map((n) => `C${String(n).padStart(5, '0')}`),
      fc.integer({ min: 0, max: 5_000 }).map((n) => `ann.${n}@example.com`),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 700 }), fc.array(id, { minLength: 1, maxLength: 700 }), (tableIds, askedIds) => {
        const table = new ByteKeys();
        for (const t of tableIds) table.addText(t);
        const asked = new ByteKeys();
        const ks = Int32Array.from(askedIds, (t) => asked.addText(t));
        const found = table.findKeysOf(asked, ks);
        expect([...found]).toEqual([...ks].map((k) => table.findKeyOf(asked, k)));
        // Keys are numbered densely in order of first appearance.
        const distinct = [...new Set(tableIds)];
        expect([...found]).toEqual(askedIds.map((t) => distinct.indexOf(t)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('ByteKeys entries', () => {
  it('keeps keys of any length across chunk ends: 254, 255 and 256 bytes, 70 kB and over a chunk (1 MB)', () => {
    const keys = new ByteKeys();
    const lengths = [0, 1, 14, 15, 254, 255, 256, 70_000, 1_100_000, 3, 300_000, 1_048_576, 2];
    const texts: string[] = [];
    // Many short keys between the long ones, so that entries end near and across chunk ends.
    for (let i = 0; i < 40_000; i++) {
      texts.push(`k${i}@example.com`);
      if (i % 3000 === 0) {
        const n = lengths[(i / 3000) % lengths.length]!;
        texts.push(n < 8 ? 'x'.repeat(n) : String(i).padStart(n, 'x'));
      }
    }
    const expected = new Map<string, number>();
    for (const t of texts) {
      if (!expected.has(t)) expected.set(t, expected.size);
      expect(keys.addText(t)).toBe(expected.get(t));
    }
    expect(keys.size).toBe(expected.size);
    for (const [t, k] of expected) {
      expect(keys.findText(t)).toBe(k);
      expect(keys.text(k)).toBe(t);
    }
    // Same length as a stored long key, one byte different: not found.
    expect(keys.findText(`${'21000'.padStart(69_999, 'x')}y`)).toBe(-1);
    expect(keys.findText('21000'.padStart(70_000, 'x'))).toBeGreaterThanOrEqual(0);
    const { bytes, ends } = keys.keyBytes(0, keys.size);
    const decoded = Array.from(ends, (end, i) => Buffer.from(bytes.subarray(i === 0 ? 0 : ends[i - 1]!, end)).toString('utf8'));
    expect(decoded).toEqual([...expected.keys()]);
  });
});

describe('ByteKeys.addMany', () => {
  it('numbers keys and says which were new exactly as add one by one does', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 10 }), { maxLength: 200 }), fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer({ min: 0, max: 99 }).map((n) => `C${n}`)), { maxLength: 700 }), (before, batch) => {
        const one = new ByteKeys();
        const many = new ByteKeys();
        for (const k of before) {
          one.addText(k);
          many.addText(k);
        }
        const encoded = batch.map((k) => Buffer.from(k, 'utf8'));
        const bytes = Buffer.concat(encoded);
        let at = 0;
        const ends = Int32Array.from(encoded, (b) => (at += b.length));
        const out = new Int32Array(batch.length);
        const fresh = new Uint8Array(batch.length);
        many.addMany({ bytes, ends }, batch.length, out, fresh);
        const expected = batch.map((k) => [one.addText(k), one.isNew ? 1 : 0]);
        expect(Array.from(out, (k, i) => [k, fresh[i]])).toEqual(expected);
        expect(many.size).toBe(one.size);
      }),
      { numRuns: 200 },
    );
  });
});

describe('ByteKeys.reserve', () => {
  it('numbers keys as without it, before and after, shared or not', () => {
    for (const shared of [false, true]) {
      const plain = new ByteKeys();
      const reserved = new ByteKeys();
      if (shared) reserved.share();
      const texts = Array.from({ length: 30_000 }, (_, i) => `ch_${(i * 7919) % 20011}x`);
      const a = texts.slice(0, 500).map((t) => plain.addText(t));
      const b = texts.slice(0, 500).map((t) => reserved.addText(t));
      reserved.reserve(40_000);
      a.push(...texts.slice(500).map((t) => plain.addText(t)));
      b.push(...texts.slice(500).map((t) => reserved.addText(t)));
      expect(b).toEqual(a);
      expect(texts.map((t) => reserved.findText(t))).toEqual(a);
      expect(reserved.findText('ch_none')).toBe(-1);
    }
  });
});
