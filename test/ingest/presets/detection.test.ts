import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../../src/ingest/presets/index.js';
import { headerKey, indexHeaders } from '../../../src/ingest/headers.js';
import { resolveFormat } from '../../../src/ingest/mapping.js';
import { samplePath } from './samples.js';

const SAMPLES = [
  ['shopify-orders', 'orders', 'shopify'],
  ['woocommerce-orders', 'orders', 'woocommerce'],
  ['stripe-orders', 'orders', 'stripe'],
  ['zendesk-tickets', 'tickets', 'zendesk'],
  ['freshdesk-tickets', 'tickets', 'freshdesk'],
  ['gorgias-tickets', 'tickets', 'gorgias'],
  ['helpscout-tickets', 'tickets', 'helpscout'],
] as const;

function headerRow(name: string): string[] {
  const text = readFileSync(samplePath(name), 'utf8').replace(/^\uFEFF/, '');
  const first = text.split(/\r?\n/)[0];
  const delimiter = first.includes('\t') ? '\t' : first.includes(';') ? ';' : ',';
  return first.split(delimiter).map((h) => h.replace(/^"|"$/g, ''));
}

describe('auto-detection', () => {
  test.each(SAMPLES)('%s is detected as %s/%s and matches no other preset', (sample, role, preset) => {
    const index = indexHeaders(headerRow(sample));
    const matching = PRESETS.filter((p) => p.signature.every((h) => index.positions.has(headerKey(h)))).map((p) => p.name);
    expect(matching).toEqual([preset]);
    expect(resolveFormat(role, 'auto', index, PRESETS)?.name).toBe(preset);
  });

  test('a canonical header row picks no preset', () => {
    expect(resolveFormat('orders', 'auto', indexHeaders(['customer_id', 'order_date', 'amount', 'order_id', 'status']), PRESETS)).toBeNull();
    expect(resolveFormat('tickets', 'auto', indexHeaders(['customer_id', 'created_at', 'status', 'satisfaction']), PRESETS)).toBeNull();
  });

  test('a renamed column breaks detection, and naming the format still maps the rest', () => {
    const headers = headerRow('shopify-orders').map((h) => (h === 'Lineitem quantity' ? 'Qty' : h));
    const index = indexHeaders(headers);
    expect(resolveFormat('orders', 'auto', index, PRESETS)).toBeNull();
    expect(resolveFormat('orders', 'Shopify', index, PRESETS)?.name).toBe('shopify');
  });

  test('preset names are unique, lower-case words in a fixed order', () => {
    const names = PRESETS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of PRESETS) expect(p.name).toMatch(/^[a-z]+$/);
    expect(names).toEqual(['shopify', 'woocommerce', 'stripe', 'zendesk', 'freshdesk', 'gorgias', 'helpscout']);
  });
});
