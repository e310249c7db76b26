import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learnPackedForm, PackedKeys } from '../../src/model/packedKeys.js';

const bytesOf = (text: string) => Buffer.from(text, 'latin1');
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-';

describe('learnPackedForm', () => {
  const form = (text: string) => {
    const f = learnPackedForm(bytesOf(text), 0, text.length);
    return f === null ? null : { prefix: Buffer.from(f.prefix).toString('latin1'), length: f.length };
  };
  it('takes a prefix up to an underscore in the first 8 bytes, and a fixed length after it', () => {
    expect(form('ch_3MmlLrLkdIwHu7ix0snN0B15')).toEqual({ prefix: 'ch_', length: 24 });
    expect(form('cus_NffrFeUfNV2Hib')).toEqual({ prefix: 'cus_', length: 14 });
    expect(form('550e8400-e29b-41d4-a716-446655440000')).toEqual({ prefix: '', length: 36 });
    expect(form('aB3_dE5_gH7kLmNo')).toEqual({ prefix: 'aB3_dE5_', length: 8 });
    expect(form('aB3_dE5_gH7kLmN')).toBeNull(); // 7 after the last underscore
  });
  it('leaves digits alone, short or long ids, and characters outside [0-9A-Za-z_-]', () => {
    expect(form('123456789012')).toBeNull(); // NumberForm's
    expect(form('ch_1234')).toBeNull(); // 4 after the prefix
    expect(form('a.b@example.com')).toBeNull();
    expect(form('#A1001BCDEF')).toBeNull();
    expect(form(`x${'a'.repeat(64)}`)).toBeNull();
    expect(form('Ab3dE5gH')).toEqual({ prefix: '', length: 8 });
  });
});

