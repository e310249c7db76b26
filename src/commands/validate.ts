import { Command } from 'commander';
import type { Run } from '../cli.js';
import { DataError } from '../errors.js';
import { loadOrders, loadTickets } from '../ingest/load.js';
import type { IngestOptions } from '../ingest/records.js';
import type { Role } from '../ingest/presets/preset.js';
import { stableJson } from '../report/format.js';
import { validateJson } from '../report/validateJson.js';
import { failedValidation, validationExitCode, validationOf, type FileValidation, type ValidationReport } from '../report/validateResult.js';
import { validateTerminal } from '../report/validateTerminal.js';
import type { Terminal } from '../terminal.js';
import { configuredFlags } from './configuredFlags.js';
import { addIngestOptions, ingestOptionsFrom, type RawIngestFlags } from './ingestOptions.js';

const HELP = `
Reads the exports exactly as cohort, slices and report would, and says what it understood:
the format (a platform preset detected from the header row, or canonical columns), the
encoding and delimiter, and per canonical column the source header, the type and format it
was read as (date order, decimal separator, currency, score scale), how often it is empty,
its range and a few examples. Then every row that cannot be used, as file:line, reason and
the raw value.

Exit status: 0 when every file is usable; 65 when a file is not (a required column missing or
mostly unreadable, mixed currencies, ambiguous dates, …), or with --strict when any row is
broken. Rows set aside by rule (a repeated order_id, a totals row, another currency under
--currency) are listed but do not fail --strict.

Examples:
  loyalty validate orders.csv tickets.csv
  loyalty validate shopify_orders.csv --strict
  loyalty validate export.csv --orders-format woocommerce --map orders.customer_id="Customer User ID"
  loyalty validate orders.csv tickets.csv --json > validation.json`;

interface ValidateFlags extends RawIngestFlags {
  json?: boolean;
}

export function validateCommand(select: (run: Run) => void): Command {
  const cmd = new Command('validate')
    .description('check exports before an analysis: format, columns, types and every unusable row')
    .argument('<orders>', 'orders CSV (customer_id, order_date, amount; or a platform export)')
    .argument('[tickets]', 'tickets CSV (customer_id, created_at; or a help-desk export)')
    .option('--json', 'print the validation as one JSON document on stdout');
  addIngestOptions(cmd).addHelpText('after', HELP);
  return cmd.action((orders: string, tickets: string | undefined, flags: ValidateFlags) =>
    select(async (term) => runValidate(orders, tickets ?? null, await configuredFlags(cmd, flags), term)),
  );
}

async function runValidate(orders: string, tickets: string | null, flags: ValidateFlags, term: Terminal): Promise<number> {
  const options = ingestOptionsFrom(flags);
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
  const load = role === 'orders' ? loadOrders : loadTickets;
  try {
    const loaded = await load(file, { ...options, strict: false });
    let strictError: string | null = null;
    if (options.strict && loaded.quality.rowsSkipped > 0) {
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
