import { validationExitCode, type ValidationReport } from './validateResult.js';

/**
 * `loyalty validate --json`: one document, keys in a fixed order, for scripts that check an
 * export before a scheduled run. `ok` is what the exit code says (true ⇔ exit 0).
 */
export function validateJson(report: ValidationReport): unknown {
  return {
    ok: validationExitCode(report) === 0,
    strict: report.strict,
    files: report.files.map((f) => ({
      role: f.role,
      file: f.file,
      error: f.error,
      strictError: f.strictError,
      format: f.format,
      encoding: f.encoding,
      delimiter: f.delimiter,
      lineEnding: f.lineEnding,
      headers: f.headers,
      rows: f.rows,
      columns: f.columns.map((c) => ({
        column: c.column,
        source: c.source,
        type: c.type,
        format: c.format,
        rows: c.rows,
        empty: c.empty,
        nullShare: c.nullShare,
        min: c.min,
        max: c.max,
        // The amount column's min and max are money: their currency beside them.
        ...(c.type === 'amount' ? { currency: f.currency } : {}),
        examples: c.examples,
      })),
      notFound: f.notFound,
      skipped: f.skipped,
      ...(Object.keys(f.cellsEmptied).length > 0 ? { cellsEmptied: f.cellsEmptied } : {}),
      problems: f.problems,
      decisions: f.decisions,
      warnings: f.warnings,
    })),
  };
}