describe('PackedKeys', () => {
  const form = { prefix: bytesOf('ch_'), length: 9 };
  it('holds exactly the ids of its form', () => {
    const keys = new PackedKeys(form);
    const holds = (t: string) => keys.holds(bytesOf(t), 0, t.length);
    expect(holds('ch_abcDEF-_9')).toBe(true);
    expect(holds('ch_abcDEF-_')).toBe(false);
    expect(holds('ch_abcDEF-_99')).toBe(false);
    expect(holds('py_abcDEF-_9')).toBe(false);
    expect(holds('ch_abcDEF+_9')).toBe(false);
    expect(holds('ch_abcDéF_9')).toBe(false);
  });

  it('numbers ids as a Map does in order of first appearance, finds them and gives their text back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[0-9A-Za-z_-]{9}$/), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 300 }),
        (pool, picks) => {
          const keys = new PackedKeys(form);
          const reference = new Map<string, number>();
          for (const p of picks) {
            const text = `ch_${pool[p % pool.length]}`;
            const expected = reference.get(text) ?? reference.size;
            expect(keys.add(bytesOf(text), 0, text.length)).toBe(expected);
            expect(keys.isNew).toBe(!reference.has(text));
            reference.set(text, expected);
          }
          expect(keys.size).toBe(reference.size);
          for (const [text, k] of reference) {
            expect(keys.text(k)).toBe(text);
            expect(keys.find(bytesOf(text), 0, text.length)).toBe(k);
          }
          for (const text of pool.map((p) => `ch_${[...p].reverse().join('')}`)) {
            if (!reference.has(text)) expect(keys.find(bytesOf(text), 0, text.length)).toBe(-1);
          }
        },
      ),
    );
  });

  it('keeps every character of the alphabet at every position apart (6 bits each, across bytes)', () => {
    const keys = new PackedKeys({ prefix: new Uint8Array(0), length: 13 });
    const texts: string[] = [];
    for (let position = 0; position < 13; position++) {
      for (const c of ALPHABET) texts.push(`${'A'.repeat(position)}${c}${'A'.repeat(12 - position)}`);
    }
    const distinct = [...new Set(texts)];
    const codes = distinct.map((t) => keys.add(bytesOf(t), 0, t.length));
    expect(codes).toEqual(distinct.map((_, i) => i));
    expect(codes.map((k) => keys.text(k))).toEqual(distinct);
  });

  it('grows past many pages and rehashes, reserved or not, and says −1 when full', () => {
    for (const reserve of [0, 150_000]) {
      const keys = new PackedKeys({ prefix: new Uint8Array(0), length: 10 });
      keys.reserve(reserve);
      const text = (i: number) => `k${String(i).padStart(9, '0')}`;
      let wrong = 0;
      for (let i = 0; i < 140_000; i++) if (keys.add(bytesOf(text(i)), 0, 10) !== i) wrong++;
      expect(wrong).toBe(0);
      for (let i = 0; i < 140_000; i += 997) {
        expect(keys.add(bytesOf(text(i)), 0, 10)).toBe(i);
        expect(keys.isNew).toBe(false);
        expect(keys.text(i)).toBe(text(i));
      }
    }
    const full = new PackedKeys({ prefix: new Uint8Array(0), length: 8 }, 2);
    expect(['aaaaaaaa', 'bbbbbbbb', 'aaaaaaaa', 'cccccccc'].map((t) => full.add(bytesOf(t), 0, 8))).toEqual([0, 1, 0, -1]);
  });

  it('addMany gives the numbers and new flags of add one by one, across blocks, up to an id not of the form or past the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[0-9A-Za-z_-]{9}$/), { minLength: 1, maxLength: 400 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 700 }),
        fc.nat({ max: 50 }),
        (pool, picks, before) => {
          const one = new PackedKeys(form);
          const many = new PackedKeys(form);
          for (let i = 0; i < before; i++) {
            const text = `ch_${pool[(i * 7) % pool.length]}`;
            one.add(bytesOf(text), 0, text.length);
            many.add(bytesOf(text), 0, text.length);
          }
          const texts = picks.map((p) => `ch_${pool[p % pool.length]}`);
          const encoded = texts.map(bytesOf);
          let at = 0;
          const keys = { bytes: Buffer.concat(encoded), ends: Int32Array.from(encoded, (b) => (at += b.length)) };
          const out = new Int32Array(texts.length);
          const fresh = new Uint8Array(texts.length);
          expect(many.addMany(keys, texts.length, out, fresh)).toBe(texts.length);
          expect(Array.from(out, (k, i) => [k, fresh[i]])).toEqual(texts.map((t) => [one.add(bytesOf(t), 0, t.length), one.isNew ? 1 : 0]));
          expect(many.size).toBe(one.size);
        },
      ),
    );
    const small = new PackedKeys({ prefix: new Uint8Array(0), length: 8 }, 2);
    const keys = { bytes: bytesOf('aaaaaaaabbbbbbbbcccccccc'), ends: Int32Array.of(8, 16, 24) };
    const out = new Int32Array(3);
    expect(small.addMany(keys, 3, out, new Uint8Array(3))).toBe(2);
    expect([...out.subarray(0, 2)]).toEqual([0, 1]);
    // Up to the first id not of the form.
    const odd = new PackedKeys({ prefix: new Uint8Array(0), length: 8 });
    const mixed = { bytes: bytesOf('aaaaaaaabbbbbbbbccc.ccccdddddddd'), ends: Int32Array.of(8, 16, 24, 32) };
    expect(odd.addMany(mixed, 4, new Int32Array(4), new Uint8Array(4))).toBe(2);
    expect(odd.size).toBe(2);
  });

  it('findMany finds each id as find does, −1 for one never added, −2 for one not of the form, across blocks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[0-9A-Za-z_-]{9}$/), { minLength: 1, maxLength: 400 }),
        fc.array(fc.oneof(fc.stringMatching(/^ch_[0-9A-Za-z_-]{9}$/), fc.constantFrom('ch_short', 'ch_12345.789', 'xx_123456789', 'ch_1234567890')), { minLength: 1, maxLength: 700 }),
        (added, asked) => {
          const keys = new PackedKeys(form);
          for (const id of added) keys.add(bytesOf(`ch_${id}`), 0, id.length + 3);
          const encoded = asked.map(bytesOf);
          let at = 0;
          const out = new Int32Array(asked.length);
          keys.findMany({ bytes: Buffer.concat(encoded), ends: Int32Array.from(encoded, (b) => (at += b.length)) }, asked.length, out);
          const distinct = [...new Set(added)];
          expect([...out]).toEqual(asked.map((t) => (keys.holds(bytesOf(t), 0, t.length) ? distinct.indexOf(t.slice(3)) : -2)));
        },
      ),
    );
  });
});
