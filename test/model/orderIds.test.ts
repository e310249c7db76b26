import { describe, expect, it } from 'vitest';
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

  it('addNumeric(n) is add of the digits of n, inside the bitmap window or not', () => {
    const byText = new OrderIds();
    const byNumber = new OrderIds();
    for (const n of [5000, 5001, 5000, 2 ** 40, 2 ** 40, 0, 999999999999999]) {
      const a = byText.addText(String(n));
      const aNew = byText.isNew;
      expect([byNumber.addNumeric(n), byNumber.isNew]).toEqual([a, aNew]);
    }
  });
});
