import { Command } from 'commander';
import type { Run } from './run.js';
import { configuredFlags } from './configuredFlags.js';
import { addIngestOptions, type RawIngestFlags } from './ingestOptions.js';
import { type ValidateFlags } from './validateFlags.js';

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


export function validateCommand(select: (run: Run) => void): Command {
  const cmd = new Command('validate')
    .description('check exports before an analysis: format, columns, types and every unusable row')
    .argument('<orders>', 'orders CSV (customer_id, order_date, amount; or a platform export)')
    .argument('[tickets]', 'tickets CSV (customer_id, created_at; or a help-desk export)')
    .option('--json', 'print the validation as one JSON document on stdout');
  addIngestOptions(cmd).addHelpText('after', HELP);
  return cmd.action((orders: string, tickets: string | undefined, flags: ValidateFlags) =>
    select(async (term) => (await import('./validateRun.js')).runValidate(orders, tickets ?? null, await configuredFlags(cmd, flags), term)),
  );
}
