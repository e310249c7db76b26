import { describe, expect, it } from 'vitest';
import { OrderIds } from '../../src/ingest/orderIds.js';

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
});
