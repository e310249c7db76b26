import { describe, expect, it } from 'vitest';
import { parseSatisfaction } from '../../../src/ingest/values/score.js';
import { parseBoolean, parseCount, parseSeconds } from '../../../src/ingest/values/flags.js';
import { asciiDigits } from '../../../src/ingest/values/digits.js';
import { normalizeCustomerId, normalizeOrderId } from '../../../src/ingest/values/customerId.js';

describe('parseSatisfaction', () => {
  it('reads 1–5 with satisfied at 4 and above', () => {
    expect(parseSatisfaction('4')).toEqual({ kind: 'numeric', value: 4, satisfied: true });
    expect(parseSatisfaction('3')).toEqual({ kind: 'numeric', value: 3, satisfied: false });
    expect(parseSatisfaction('5.0')).toEqual({ kind: 'numeric', value: 5, satisfied: true });
  });
  it('reads good/bad and satisfied/unsatisfied in any case', () => {
    expect(parseSatisfaction('Good')).toEqual({ kind: 'text', satisfied: true });
    expect(parseSatisfaction('BAD')).toEqual({ kind: 'text', satisfied: false });
    expect(parseSatisfaction('satisfied')).toEqual({ kind: 'text', satisfied: true });
    expect(parseSatisfaction('Unsatisfied')).toEqual({ kind: 'text', satisfied: false });
  });
  it('treats empty, offered and unoffered as unrated', () => {
    for (const raw of ['', '  ', 'offered', 'Unoffered']) expect(parseSatisfaction(raw)).toBeNull();
  });
  it('flags anything else', () => {
    for (const raw of ['6', '0', 'meh', '4.5']) expect(parseSatisfaction(raw)).toBe('invalid');
  });
});

describe('parseBoolean / parseCount / parseSeconds', () => {
  it('reads yes/no forms', () => {
    expect(['true', 'Yes', 'y', '1', 'FALSE', 'no', 'N', '0', '', 'maybe'].map(parseBoolean)).toEqual([
      true, true, true, true, false, false, false, false, null, 'invalid',
    ]);
  });
  it('reads whole counts and seconds', () => {
    expect(['3', '0', '2.0', '', '1.5', '-1'].map(parseCount)).toEqual([3, 0, 2, null, 'invalid', 'invalid']);
    expect(['42', '12.5', '', 'soon'].map(parseSeconds)).toEqual([42, 12.5, null, 'invalid']);
  });
});

describe('asciiDigits / normalizeCustomerId', () => {
  it('maps Persian and Arabic-Indic digits', () => {
    expect(asciiDigits('۱۲۳ and ٤٥٦')).toBe('123 and 456');
  });
  it('trims ids and lower-cases e-mail addresses only', () => {
    expect(normalizeCustomerId('  Ann@Example.COM ')).toBe('ann@example.com');
    expect(normalizeCustomerId(' CUST-7 ')).toBe('CUST-7');
  });
});

describe('id normalisation', () => {
  it('joins NFC and NFD spellings and drops invisible format characters, counting the raw values changed', () => {
    const changed = new Set<string>();
    expect(normalizeCustomerId('jose\u0301', changed)).toBe('jos\u00e9');
    expect(normalizeCustomerId('jos\u00e9', changed)).toBe('jos\u00e9');
    expect(normalizeCustomerId(' ann\u200b ', changed)).toBe('ann');
    expect(normalizeCustomerId('\ufeffAnn@Example.com\u2060', changed)).toBe('ann@example.com');
    expect(normalizeCustomerId('a\u00adb', changed)).toBe('ab');
    expect(normalizeOrderId('A1\u200b', changed)).toBe('A1');
    expect(normalizeOrderId('\u200b', changed)).toBe(null);
    expect(normalizeOrderId('#1001')).toBe('#1001');
    expect([...changed]).toEqual(['jose\u0301', ' ann\u200b ', '\ufeffAnn@Example.com\u2060', 'a\u00adb', 'A1\u200b', '\u200b']);
  });
});
