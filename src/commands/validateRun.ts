import { DataError } from '../errors.js';
import { readOrders } from '../ingest/readOrders.js';
import { readTickets } from '../ingest/readTickets.js';
import type { IngestOptions } from '../ingest/records.js';
import type { Role } from '../ingest/presets/preset.js';
import { stableJson } from '../report/format.js';
import { validateJson } from '../report/validateJson.js';
import { failedValidation, validationExitCode, validationOf, type FileValidation, type ValidationReport } from '../report/validateResult.js';
import { validateTerminal } from '../report/validateTerminal.js';
import type { Terminal } from '../terminal.js';
import { ingestOptionsFrom } from './ingestOptions.js';
import { assertOneStdin } from './loadInputs.js';
import { STDIN } from '../ingest/inputStream.js';
import type { ValidateFlags } from './validateFlags.js';

/**
 * What `loyalty validate` does once its flags are parsed: a module of its own, imported when the
 * command runs, so that `loyalty --help` does not load the analysis and report code behind it.
 */
export async function runValidate(orders: string, tickets: string | null, flags: ValidateFlags, term: Terminal): Promise<number> {
  const options = ingestOptionsFrom(flags);
  assertOneStdin(orders, tickets);
  const files: FileValidation[] = [await validateFile('orders', orders, options)];
  if (tickets !== null) files.push(await validateFile('tickets', tickets, options));
  const report: ValidationReport = { files, strict: options.strict };
  const page = flags.json ? stableJson(validateJson(report)) : validateTerminal(report, term.color);
  if (page !== '') term.out(page);
  // Errors after the page, so they are the last thing a reader sees on a terminal.
  for (const f of files) {
    if (f.error !== null) term.err(`error: ${f.error}`);
    else if (report.strict && f.strictError !== null) term.err(`error: --strict: ${f.strictError}`);
  }
  return validationExitCode(report);
}

/**
 * Loads without --strict so every problem row is listed; with --strict and skipped rows the
 * file is read again strictly, so validate fails exactly when the other commands would.
 * A missing file (66) or a usage error (64) ends the run; a data error is this file's verdict.
 */
async function validateFile(role: Role, file: string, options: IngestOptions): Promise<FileValidation> {
  const load = role === 'orders' ? readOrders : readTickets;
  try {
    const loaded = await load(file, { ...options, strict: false });
    let strictError: string | null = null;
    const unusable = loaded.quality.rowsSkipped > 0 || loaded.quality.cellsEmptied !== undefined;
    if (options.strict && unusable && file === STDIN) {
      // Standard input cannot be read a second time: --strict fails on the rows already counted.
      strictError = `stdin: ${loaded.quality.rowsSkipped} rows cannot be used (listed above), and --strict allows none`;
    } else if (options.strict && unusable) {
      try {
        await load(file, options);
      } catch (e) {
        if (!(e instanceof DataError)) throw e;
        strictError = e.message;
      }
    }
    return validationOf(role, loaded, options, strictError);
  } catch (e) {
    if (e instanceof DataError) return failedValidation(role, file, e.message);
    throw e;
  }
}
