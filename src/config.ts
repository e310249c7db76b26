import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataError, InputMissingError, UsageError } from './errors.js';
import { PRESETS } from './ingest/presets/index.js';
import { DIMENSIONS } from './analysis/sliceResult.js';
import { jsonErrorPosition, jsonReason } from './jsonErrorPosition.js';
import { parseCohortWindow, parseSpan } from './analysis/windows.js';
import { ROOT_CAUSE_CATEGORIES } from './analysis/preventionResult.js';
import { parseChange } from './analysis/preventionOptions.js';
import { ORDER_COLUMNS } from './model/orderTable.js';
import { TICKET_COLUMNS } from './model/ticketRecord.js';

/**
 * loyalty.config.json: the flags a scheduled job would otherwise repeat on every run, in one
 * reviewed file. `loyalty.config.json` in the working directory is read when present; --config
 * FILE names another. Flags given on the command line override the file (mergeFlags).
 *
 *   {
 *     "map": { "orders.customer_id": "Email", "tickets.created_at": "Opened" },
 *     "formats": { "orders": "shopify", "tickets": "zendesk" },
 *     "tz": "Europe/Berlin", "dateFormat": "DMY", "decimal": ",", "currency": "EUR", "strict": true,
 *     "maxUnusable": "10%",
 *     "windows": { "cohort": "2014-01", "follow": "3m", "grace": "14d" },
 *     "slices": { "by": ["hour", "reason"], "minRated": 30, "top": 25 },
 *     "report": { "failOn": ["csat-drop>5pt", "skipped-rows>1%"] },
 *     "rootCauses": { "order status": "tooling", "password reset": "customer-mistake" },
 *     "prevention": { "changes": ["order status@2014-04-07"], "costPerContact": 4.5 },
 *     "seed": 42,
 *     "sql": { "dialect": "bigquery", "ordersTable": "shop.orders", "ticketsTable": "shop.tickets",
 *              "rowOrder": "line", "absent": ["tickets.resolved"], "columns": { "orders.amount": "total" } }
 *   }
 *
 * Every key is optional; an unknown key is an error (a typo must not be silently ignored).
 */
export const CONFIG_FILE = 'loyalty.config.json';

export interface LoyaltyConfig {
  /** The file as the user named it, for messages. */
  file: string;
  /** Same keys and values as --map: "orders.customer_id" → "Email". */
  map: Record<string, string>;
  formats: { orders?: string; tickets?: string };
  tz?: string;
  dateFormat?: 'MDY' | 'DMY';
  decimal?: '.' | ',';
  currency?: string;
  strict?: boolean;
  maxUnusable?: string;
  windows: { cohort?: string; follow?: string; grace?: string };
  slices: { by?: string[]; minRated?: number; top?: number };
  report: { failOn?: string[] };
  /** Contact reason → root-cause category (explanation, customer-mistake, process, tooling, other). */
  rootCauses?: Record<string, string>;
  prevention?: { changes?: string[]; costPerContact?: number };
  seed?: number;
  /** `loyalty sql` and the engines: where the facts query reads (src/engines/factsSource.ts). */
  sql: { dialect?: string; ordersTable?: string; ticketsTable?: string; rowOrder?: string; absent?: string[]; columns?: Record<string, string> };
}

type Kind = 'string' | 'boolean' | 'integer' | 'number' | 'string list' | 'map';
type Shape = { [key: string]: Kind | Shape };

/**
 * The file's structure; also the list of valid keys shown when a key is unknown. Editors check
 * the file against loyalty.schema.json, which test/config.schema.test.ts holds to this shape.
 */
export const SHAPE: Shape = {
  $schema: 'string',
  map: 'map',
  formats: { orders: 'string', tickets: 'string' },
  tz: 'string',
  dateFormat: 'string',
  decimal: 'string',
  currency: 'string',
  strict: 'boolean',
  maxUnusable: 'string',
  windows: { cohort: 'string', follow: 'string', grace: 'string' },
  slices: { by: 'string list', minRated: 'integer', top: 'integer' },
  report: { failOn: 'string list' },
  rootCauses: 'map',
  prevention: { changes: 'string list', costPerContact: 'number' },
  seed: 'integer',
  sql: { dialect: 'string', ordersTable: 'string', ticketsTable: 'string', rowOrder: 'string', absent: 'string list', columns: 'map' },
};

