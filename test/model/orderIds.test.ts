import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeys } from '../../src/model/byteKeys.js';
import { OrderIds } from '../../src/model/orderIds.js';

describe('OrderIds', () => {
  it('knows a repeated id, numeric or not, and gives back its text', () => {
    const ids = new OrderIds();
    const seen = (text: string) => {
      const code = ids.addText(text);
      return { code, isNew: ids.isNew, text: ids.text(code) };
    };
    const first = seen('1001');
    expect(first).toMatchObject({ isNew: true, text: '1001' });
    expect(seen('1001')).toEqual({ ...first, isNew: false });
    // A leading zero, a sign or 16 digits make it text, not the same number.
    expect(seen('01001')).toMatchObject({ isNew: true, text: '01001' });
    expect(seen('01001')).toMatchObject({ isNew: false });
    expect(seen('1234567890123456')).toMatchObject({ isNew: true, text: '1234567890123456' });
    expect(seen('#1001')).toMatchObject({ isNew: true, text: '#1001' });
    expect(seen('1002')).toMatchObject({ isNew: true, text: '1002' });
  });

  it('never gives code −1 (no order id in OrderTable)', () => {
    const ids = new OrderIds();
    const codes = ['0', '1', 'a', 'b', String(2 ** 40)].map((t) => ids.addText(t));
    expect(codes).not.toContain(-1);
    expect(new Set(codes).size).toBe(5);
  });

  it('keeps ids far from the first numeric id apart by text', () => {
    const ids = new OrderIds();
    ids.addText('5');
    const far = ids.addText(String(2 ** 40));
    expect(ids.isNew).toBe(true);
    expect(ids.text(far)).toBe(String(2 ** 40));
    ids.addText(String(2 ** 40));
    expect(ids.isNew).toBe(false);
  });

  it('finds the code of every id added, and nothing for one never added, without adding it', () => {
    const ids = new OrderIds();
    expect(ids.find('1001')).toBeNull(); // before any numeric id: no bitmap yet
    const added = ['1001', '1002', '01001', 'W-7', '', String(2 ** 40), 'ü-9'];
    const codes = added.map((t) => ids.addText(t));
    expect(added.map((t) => ids.find(t))).toEqual(codes);
    for (const t of ['1003', '1000', '1', '001001', 'W-8', String(2 ** 40 + 1), 'ü']) expect(ids.find(t)).toBeNull();
    ids.addText('1003');
    expect(ids.isNew).toBe(true);
  });

  it('addNumbered(n) is add of the id of the learned form numbered n, inside the bitmap window or not', () => {
    for (const [first, write] of [
      // A number below 10^width is written padded to the first id's width.
      ['5000', (n: number) => String(n).padStart(4, '0')],
      ['#1001', (n: number) => `#${String(n).padStart(4, '0')}`],
      ['O000000001', (n: number) => `O${String(n).padStart(9, '0')}`],
    ] as const) {
      const byText = new OrderIds();
      const byNumber = new OrderIds();
      byText.addText(first);
      byNumber.addText(first);
      for (const n of [5000, 5001, 5000, 2 ** 29, 2 ** 29, 0, 999999999]) {
        const a = byText.addText(write(n));
        const aNew = byText.isNew;
        expect([byNumber.addNumbered(n), byNumber.isNew]).toEqual([a, aNew]);
        expect(byNumber.text(a)).toBe(write(n));
      }
    }
  });

  it('learns the form of the first id: a prefix with a number, padded or not', () => {
    // The first id's leading digit says nothing of padding: "C1411182" then "C0159666".
    const ids = new OrderIds();
    const texts = ['C1411182', 'C0159666', 'C10000000', 'C999', 'C01234567'];
    const codes = texts.map((t) => ids.addText(t));
    expect(codes.slice(0, 3).every((c) => c < -1)).toBe(true);
    expect(codes.slice(3).every((c) => c >= 0)).toBe(true);
    expect(codes.map((c) => ids.text(c))).toEqual(texts);
    const shopify = new OrderIds();
    for (const t of ['#1001', '#9999', '#10000', '#0999', '1001', '#10000']) shopify.addText(t);
    expect(shopify.isNew).toBe(false);
    expect(['#1001', '#9999', '#10000', '#0999', '1001'].map((t) => shopify.text(shopify.find(t)!))).toEqual(['#1001', '#9999', '#10000', '#0999', '1001']);
    expect(shopify.numberForm).toEqual({ prefix: Uint8Array.from([35]), width: 4 });
    const padded = new OrderIds();
    for (const t of ['O000000001', 'O000000002', 'O1', 'O0000000001']) padded.addText(t);
    expect(padded.numberForm?.width).toBe(9);
    // Neither "O1" nor a ten-digit id is the nine-digit O000000001: four distinct ids.
    expect(new Set(['O000000001', 'O000000002', 'O1', 'O0000000001'].map((t) => padded.find(t))).size).toBe(4);
  });
});

