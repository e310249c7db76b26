import { describe, expect, it } from 'vitest';
import { bandLabel, hourBands } from '../../src/analysis/sliceHourBands.js';

describe('hourBands', () => {
  it('merges consecutive hours into one band', () => {
    expect(hourBands([16, 17, 18, 19])).toEqual([[16, 17, 18, 19]]);
    expect(bandLabel([16, 17, 18, 19])).toBe('16:00–19:59');
  });

  it('keeps non-adjacent hours apart, earliest band first, whatever the input order', () => {
    expect(hourBands([19, 9, 17, 18, 11])).toEqual([[9], [11], [17, 18, 19]]);
  });

  it('wraps around midnight: 23 and 00 are adjacent', () => {
    expect(hourBands([0, 1, 22, 23, 12])).toEqual([[12], [22, 23, 0, 1]]);
    expect(bandLabel([22, 23, 0, 1])).toBe('22:00–01:59');
  });

  it('labels a single hour as its full hour', () => {
    expect(bandLabel([9])).toBe('09:00–09:59');
  });

  it('handles no hours and all hours', () => {
    expect(hourBands([])).toEqual([]);
    const all = [...Array(24).keys()];
    expect(hourBands(all)).toEqual([all]);
    expect(bandLabel(all)).toBe('00:00–23:59');
  });
});
