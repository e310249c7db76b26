import { describe, expect, it } from 'vitest';
import { readRecords, type CsvRecord } from '../../src/ingest/csvRecords.js';
import { DataError } from '../../src/errors.js';

async function records(chunks: string[]): Promise<Pick<CsvRecord, 'fields' | 'line'>[]> {
  async function* source() {
    yield* chunks;
  }
  const out: Pick<CsvRecord, 'fields' | 'line'>[] = [];
  for await (const batch of readRecords(source(), 'f.csv').records) for (const r of batch) out.push({ fields: r.fields, line: r.line });
  return out;
}

describe('readRecords', () => {
  it('numbers physical lines, counting line breaks inside quoted fields', async () => {
    const text = 'a,b\n1,"two\nlines"\n2,"three\r\nline\nnote"\n3,x\n';
    expect(await records([text])).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', 'two\nlines'], line: 2 },
      { fields: ['2', 'three\r\nline\nnote'], line: 4 },
      { fields: ['3', 'x'], line: 7 },
      { fields: [''], line: 8 },
    ]);
  });

  it('gives the same records and lines whatever the chunking', async () => {
    const text = 'a,b\r\n1,"x,""y""\r\nz"\r\n\r\n2,3\r\n';
    const whole = await records([text]);
    const pieces = await records(text.split(''));
    expect(pieces).toEqual(whole);
    expect(whole.slice(0, 4)).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', 'x,"y"\r\nz'], line: 2 },
      { fields: [''], line: 4 },
      { fields: ['2', '3'], line: 5 },
    ]);
  });

  it('reads CR-only line endings', async () => {
    expect(await records(['a,b\r1,2\r3,"4\r5"\r6,7'])).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', '4\r5'], line: 3 },
      { fields: ['6', '7'], line: 5 },
    ]);
  });

  it('fails on a quote that is never closed, naming its line', async () => {
    await expect(records(['a,b\n1,2\n3,"oops\n4,5\n'])).rejects.toThrow(
      new DataError('f.csv:3: a quoted field is opened but never closed (a stray " character?); fix the quoting or export the file again.'),
    );
  });
});
