import { describe, expect, it } from 'vitest';
import { sniffDialect } from '../../src/ingest/dialect.js';

describe('sniffDialect', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ',', '\n'],
    ['a;b;c\r\n1;2,5;3\r\n', ';', '\r\n'],
    ['a\tb\tc\r1\t2\t3\r', '\t', '\r'],
    ['a|b|c\n1|2|3\n', '|', '\n'],
  ] as const)('%j → %j', (sample, delimiter, lineEnding) => {
    expect(sniffDialect(sample)).toEqual({ delimiter, lineEnding });
  });

  it('ignores delimiters inside quotes', () => {
    expect(sniffDialect('name;amount\n"Smith, Ann";"1,5"\n"Lee, Bo";"2,5"\n').delimiter).toBe(';');
  });

  it('prefers the delimiter that splits the lines consistently', () => {
    expect(sniffDialect('id;note\n1;a,b,c\n2;d\n3;e,f\n').delimiter).toBe(';');
  });

  it('falls back to comma for a single column', () => {
    expect(sniffDialect('customer_id\nx\n')).toEqual({ delimiter: ',', lineEnding: '\n' });
  });
});