describe('OrderIds.addMany', () => {
  it('gives the codes and new flags of add one by one, for ids of the bitmap form or not', () => {
    const ids = ['#1001', 'ch_3Mf', '#1002', 'ch_3Mf', 'O-7', '#1001', '', 'ch_9', '#99999999999'];
    for (const first of ['#1000', 'ch_first', undefined]) {
      const one = new OrderIds();
      const many = new OrderIds();
      if (first !== undefined) {
        one.addText(first);
        many.addText(first);
      }
      const encoded = ids.map((k) => Buffer.from(k));
      let at = 0;
      const keys = { bytes: Buffer.concat(encoded), ends: Int32Array.from(encoded, (b) => (at += b.length)) };
      const out = new Int32Array(ids.length);
      const fresh = new Uint8Array(ids.length);
      many.addMany(keys, ids.length, out, fresh);
      expect(Array.from(out, (c, i) => [c, fresh[i]])).toEqual(ids.map((k) => [one.addText(k), one.isNew ? 1 : 0]));
      const texts = ['ch_a', 'ch_b', 'ch_a'];
      const te = texts.map((k) => Buffer.from(k));
      let t = 0;
      many.addMany({ bytes: Buffer.concat(te), ends: Int32Array.from(te, (b) => (t += b.length)) }, texts.length, out, fresh);
      expect(Array.from(out.subarray(0, 3), (c, i) => [c, fresh[i]])).toEqual(texts.map((k) => [one.addText(k), one.isNew ? 1 : 0]));
    }
  });
});

describe('OrderIds with ids of a packed form', () => {
  const stripe = (i: number) => `ch_${String(i).padStart(20, '0')}Abcd`;
  it('packs the ids of the first id\'s form and numbers the rest by their bytes, all distinct and found', () => {
    for (const limit of [undefined, 3]) {
      const ids = new OrderIds(limit);
      const texts = [stripe(1), stripe(2), 'py_1', stripe(1), stripe(3), stripe(4), 'ch_short', stripe(5), stripe(4), '1001', stripe(2)];
      const seen = new Map<string, number>();
      for (const t of texts) {
        const code = ids.addText(t);
        expect(ids.isNew).toBe(!seen.has(t));
        if (seen.has(t)) expect(code).toBe(seen.get(t));
        seen.set(t, code);
        expect(code).not.toBe(-1);
      }
      expect(new Set(seen.values()).size).toBe(seen.size);
      for (const [t, code] of seen) {
        expect(ids.text(code)).toBe(t);
        expect(ids.find(t)).toBe(code);
      }
      expect(ids.find(stripe(6))).toBeNull();
      // Past a full table (limit 3), ids of the form go by their bytes and are found there.
      if (limit === 3) expect([stripe(4), stripe(5)].map((t) => seen.get(t)! >= 0)).toEqual([true, true]);
      else expect([...seen.values()].filter((c) => c >= 0).length).toBe(3);
    }
  });

  it('addMany gives the codes and new flags of add one by one', () => {
    const texts = [stripe(7), 'other', stripe(8), stripe(7), 'other', stripe(9)];
    const one = new OrderIds();
    const many = new OrderIds();
    one.addText(stripe(1));
    many.addText(stripe(1));
    const encoded = texts.map((k) => Buffer.from(k));
    let at = 0;
    const out = new Int32Array(texts.length);
    const fresh = new Uint8Array(texts.length);
    many.addMany({ bytes: Buffer.concat(encoded), ends: Int32Array.from(encoded, (b) => (at += b.length)) }, texts.length, out, fresh);
    expect(Array.from(out, (c, i) => [c, fresh[i]])).toEqual(texts.map((k) => [one.addText(k), one.isNew ? 1 : 0]));
  });

  it('codesOf links every id of another table to its code, or −1, whatever the form of the file\'s ids', () => {
    const id = fc.oneof(
      fc.integer({ min: 1000, max: 1400 }).map((n) => `#${n}`),
      fc.integer({ min: 1000, max: 1400 }).map(String),
      fc.stringMatching(/^ch_[0-9A-Za-z]{10}$/),
      fc.constantFrom('ch_short', 'A-17', 'ch_AAAAAAAAAA', '#1', ''),
    );
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 300 }), fc.array(id, { maxLength: 600 }), (orders, asked) => {
        const ids = new OrderIds();
        const codes = new Map(orders.map((t) => [t, ids.addText(t)]));
        const tickets = new ByteKeys();
        for (const t of asked) tickets.addText(t);
        const linked = ids.codesOf(tickets);
        expect([...linked]).toEqual([...new Set(asked)].map((t) => codes.get(t) ?? -1));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps linked codes after release, finds ids added to a linked table before it, and refuses any other use after', () => {
    const ids = new OrderIds();
    const a = ids.addText('ch_AAAAAAAAAAAAAAAAAAAAAAAA');
    const b = ids.addText('ch_BBBBBBBBBBBBBBBBBBBBBBBB');
    const tickets = new ByteKeys();
    tickets.addText('ch_BBBBBBBBBBBBBBBBBBBBBBBB');
    expect([...ids.codesOf(tickets)]).toEqual([b]);
    tickets.addText('ch_AAAAAAAAAAAAAAAAAAAAAAAA');
    tickets.addText('ch_CCCCCCCCCCCCCCCCCCCCCCCC');
    expect([...ids.codesOf(tickets)]).toEqual([b, a, -1]);
    ids.release();
    expect([...ids.codesOf(tickets)]).toEqual([b, a, -1]);
    expect(() => ids.text(a)).toThrow(/released/);
    expect(() => ids.addText('ch_DDDDDDDDDDDDDDDDDDDDDDDD')).toThrow(/released/);
    expect(() => ids.find('ch_AAAAAAAAAAAAAAAAAAAAAAAA')).toThrow(/released/);
    tickets.addText('ch_DDDDDDDDDDDDDDDDDDDDDDDD');
    expect(() => ids.codesOf(tickets)).toThrow(/released/);
    expect(() => ids.codesOf(new ByteKeys())).not.toThrow();
  });
});
