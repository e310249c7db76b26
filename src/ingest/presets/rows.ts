import type { RawRow } from './preset.js';

/**
 * Small row helpers the presets' folds share. Folds never drop a row: every input row is
 * either returned or merged into a returned row (see Preset.fold).
 */

/**
 * A copy of the row with `column` filled from `fallback` when it is empty (an e-mail column
 * that is blank for phone tickets, with the platform's customer id next to it). Values that
 * mean "no customer" (Woo's guest user id 0) are not used.
 */
export function withFallback(row: RawRow, column: string, fallback: string): RawRow {
  const value = row.values[column];
  const spare = (row.values[fallback] ?? '').trim();
  if ((value ?? '').trim() !== '' || spare === '' || spare === '0') return row;
  return { line: row.line, values: { ...row.values, [column]: spare } };
}
