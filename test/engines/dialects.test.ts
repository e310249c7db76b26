import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, TRIMMED_CODE_POINTS, type DialectName } from '../../src/engines/dialects.js';
import { ENGINES, useEngine } from './engines.js';

/**
 * Text around every code point String.prototype.trim removes, and around the code points next
 * to the U+0021–U+009F range DuckDB's trim passes over without trimming (U+0085 is a control
 * character JavaScript does not trim).
 */
const EDGES = [0x20, 0x21, 0x7e, 0x85, 0x9f, 0xa0, 0xa1, 0x200b, ...TRIMMED_CODE_POINTS];
const VALUES: string[] = [
  '',
  'a',
  'ab',
  'a b',
  'a\nb',
  'é',
  'x\u0301',
  ...EDGES.flatMap((c) => {
    const ch = String.fromCodePoint(c);
    return [ch, `${ch}a`, `a${ch}`, `${ch}a${ch}`, `${ch}${ch}ab c${ch}`, `a${ch}b`];
  }),
];

describe.each(ENGINES)('trimming on %s', (_name, open) => {
  const engineOf = useEngine({ beforeAll, beforeEach, afterAll }, open);

  it('removes exactly what JavaScript trim removes, at both ends and nowhere else', async () => {
    const d = DIALECTS[engineOf().name as DialectName];
    const literal = (v: string) => `'${v.replaceAll("'", "''")}'`;
    const selects = VALUES.map((v, i) => `SELECT ${i} AS i, ${d.trim(d.text(literal(v)), 'w.chars')} AS trimmed FROM (SELECT ${d.trimmedCharacters} AS chars) w`);
    const rows = await engineOf().rows(`${selects.join('\nUNION ALL\n')}\nORDER BY i`);
    expect(rows.map((r) => r.trimmed)).toEqual(VALUES.map((v) => v.trim()));
  });
});