/** Reads the config: --config FILE (relative to cwd) or ./loyalty.config.json; null when there is none. */
export async function loadConfig(cwd: string, explicitPath: string | null): Promise<LoyaltyConfig | null> {
  const shown = explicitPath ?? CONFIG_FILE;
  const path = explicitPath === null ? join(cwd, CONFIG_FILE) : resolve(cwd, explicitPath);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
    if (explicitPath === null && code === 'ENOENT') return null;
    if (code === 'ENOENT') throw new InputMissingError(`--config ${shown}: no such file; check the path of the config file.`);
    if (code === 'EISDIR') throw new InputMissingError(`${shown} is a directory, not a config file; give the path of the JSON file.`);
    throw new InputMissingError(`${shown}: cannot be read (${code}); check the file's permissions.`);
  }
  return parseConfig(text, shown);
}

/** Validates the text of a config file; every problem is a UsageError naming the file and the key. */
export function parseConfig(text: string, file: string): LoyaltyConfig {
  const body = text.replace(/^\uFEFF/, '');
  const deep = nestingBeyond(body, MAX_DEPTH);
  if (deep !== null) {
    throw new DataError(`${file}:${deep.line}: nested more than ${MAX_DEPTH} levels deep, which no loyalty config is (the deepest key has 2 levels); check that this is the config file.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const [line, column] = jsonErrorPosition(body, (e as Error).message);
    throw new UsageError(`${file}:${line}:${column}: not valid JSON (${jsonReason((e as Error).message)}); fix the file, e.g. check for a missing comma or a trailing comma.`);
  }
  if (!isObject(json)) throw new UsageError(`${file}: must hold one JSON object ({ ... }), not ${describe(json)}.`);
  checkShape(json, SHAPE, '', file);
  const raw = json as Record<string, any>;
  const config: LoyaltyConfig = {
    file,
    map: {},
    formats: { ...raw.formats },
    windows: { ...raw.windows },
    slices: { ...raw.slices },
    report: { ...raw.report },
    sql: { ...raw.sql },
  };
  if (raw.rootCauses !== undefined) config.rootCauses = { ...raw.rootCauses };
  if (raw.prevention !== undefined) config.prevention = { ...raw.prevention };
  for (const [key, header] of Object.entries((raw.map ?? {}) as Record<string, string>)) config.map[key] = checkMapEntry(key, header, file);
  for (const role of ['orders', 'tickets'] as const) {
    const format = config.formats[role];
    if (format !== undefined) checkFormat(role, format, file);
  }
  if (raw.tz !== undefined) config.tz = checkZone(raw.tz, file);
  if (raw.dateFormat !== undefined) config.dateFormat = oneOf('dateFormat', raw.dateFormat.toUpperCase(), ['MDY', 'DMY'] as const, file, raw.dateFormat);
  if (raw.decimal !== undefined) config.decimal = oneOf('decimal', raw.decimal, ['.', ','] as const, file);
  if (raw.currency !== undefined) config.currency = nonEmpty('currency', raw.currency, file);
  if (raw.strict !== undefined) config.strict = raw.strict;
  if (raw.maxUnusable !== undefined) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(raw.maxUnusable);
    if (!m || Number(m[1]) > 100) throw wrongValue('maxUnusable', raw.maxUnusable, 'a percentage from 0% to 100%, like "10%"', file);
    config.maxUnusable = raw.maxUnusable;
  }
  const { cohort, follow, grace } = config.windows;
  // The pattern keeps the file to the plain forms; the parser then catches what a pattern
  // cannot (month 13, a range ending before it starts, --follow 0m) with the file's key named.
  const cohortForm = '"2014-01" or "2014-01-01..2014-01-31"';
  if (cohort !== undefined) matches('windows.cohort', cohort, /^\d{4}-\d{2}(-\d{2}\.\.\d{4}-\d{2}-\d{2}|\.\.\d{4}-\d{2})?$/, cohortForm, file, () => parseCohortWindow(cohort));
  if (follow !== undefined) matches('windows.follow', follow, /^\d+[mdw]$/, '"3m", "90d" or "12w"', file, () => parseSpan(follow, '--follow', 1));
  if (grace !== undefined) matches('windows.grace', grace, /^\d+[mdw]$/, '"14d" or "2w"', file);
  for (const by of config.slices.by ?? []) oneOf('slices.by', by, DIMENSIONS, file);
  if (config.slices.minRated !== undefined && config.slices.minRated < 1) throw wrongValue('slices.minRated', config.slices.minRated, 'a whole number of at least 1', file);
  if (config.slices.top !== undefined && (config.slices.top < 1 || config.slices.top > 1000)) throw wrongValue('slices.top', config.slices.top, 'a whole number from 1 to 1000', file);
  for (const rule of config.report.failOn ?? []) nonEmpty('report.failOn', rule, file);
  for (const [reason, category] of Object.entries(config.rootCauses ?? {})) {
    oneOf(`rootCauses.${reason}`, category.trim().toLowerCase(), ROOT_CAUSE_CATEGORIES, file, category);
  }
  for (const change of config.prevention?.changes ?? []) matches('prevention.changes', change, /^.+@\d{4}-\d{2}-\d{2}$/, '"order status@2014-04-07"', file, () => parseChange(change));
  const cost = config.prevention?.costPerContact;
  if (cost !== undefined && cost < 0) throw wrongValue('prevention.costPerContact', cost, 'a number of 0 or more', file);
  if (raw.seed !== undefined) {
    if (raw.seed < 0) throw wrongValue('seed', raw.seed, 'a whole number of 0 or more', file);
    config.seed = raw.seed;
  }
  return config;
}

/** The flags the config can supply, under commander's option names, as commander would hold them. */
export interface ConfigurableFlags {
  map?: string[];
  ordersFormat?: string;
  ticketsFormat?: string;
  tz?: string;
  dateFormat?: string;
  decimal?: '.' | ',';
  currency?: string;
  strict?: boolean;
  maxUnusable?: string;
  cohort?: string;
  follow?: string;
  grace?: string;
  by?: string;
  minRated?: string;
  top?: string;
  failOn?: string[];
  seed?: string;
  /** Not flags: the prevention settings only the config file holds, passed along as they are. */
  rootCauses?: Record<string, string>;
  change?: string[];
  costPerContact?: string;
  dialect?: string;
  ordersTable?: string;
  ticketsTable?: string;
  rowOrder?: string;
  absent?: string;
  column?: string[];
}

/**
 * Flags override the file. A flag counts as given unless `sourceOf(key)` says 'default'
 * (pass `(k) => cmd.getOptionValueSource(k)` so commander defaults such as --orders-format auto
 * yield to the file but still apply when the file is silent). --map is merged per key: the file's
 * entries come first, so a --map for the same column wins (the last entry of a key is the one
 * used). --fail-on given on the command line replaces the file's list. Values come out in flag
 * form (strings, comma lists) so each command validates them exactly as if typed.
 */
export function mergeFlags<F extends ConfigurableFlags>(
  config: LoyaltyConfig | null,
  flags: F,
  sourceOf: (key: string) => string | undefined = () => 'cli',
): F {
  if (config === null) return flags;
  const fromFile: ConfigurableFlags = {
    ordersFormat: config.formats.orders,
    ticketsFormat: config.formats.tickets,
    tz: config.tz,
    dateFormat: config.dateFormat,
    decimal: config.decimal,
    currency: config.currency,
    strict: config.strict,
    maxUnusable: config.maxUnusable,
    cohort: config.windows.cohort,
    follow: config.windows.follow,
    grace: config.windows.grace,
    by: config.slices.by?.join(','),
    minRated: config.slices.minRated === undefined ? undefined : String(config.slices.minRated),
    top: config.slices.top === undefined ? undefined : String(config.slices.top),
    failOn: config.report.failOn,
    seed: config.seed === undefined ? undefined : String(config.seed),
    rootCauses: config.rootCauses,
    change: config.prevention?.changes,
    costPerContact: config.prevention?.costPerContact === undefined ? undefined : String(config.prevention.costPerContact),
    dialect: config.sql.dialect,
    ordersTable: config.sql.ordersTable,
    ticketsTable: config.sql.ticketsTable,
    rowOrder: config.sql.rowOrder,
    absent: config.sql.absent?.join(','),
  };
  const given = flags as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...given };
  for (const [key, value] of Object.entries(fromFile)) {
    if (value === undefined) continue;
    const explicit = given[key] !== undefined && sourceOf(key) !== 'default';
    if (!explicit) merged[key] = value;
  }
  const fileMap = Object.entries(config.map).map(([key, header]) => `${key}=${header}`);
  merged.map = [...fileMap, ...(flags.map ?? [])];
  const fileColumns = Object.entries(config.sql.columns ?? {}).map(([key, name]) => `${key}=${name}`);
  if (fileColumns.length > 0 || flags.column !== undefined) merged.column = [...fileColumns, ...(flags.column ?? [])];
  return merged as unknown as F;
}

/** Deeper than any config: read no further (JSON.parse and the checks recurse per level). */
const MAX_DEPTH = 32;

/** The line where `text` first nests deeper than `max` ([ and { outside strings), or null. */
function nestingBeyond(text: string, max: number): { line: number } | null {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > max) return { line };
    } else if (c === '}' || c === ']') depth--;
  }
  return null;
}

function checkShape(value: Record<string, unknown>, shape: Shape, prefix: string, file: string): void {
  for (const [key, child] of Object.entries(value)) {
    const name = prefix + key;
    // Own keys only: "constructor" or "toString" are not config keys.
    const kind = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (kind === undefined) {
      const where = prefix === '' ? 'at the top level' : `in "${prefix.slice(0, -1)}"`;
      throw new UsageError(`${file}: unknown key "${name}"; valid keys ${where} are: ${Object.keys(shape).filter((k) => k !== '$schema').join(', ')}.`);
    }
    if (typeof kind === 'object') {
      if (!isObject(child)) throw wrongType(name, 'an object ({ ... })', child, file);
      checkShape(child, kind, `${name}.`, file);
    } else if (!hasKind(child, kind)) {
      throw wrongType(name, KIND_NAMES[kind], child, file);
    }
  }
}

const KIND_NAMES: Record<Kind, string> = {
  string: 'a string',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  'string list': 'a list of strings (["a", "b"])',
  map: 'an object of "role.column": "Header" entries',
};

function hasKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'map':
      return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
  }
}

function checkMapEntry(key: string, header: string, file: string): string {
  const m = /^(orders|tickets)\.([a-z_]+)$/.exec(key.trim());
  const columns: readonly string[] = m?.[1] === 'orders' ? ORDER_COLUMNS : TICKET_COLUMNS;
  if (!m || !columns.includes(m[2])) {
    const valid = m ? columns.map((c) => `${m[1]}.${c}`).join(', ') : 'orders.<column> or tickets.<column>';
    throw new UsageError(`${file}: "map" key "${key}" is not a column; use one of: ${valid}.`);
  }
  if (header.trim() === '') throw new UsageError(`${file}: "map.${key}" is empty; give the source header that holds ${m[2]}.`);
  return header.trim();
}

function checkFormat(role: 'orders' | 'tickets', format: string, file: string): void {
  const names = ['auto', 'canonical', ...PRESETS.filter((p) => p.role === role).map((p) => p.name)];
  oneOf(`formats.${role}`, format.trim().toLowerCase(), names, file, format);
}

function checkZone(zone: string, file: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    throw new UsageError(`${file}: "tz" is "${zone}", not an IANA time zone; use a name like "Europe/Berlin" or "America/New_York".`);
  }
}

function oneOf<T extends string>(key: string, value: string, allowed: readonly T[], file: string, shown: string = value): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw wrongValue(key, shown, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, file);
}

function matches(key: string, value: string, pattern: RegExp, example: string, file: string, parse: () => unknown = () => null): void {
  let ok = pattern.test(value.trim());
  try {
    if (ok) parse();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    ok = false;
  }
  if (!ok) throw wrongValue(key, value, `written like ${example}`, file);
}

function nonEmpty(key: string, value: string, file: string): string {
  if (value.trim() === '') throw wrongValue(key, value, 'a non-empty string', file);
  return value.trim();
}

function wrongType(key: string, expected: string, value: unknown, file: string): UsageError {
  return new UsageError(`${file}: "${key}" must be ${expected}, not ${describe(value)}.`);
}

function wrongValue(key: string, value: unknown, expected: string, file: string): UsageError {
  return new UsageError(`${file}: "${key}" is ${JSON.stringify(value)}; it must be ${expected}.`);
}

function describe(value: unknown): string {
  // JSON.parse reads 1e999 as Infinity, which JSON.stringify would show as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large to be read';
  const text = JSON.stringify(value) ?? String(value);
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  const type = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  return `${shown} (${type})`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
