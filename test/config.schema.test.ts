import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseConfig, SHAPE } from '../src/config.js';

/**
 * loyalty.schema.json, the schema editors check loyalty.config.json against, held to what
 * src/config.ts accepts: the same keys at every level, and every file the parser rejects is
 * rejected by the schema too, over the cases below.
 */
const schema = JSON.parse(readFileSync('loyalty.schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const parserAccepts = (config: unknown) => {
  try {
    parseConfig(JSON.stringify(config), 'loyalty.config.json');
    return true;
  } catch {
    return false;
  }
};

type Node = { properties?: Record<string, Node> };
function keysOf(shape: Record<string, unknown>, node: Node, prefix = ''): [string[], string[]] {
  const parser: string[] = [];
  const schemaKeys = Object.keys(node.properties ?? {}).map((k) => prefix + k);
  for (const [key, kind] of Object.entries(shape)) {
    parser.push(prefix + key);
    if (typeof kind === 'object') {
      const [p, s] = keysOf(kind as Record<string, unknown>, node.properties?.[key] ?? {}, `${prefix}${key}.`);
      parser.push(...p);
      schemaKeys.push(...s);
    }
  }
  return [parser, schemaKeys];
}

/** Files both accept: the README's example and each value in its other accepted forms. */
const VALID: [string, unknown][] = [
  [
    'the documented example',
    {
      $schema: './node_modules/loyalty/loyalty.schema.json',
      map: { 'orders.customer_id': 'Email', 'tickets.created_at': 'Opened' },
      formats: { orders: 'shopify', tickets: 'zendesk' },
      tz: 'Europe/Berlin',
      dateFormat: 'DMY',
      decimal: ',',
      currency: 'EUR',
      strict: true,
      windows: { cohort: '2014-01', follow: '3m', grace: '14d' },
      slices: { by: ['hour', 'reason'], minRated: 30 },
      report: { failOn: ['csat-drop>5pt', 'skipped-rows>1%'] },
      seed: 42,
    },
  ],
  ['an empty file', {}],
  ['formats in any case, with spaces', { formats: { orders: ' Shopify ', tickets: 'HELPSCOUT' } }],
  ['the canonical and auto formats', { formats: { orders: 'canonical', tickets: 'auto' } }],
  ['a lower-case date format', { dateFormat: 'mdy' }],
  ['a cohort range', { windows: { cohort: '2014-01-01..2014-03-31' } }],
  ['every ticket column mapped', { map: { 'tickets.first_contact_resolved': 'FCR', 'tickets.wait_seconds': 'Wait' } }],
  ['spans in weeks and days, no grace', { windows: { follow: '12w', grace: '0d' } }],
  ['seed 0', { seed: 0 }],
];

/** Files the parser rejects, each for one reason. */
const INVALID: [string, unknown][] = [
  ['an unknown top-level key', { sead: 1 }],
  ['an unknown nested key', { windows: { folow: '3m' } }],
  ['a list where an object goes', { windows: ['3m'] }],
  ['a number for a string', { tz: 3 }],
  ['an empty time zone', { tz: '' }],
  ['a string for a boolean', { strict: 'yes' }],
  ['a fraction for an integer', { seed: 1.5 }],
  ['a negative seed', { seed: -1 }],
  ['minRated 0', { slices: { minRated: 0 } }],
  ['an unknown slice dimension', { slices: { by: ['hour', 'moon'] } }],
  ['by as a string', { slices: { by: 'hour' } }],
  ['an unknown order format', { formats: { orders: 'magento' } }],
  ['a ticket preset for orders', { formats: { orders: 'zendesk' } }],
  ['an unknown date format', { dateFormat: 'YMD' }],
  ['a decimal that is not . or ,', { decimal: ';' }],
  ['an empty currency', { currency: '  ' }],
  ['a map key that is not a column', { map: { 'orders.email': 'Email' } }],
  ['a map key with no role', { map: { customer_id: 'Email' } }],
  ['an empty header in map', { map: { 'orders.customer_id': ' ' } }],
  ['a number as a header', { map: { 'orders.customer_id': 3 } }],
  ['month 13', { windows: { cohort: '2014-13' } }],
  ['a cohort that is not a month or range', { windows: { cohort: 'January' } }],
  ['follow 0m', { windows: { follow: '0m' } }],
  ['follow in years', { windows: { follow: '1y' } }],
  ['grace with no unit', { windows: { grace: '14' } }],
  ['an empty gate', { report: { failOn: [''] } }],
  ['a gate list of numbers', { report: { failOn: [5] } }],
];

describe('loyalty.schema.json', () => {
  it('is a valid draft-07 schema', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('has exactly the keys the parser accepts, at every level', () => {
    const [parser, schemaKeys] = keysOf(SHAPE, schema);
    expect(schemaKeys.sort()).toEqual(parser.sort());
  });

  it.each(VALID)('accepts what the parser accepts: %s', (_name, config) => {
    expect(parserAccepts(config)).toBe(true);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(INVALID)('rejects what the parser rejects: %s', (_name, config) => {
    expect(parserAccepts(config)).toBe(false);
    expect(validate(config)).toBe(false);
  });

  it('is shipped with the package', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('loyalty.schema.json');
  });
});
