import type { Dimension, SliceCounts, SliceTable } from '../model/sliceTable.js';
import { DataError } from '../errors.js';
import { WEEKDAYS } from '../time/calendar.js';
import { TICKET_COLUMNS, type TicketColumn } from '../model/ticketRecord.js';

/** The columns of the slice table (src/engines/sliceTableSql.ts), in order. */
export const SLICE_TABLE_COLUMNS = [
  'dimension',
  'label',
  'hour',
  'weekday',
  'tickets',
  'rated',
  'satisfied',
  'scores',
  'score_sum',
  'transfers_known',
  'transferred',
  'reopens_known',
  'reopened',
  'fcr_known',
  'fcr',
  'median_wait_seconds',
] as const;

type Column = (typeof SLICE_TABLE_COLUMNS)[number];

const DIMENSIONS: readonly Dimension[] = ['hour', 'weekday', 'reason', 'channel', 'agent'];

/** One row of a slice table as text (null for SQL NULL or an empty cell), and where it came from. */
export interface SliceTableRow {
  values: Readonly<Record<string, string | null>>;
  /** Where the row is, for messages: "slices.csv:12", "slices.parquet row 12". */
  place: string;
}

const WHOLE = /^\d+(\.0+)?$/;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const FIX = 'export the result of `loyalty sql --query slices` unchanged, e.g. COPY (…) TO \'slices.csv\' (HEADER) in DuckDB or \\copy (…) TO \'slices.csv\' CSV HEADER in psql';

/**
 * The rows of the slice query, from an engine or an exported file, → the SliceTable the
 * analysis reads. Strict: a missing column, a number that does not read, a key out of range, a
 * repeated slice or counts that contradict each other (more rated than tickets …) is a
 * DataError naming `where`, the line, the column and the value. Column names are matched
 * ignoring case (Snowflake exports them upper-case).
 */
export function sliceTableFromRows(columns: readonly string[], rows: readonly SliceTableRow[], where: string): SliceTable {
  const names = new Map<Column, string>();
  for (const column of SLICE_TABLE_COLUMNS) {
    const found = columns.find((c) => c.trim().toLowerCase() === column);
    if (found !== undefined) names.set(column, found);
  }
  const missing = SLICE_TABLE_COLUMNS.filter((c) => !names.has(c));
  if (missing.length > 0) {
    throw new DataError(`${where}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the columns are ${columns.join(', ') || 'none'}); ${FIX}`);
  }
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map<string, SliceCounts>()])) as Record<Dimension, Map<string, SliceCounts>>;
  const heatmap = new Map<string, SliceCounts>();
  let overall: { counts: SliceCounts; present: Set<TicketColumn> } | null = null;

  for (const row of rows) {
    const at = row.place;
    const text = (column: Column) => row.values[names.get(column)!] ?? null;
    const bad = (column: Column, what: string): never => {
      throw new DataError(`${at}: column ${names.get(column)} is ${JSON.stringify(text(column) ?? '')}, ${what}; ${FIX}`);
    };
    const whole = (column: Column): number => {
      const value = (text(column) ?? '').trim();
      if (!WHOLE.test(value)) bad(column, 'not a whole number');
      const n = Number(value);
      if (!Number.isSafeInteger(n)) bad(column, 'too large a count');
      return n;
    };
    const key = (column: 'hour' | 'weekday', low: number, high: number): number => {
      const value = (text(column) ?? '').trim();
      const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
      if (!(n >= low && n <= high)) bad(column, `not ${low === high ? low : `a whole number from ${low} to ${high}`} for a ${text('dimension')} row`);
      return n;
    };
    const share = (known: Column, hits: Column) => {
      const out = { hits: whole(hits), known: whole(known) };
      if (out.hits > out.known) bad(hits, `more than ${names.get(known)} (${out.known})`);
      return out;
    };
    const counts: SliceCounts = {
      tickets: whole('tickets'),
      rated: whole('rated'),
      satisfied: whole('satisfied'),
      scores: whole('scores'),
      scoreSum: whole('score_sum'),
      medianWaitSeconds: null,
      transfers: share('transfers_known', 'transferred'),
      reopens: share('reopens_known', 'reopened'),
      fcr: share('fcr_known', 'fcr'),
    };
    if (counts.tickets < 1) bad('tickets', 'not at least 1 (the query lists only slices holding tickets)');
    if (counts.rated > counts.tickets) bad('rated', `more than tickets (${counts.tickets})`);
    if (counts.satisfied > counts.rated) bad('satisfied', `more than rated (${counts.rated})`);
    if (counts.scores > counts.rated) bad('scores', `more than rated (${counts.rated})`);
    if (counts.scoreSum < counts.scores || counts.scoreSum > 5 * counts.scores) bad('score_sum', `not a sum of ${counts.scores} scores from 1 to 5`);
    for (const [known] of [['transfers_known'], ['reopens_known'], ['fcr_known']] as const) {
      if (whole(known) > counts.tickets) bad(known, `more than tickets (${counts.tickets})`);
    }
    const wait = (text('median_wait_seconds') ?? '').trim();
    if (wait !== '') {
      const n = DECIMAL.test(wait) ? Number(wait) : NaN;
      if (!(Number.isFinite(n) && n >= 0)) bad('median_wait_seconds', 'not a number of seconds (or empty for none)');
      counts.medianWaitSeconds = n;
    }

    const dimension = (text('dimension') ?? '').trim().toLowerCase();
    const label = text('label') ?? '';
    const add = (map: Map<string, SliceCounts>, id: string) => {
      if (map.has(id)) bad('dimension', `a second row for the ${dimension} slice ${JSON.stringify(id)}`);
      map.set(id, counts);
    };
    if (dimension === 'overall') {
      if (overall !== null) bad('dimension', 'a second overall row');
      overall = { counts, present: presentColumns(label, () => bad('label', `not a comma list of ticket columns (${TICKET_COLUMNS.join(', ')})`)) };
    } else if (dimension === 'hour') add(dimensions.hour, hourKey(key('hour', 0, 23)));
    else if (dimension === 'weekday') add(dimensions.weekday, WEEKDAYS[key('weekday', 1, 7) - 1]!);
    else if (dimension === 'reason' || dimension === 'channel' || dimension === 'agent') {
      // The query trims labels and keys an empty one "(none)": an empty label was not written by it.
      if (label.trim() === '') bad('label', `empty for a ${dimension} row (the query writes an empty ${dimension} as "(none)")`);
      add(dimensions[dimension], label);
    }
    else if (dimension === 'cell') {
      const weekday = WEEKDAYS[key('weekday', 1, 7) - 1]!;
      add(heatmap, `${weekday} ${hourKey(key('hour', 0, 23))}`);
    } else bad('dimension', 'not one of overall, hour, weekday, reason, channel, agent, cell');
  }
  if (overall === null) throw new DataError(`${where}: no overall row (dimension = overall); ${FIX}`);
  return { present: overall.present, overall: overall.counts, dimensions, heatmap };
}

const hourKey = (hour: number) => String(hour).padStart(2, '0');

/** The overall row's label: the ticket columns the query read; customer_id and created_at always. */
function presentColumns(label: string, fail: () => never): Set<TicketColumn> {
  const present = new Set<TicketColumn>(['customer_id', 'created_at']);
  for (const name of label.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    if (!(TICKET_COLUMNS as readonly string[]).includes(name)) fail();
    present.add(name as TicketColumn);
  }
  return present;
}
