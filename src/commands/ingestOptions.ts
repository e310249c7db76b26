import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { indexHeaders } from '../ingest/headers.js';
import { resolveFormat } from '../ingest/mapping.js';
import { PRESETS } from '../ingest/presets/index.js';
import { DEFAULT_INGEST_OPTIONS, type IngestOptions } from '../ingest/records.js';
import { parseDateOrder } from '../ingest/values/dateColumn.js';

/**
 * The input flags every command shares, defined once so `cohort`, `slices`, `report` and
 * `validate` read files the same way.
 */
export function addIngestOptions(cmd: Command): Command {
  return cmd
    .option(
      '--map <role.column=Header>',
      'map a source header to a canonical column, e.g. orders.customer_id=Email (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--tz <zone>', 'convert timestamps to this IANA zone before reading hours and dates (naive timestamps are taken as UTC)')
    .option('--strict', 'fail (exit 65) instead of skipping any unusable row')
    .option('--orders-format <name>', 'orders export format: auto or a preset name', 'auto')
    .option('--tickets-format <name>', 'tickets export format: auto or a preset name', 'auto')
    .option('--date-format <fmt>', 'date order for ambiguous slash dates: MDY or DMY')
    .addOption(new Option('--decimal <sep>', 'decimal separator of amounts').choices(['.', ',']))
    .option('--currency <code>', 'keep only amounts in this currency when a file mixes currencies')
    .option('--max-unusable <percent>', 'refuse a file when more than this share of its rows is unusable (ragged, unreadable dates, amounts or cells), e.g. 10%; default 5%')
    .option('--quiet', 'only results and errors: no progress bar, messages or warnings on stderr')
    .option('--config <file>', 'read options from this JSON file (default: ./loyalty.config.json when present); flags override it');
}

export interface RawIngestFlags {
  map: string[];
  tz?: string;
  strict?: boolean;
  ordersFormat: string;
  ticketsFormat: string;
  dateFormat?: string;
  decimal?: '.' | ',';
  currency?: string;
  maxUnusable?: string;
  /** --quiet: only results and errors (see statusTerminal.ts); read by the commands, not by ingest. */
  quiet?: boolean;
  /** --config FILE; read by configuredFlags, not by ingest. */
  config?: string;
}

export function ingestOptionsFrom(flags: RawIngestFlags): IngestOptions {
  const map: Record<string, string> = {};
  for (const entry of flags.map) {
    const m = /^\s*(orders|tickets)\.([a-z_]+)\s*=(.*)$/.exec(entry);
    if (!m || m[3].trim() === '') {
      throw new UsageError(
        `--map "${entry}" is not of the form role.column=Header (role is orders or tickets), e.g. --map orders.customer_id=Email`,
      );
    }
    map[`${m[1]}.${m[2]}`] = m[3].trim();
  }
  if (flags.tz) assertTimeZone(flags.tz);
  // The same checks ingest makes, done here so a typo fails before a large file is read:
  // with no headers, resolveFormat throws for an unknown name and nothing else.
  parseDateOrder(flags.dateFormat ?? null);
  const noHeaders = indexHeaders([]);
  resolveFormat('orders', flags.ordersFormat, noHeaders, PRESETS);
  resolveFormat('tickets', flags.ticketsFormat, noHeaders, PRESETS);
  return {
    ...DEFAULT_INGEST_OPTIONS,
    map,
    tz: flags.tz ?? null,
    strict: Boolean(flags.strict),
    ordersFormat: flags.ordersFormat,
    ticketsFormat: flags.ticketsFormat,
    dateFormat: flags.dateFormat ?? null,
    decimal: flags.decimal ?? null,
    currency: flags.currency ?? null,
    maxUnusable: flags.maxUnusable === undefined ? DEFAULT_INGEST_OPTIONS.maxUnusable : parseMaxUnusable(flags.maxUnusable, '--max-unusable'),
  };
}

/** "10%" or "10" → 0.1; a percentage from 0 to 100. `what` names the flag or config key. */
export function parseMaxUnusable(text: string, what: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const value = m ? Number(m[1]) : NaN;
  if (!(value >= 0 && value <= 100)) throw new UsageError(`${what} "${text}" is not a percentage from 0% to 100%; write it like 10%.`);
  return value / 100;
}

function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new UsageError(`--tz "${zone}" is not an IANA time zone; use a name like Europe/Berlin or America/New_York`);
  }
}
