import Papa from 'papaparse';
import { DataError } from '../errors.js';
import { sniffDialect, type Dialect } from './dialect.js';
import { LineEnds } from './lineEnds.js';

/**
 * Text chunks → CSV records with their physical line numbers, streamed through papaparse's
 * incremental parser (only the unfinished last record of a chunk is carried over).
 *
 * Line numbers are what an editor shows: the header is line 1, and a record whose quoted field
 * holds two line breaks occupies three lines, so the next record starts three lines later.
 * Blank lines are yielded (as one empty field) so the caller can skip them without losing count.
 */
export interface CsvRecord {
  fields: string[];
  /** 1-based physical line on which the record starts. */
  line: number;
  /** papaparse found a closing quote followed by something other than a delimiter. */
  badQuotes: boolean;
}

export interface RecordStream {
  /** Known once the first chunk has been read. */
  dialect: Dialect;
  records: AsyncIterable<CsvRecord[]>;
  /** How the file's lines end (every kind ends a row: see lineEnds.ts); complete once the records are read. */
  lineEnds: LineEnds;
}

const SNIFF_CHARS = 64 * 1024;
/** A record still open after this many characters is an unclosed quote, not a real field. */
const MAX_OPEN_RECORD = 16 * 1024 * 1024;

export function readRecords(chunks: AsyncIterable<string>, file: string): RecordStream {
  const stream: RecordStream = { dialect: { delimiter: ',', lineEnding: '\n' }, records: noRecords(), lineEnds: new LineEnds() };
  stream.records = parseChunks(chunks, file, stream);
  return stream;
}

async function* parseChunks(chunks: AsyncIterable<string>, file: string, stream: RecordStream): AsyncGenerator<CsvRecord[]> {
  let buffer = '';
  let parser: Papa.Parser | null = null;
  let line = 1;
  const countBreaks = (fields: string[]): number => {
    const brk = stream.dialect.lineEnding === '\r' ? '\r' : '\n';
    let n = 0;
    for (const f of fields) {
      if (f.length === 0 || (f.indexOf('\n') < 0 && f.indexOf('\r') < 0)) continue;
      for (let i = f.indexOf(brk); i >= 0; i = f.indexOf(brk, i + 1)) n++;
    }
    return n;
  };
  const emit = (input: string, final: boolean): CsvRecord[] => {
    const result = parser!.parse(input, 0, !final) as Papa.ParseResult<string[]>;
    const bad = new Set<number>();
    for (const err of result.errors) {
      if (err.row === undefined || err.row >= result.data.length) continue;
      if (err.code === 'MissingQuotes') {
        const where = `${file}:${lineOfRow(result.data, err.row, line, countBreaks)}`;
        const after = textAfterClosingQuote(input, err.index, stream.dialect.delimiter);
        if (after !== null) {
          throw new DataError(
            `${where}: text after a closing quote (${after}); a quoted field must end at its closing quote: quote the whole field and double any quote inside it (""), or export the file again.`,
          );
        }
        throw new DataError(`${where}: a quoted field is opened but never closed (a stray " character?); fix the quoting or export the file again.`);
      }
      bad.add(err.row);
    }
    const out: CsvRecord[] = new Array(result.data.length);
    for (let i = 0; i < result.data.length; i++) {
      const fields = result.data[i];
      out[i] = { fields, line, badQuotes: bad.has(i) };
      line += 1 + countBreaks(fields);
    }
    buffer = final ? '' : input.slice(result.meta.cursor);
    return out;
  };
  const ends = stream.lineEnds;
  // The dialect is sniffed from the text as written; the parser reads it with every line end made LF.
  let unsniffed = '';
  for await (const chunk of chunks) {
    if (parser === null) {
      unsniffed += chunk;
      if (unsniffed.length < SNIFF_CHARS) continue;
      parser = start(unsniffed, stream);
      buffer += ends.normalize(unsniffed, false);
      unsniffed = '';
    } else buffer += ends.normalize(chunk, false);
    const records = emit(buffer, false);
    if (records.length > 0) yield records;
    if (buffer.length > MAX_OPEN_RECORD) {
      throw new DataError(
        `${file}:${line}: a quoted field opened on this line runs on for more than 16 MB (a stray " character?); fix the quoting or export the file again.`,
      );
    }
  }
  if (parser === null) parser = start(unsniffed, stream);
  buffer += ends.normalize(unsniffed, true);
  if (buffer !== '') {
    const records = emit(buffer, true);
    if (records.length > 0) yield records;
  }
}

function start(sample: string, stream: RecordStream): Papa.Parser {
  stream.dialect = sniffDialect(sample);
  return new Papa.Parser({ delimiter: stream.dialect.delimiter, newline: '\n', quoteChar: '"' });
}

function lineOfRow(rows: string[][], row: number, firstLine: number, countBreaks: (fields: string[]) => number): number {
  let line = firstLine;
  for (let i = 0; i < row; i++) line += 1 + countBreaks(rows[i]);
  return line;
}

/**
 * papaparse reads `"22.25"x` as a quote never closed (it looks on for a quote followed by a
 * delimiter). When the quote opened at `open` is in fact closed and followed by other text,
 * that text, for the message; null when the quote really is never closed.
 */
export function textAfterClosingQuote(input: string, open: number | undefined, delimiter: string): string | null {
  if (open === undefined) return null;
  // papaparse reports the index just after the opening quote.
  if (input[open] !== '"' && input[open - 1] === '"') open--;
  if (input[open] !== '"') return null;
  for (let i = open + 1; ; ) {
    const q = input.indexOf('"', i);
    if (q < 0) return null;
    if (input[q + 1] === '"') {
      i = q + 2;
      continue;
    }
    const next = input[q + 1];
    if (next === undefined || next === delimiter || next === '\n' || next === '\r') return null;
    const end = input.slice(q + 1).search(/[\r\n]/);
    const shown = input.slice(open, end < 0 ? input.length : q + 1 + end);
    return shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
  }
}

async function* noRecords(): AsyncGenerator<CsvRecord[]> {}
