import { assertSatisfactionColumn, parseDimensions, resolveDimensions, type ColumnNaming } from '../analysis/sliceDimensions.js';
import type { Dimension } from '../analysis/sliceResult.js';
import type { SliceTable } from '../analysis/sliceTable.js';
import { UsageError } from '../errors.js';
import type { FileQuality } from '../ingest/records.js';
import { readSliceTableFile } from '../ingest/sliceTableFile.js';
import type { Terminal } from '../terminal.js';
import { warnAboutQuality } from './qualityWarnings.js';
import { parseMinRated, type SlicesFlags } from './slicesFlags.js';

/**
 * What `slices --engine`, `--source` and `--facts-in` do before analysing, as sliceInputs does
 * for a tickets file: check every flag, get the slice table, insist on a satisfaction column,
 * resolve --by against the columns present, and warn about skipped rows.
 */
export async function sliceTableInputs(file: string | undefined, flags: SlicesFlags, term: Terminal): Promise<{ table: SliceTable; quality: FileQuality; by: Dimension[]; minRated: number }> {
  const requested: Dimension[] | null = flags.by === undefined ? null : parseDimensions(flags.by);
  const minRated = parseMinRated(flags.minRated);
  const how = flags.factsIn !== undefined ? '--facts-in' : flags.source !== undefined ? '--source' : '--engine';
  // The engines read created_at's wall clock as stored; converting it is the CSV path's job.
  if (flags.tz !== undefined) {
    throw new UsageError(`--tz cannot be used with ${how}: hours and weekdays are those of created_at as stored (the wall clock as written); convert the times where they are stored, or read the tickets CSV without ${how}`);
  }
  let table: SliceTable;
  let quality: FileQuality;
  if (flags.factsIn !== undefined) {
    if (file !== undefined) throw new UsageError(`--facts-in reads the slice table instead of the tickets: give no tickets argument with it (got "${file}")`);
    if (flags.engine !== undefined || flags.source !== undefined || flags.column !== undefined || flags.memoryLimit !== undefined) {
      throw new UsageError('--facts-in cannot be combined with --engine, --source, --column or --memory-limit: the slice table is already computed');
    }
    table = await readSliceTableFile(flags.factsIn);
    quality = exportedQuality(flags.factsIn, table);
  } else {
    if (file === undefined) throw new UsageError(`slices ${how} needs the tickets ${flags.source !== undefined ? 'table (schema.table)' : 'file or glob'} as its argument`);
    ({ table, quality } = await (await import('./slicesEngineRun.js')).sliceTableOnEngine(file, flags));
  }
  // The engines take --column; an exported table can only be exported again from a table that has the column.
  const naming: ColumnNaming =
    flags.factsIn !== undefined
      ? (c) => `export the slice table again from tickets with a ${c} column (or name it with --column tickets.${c}=NAME in loyalty sql)`
      : (c) => `name the column that holds ${c === 'satisfaction' ? 'the scores' : 'it'} with --column tickets.${c}=NAME`;
  assertSatisfactionColumn(table.present, quality.file, naming);
  const by = resolveDimensions(requested, table.present, quality.file, naming);
  warnAboutQuality(quality, term);
  return { table, quality, by, minRated };
}

/** An exported slice table says how many tickets it counts, nothing about the rows set aside before. */
function exportedQuality(file: string, table: SliceTable): FileQuality {
  return {
    file,
    format: 'slice table',
    columns: {},
    rowsRead: table.overall.tickets,
    rowsUsed: table.overall.tickets,
    rowsSkipped: 0,
    skipped: {},
    decisions: ['read from an exported slice table (loyalty sql --query slices): counts and median waits as the query computed them; rows it set aside are not known here'],
    warnings: [],
  };
}
