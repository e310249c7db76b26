import fc from 'fast-check';
import { mkdtemp, open, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';

/**
 * What the byte-reader property tests (plainOrders, plainTickets) share: the surface of a
 * generated file, its rendering with broken row shapes, and reading it through a real file
 * handle in a temporary directory.
 */

/** A data line as written: mostly whole rows, sometimes blank, only delimiters, short, long or with a trailing delimiter. */
export const ROW_SHAPE = fc.constantFrom('row', 'row', 'row', 'row', 'row', 'row', 'blank', 'delimiters', 'short', 'long', 'trailing');
export type RowShape = typeof ROW_SHAPE extends fc.Arbitrary<infer T> ? T : never;

/** Mostly null (every line ends in the surface's lineEnding); else the line ends, cycled. */
export const MIXED_ENDS = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 6 }) },
);

/** How a file is written, whatever its columns. */
export const SURFACE = {
  delimiter: fc.constantFrom(',', ';'),
  lineEnding: fc.constantFrom('\n', '\r\n'),
  /** Now and then a mix of line endings, cycled through the lines (lineEnds.ts): no reader may merge rows. */
  mixedEnds: MIXED_ENDS,
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  quotes: fc.boolean(),
  /** Cells wrapped in quotes as spreadsheets write them: none, all, or every other one. */
  quoteCells: fc.constantFrom<QuoteCells>('none', 'none', 'all', 'some'),
  chunk: fc.integer({ min: 1, max: 200 }),
};

export type QuoteCells = 'none' | 'all' | 'some';

export interface Surface {
  quoteCells?: QuoteCells;
  delimiter: string;
  lineEnding: string;
  bom: boolean;
  finalNewline: boolean;
  mixedEnds?: string[] | null;
}

export function renderCsv(header: readonly string[], rows: readonly { fields: string[]; shape: RowShape }[], f: Surface): Buffer {
  const d = f.delimiter;
  // A cell with a quote of its own is left as written (it is already CSV text).
  const quoted = (cells: string[], i: number) =>
    cells.map((c, j) => (!c.includes('"') && (f.quoteCells === 'all' || (f.quoteCells === 'some' && (i + j) % 2 === 0)) ? `"${c}"` : c));
  const lines = [quoted([...header], 0).join(d)];
  rows.forEach(({ fields: raw, shape }, i) => {
    const fields = quoted(raw, i + 1);
    if (shape === 'blank') lines.push('');
    else if (shape === 'delimiters') lines.push(d.repeat(header.length - 1));
    else if (shape === 'short') lines.push(fields.slice(0, -1).join(d));
    else if (shape === 'long') lines.push([...fields, 'x'].join(d));
    else if (shape === 'trailing') lines.push(fields.join(d) + d);
    else lines.push(fields.join(d));
  });
  const ends = f.mixedEnds ?? [f.lineEnding];
  const text = lines.map((l, i) => (i < lines.length - 1 || f.finalNewline ? l + ends[i % ends.length] : l)).join('');
  return Buffer.concat([f.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/** A result or the error it threw, as comparable values. */
export async function settle<T>(run: () => Promise<T>): Promise<{ value: T } | { error: string }> {
  try {
    return { value: await run() };
  } catch (e) {
    return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
}

/**
 * A temporary directory for the test file (made before the tests, removed after) and a reader
 * that writes bytes there and runs `read` on an open handle of them.
 */
export function plainFiles(prefix: string) {
  let dir = '';
  let counter = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `loyalty-${prefix}-`));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    path: (name: string) => join(dir, name),
    async read<T>(bytes: Buffer, read: (handle: FileHandle) => Promise<T>) {
      const path = join(dir, `${prefix}-${counter++}.csv`);
      await writeFile(path, bytes);
      const handle = await open(path, 'r');
      try {
        return await settle(() => read(handle));
      } finally {
        await handle.close();
      }
    },
  };
}

/**
 * The byte readers' property: on any generated file, the byte reader either hands the file
 * back (null) or gives exactly the general path's result (or the same error); and it must
 * read most files itself, or the property says nothing.
 */
export async function expectPlainOrGeneral<F>(
  files: fc.Arbitrary<F>,
  general: (f: F) => Promise<unknown>,
  plain: (f: F) => Promise<{ value: unknown } | { error: string }>,
): Promise<void> {
  let taken = 0;
  await fc.assert(
    fc.asyncProperty(files, async (f) => {
      const expected = await settle(() => general(f));
      const read = await plain(f);
      if ('value' in read && read.value === null) return;
      taken++;
      expect(read).toEqual(expected);
    }),
    { numRuns: 300 },
  );
  expect(taken).toBeGreaterThan(100);
}
