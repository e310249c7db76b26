import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeys } from '../../src/model/byteKeys.js';
import { KeyView } from '../../src/model/keyView.js';

// Keys ending in '>' are never placed by number (NumberedKeys), which a view does not find.
const bytes = (text: string) => Buffer.from(`<${text}>`, 'utf8');
const add = (keys: ByteKeys, text: string) => keys.addText(`<${text}>`);

describe('KeyView', () => {
  it('finds every key a shared table had when the view was taken, and −1 for any other', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 400 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 50 }), (added, probes) => {
        const keys = new ByteKeys();
        for (const k of added.slice(0, added.length >> 1)) add(keys, k);
        keys.share();
        for (const k of added.slice(added.length >> 1)) add(keys, k);
        const view = new KeyView(keys.view(0));
        for (const k of [...added, ...probes]) {
          const b = bytes(k);
          expect(view.find(b, 0, b.length)).toBe(keys.find(b, 0, b.length));
        }
      }),
    );
  });

  it('answers a key added after its last update with −1 or the table’s number, never another', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 0, max: 3000 }), (added, cut) => {
        const keys = new ByteKeys();
        keys.share();
        const seen = Math.min(cut, added.length);
        for (const k of added.slice(0, seen)) add(keys, k);
        const view = new KeyView(keys.view(0));
        const chunks = keys.chunkCount;
        // Rehashes and new chunks the view is not told of.
        for (const k of added.slice(seen)) add(keys, k);
        for (const k of added) {
          const b = bytes(k);
          const found = view.find(b, 0, b.length);
          expect([-1, keys.find(b, 0, b.length)]).toContain(found);
          if (added.indexOf(k) < seen) expect(found).toBe(keys.find(b, 0, b.length));
        }
        view.update(keys.view(chunks));
        for (const k of added) {
          const b = bytes(k);
          expect(view.find(b, 0, b.length)).toBe(keys.find(b, 0, b.length));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reads keys across chunks, long ones of their own chunk included, only once it has their chunk', () => {
    const keys = new ByteKeys();
    keys.share();
    const texts = Array.from({ length: 40_000 }, (_, i) => `customer-${i}@example.com`);
    texts.push('x'.repeat(300), 'y'.repeat(1_100_000));
    for (const t of texts) add(keys, t);
    expect(keys.chunkCount).toBeGreaterThan(2);
    const partial = new KeyView({ ...keys.view(0), chunks: keys.view(0).chunks.slice(0, 1) });
    const whole = new KeyView(keys.view(0));
    let missed = 0;
    for (const t of texts) {
      const b = bytes(t);
      const k = keys.find(b, 0, b.length);
      expect(whole.find(b, 0, b.length)).toBe(k);
      const p = partial.find(b, 0, b.length);
      if (p === -1) missed++;
      else expect(p).toBe(k);
    }
    expect(missed).toBeGreaterThan(0);
    expect(missed).toBeLessThan(texts.length);
  });

  it('findMany answers each key as find does, whatever the view has been told', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 2000 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 300 }), fc.nat(), (added, probes, cut) => {
        const keys = new ByteKeys();
        keys.share();
        const seen = cut % (added.length + 1);
        for (const k of added.slice(0, seen)) add(keys, k);
        const view = new KeyView(keys.view(0));
        for (const k of added.slice(seen)) add(keys, k);
        const asked = [...probes, ...added];
        const all = Buffer.concat(asked.map(bytes));
        let at = 0;
        const ends = Int32Array.from(asked, (k) => (at += bytes(k).length));
        const out = new Int32Array(asked.length);
        view.findMany({ bytes: all, ends }, asked.length, out);
        expect([...out]).toEqual(asked.map((k) => view.find(bytes(k), 0, bytes(k).length)));
      }),
      { numRuns: 60 },
    );
  });

  it('does not find keys the table places by number (they are not hashed)', () => {
    const keys = new ByteKeys();
    keys.share();
    for (let i = 0; i < 100; i++) keys.addText(`C${1000 + i}`);
    const view = new KeyView(keys.view(0));
    const b = Buffer.from('C1005');
    expect(keys.find(b, 0, b.length)).toBe(5);
    expect(view.find(b, 0, b.length)).toBe(-1);
  });

  it('keeps numbering as an unshared table does', () => {
    const texts = Array.from({ length: 5000 }, (_, i) => `k${(i * 7919) % 3001}`);
    const plain = new ByteKeys();
    const shared = new ByteKeys();
    const a = texts.slice(0, 100).map((t) => plain.addText(t));
    const b = texts.slice(0, 100).map((t) => shared.addText(t));
    shared.share();
    a.push(...texts.slice(100).map((t) => plain.addText(t)));
    b.push(...texts.slice(100).map((t) => shared.addText(t)));
    expect(b).toEqual(a);
    expect(Array.from({ length: shared.size }, (_, k) => shared.text(k))).toEqual(Array.from({ length: plain.size }, (_, k) => plain.text(k)));
  });
});
