import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode.js';
import { inPieces, utf16be, utf16le } from './ingestTestUtil.js';

async function text(source: AsyncIterable<Uint8Array> | string): Promise<{ text: string; encoding: string }> {
  const decoded = decodeText(source, 'f.csv');
  let out = '';
  for await (const chunk of decoded.chunks) out += chunk;
  return { text: out, encoding: decoded.encoding };
}

describe('decodeText', () => {
  const sample = 'customer_id,note\nzoë,€5 ☕\n';

  it('decodes UTF-8 split inside multi-byte characters', async () => {
    expect(await text(inPieces(Buffer.from(sample), 1))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('drops a UTF-8 BOM, from bytes or text', async () => {
    expect(await text(inPieces(Buffer.from(`\uFEFF${sample}`), 2))).toEqual({ text: sample, encoding: 'utf-8' });
    expect((await text(`\uFEFF${sample}`)).text).toBe(sample);
  });

  it('decodes UTF-16 LE and BE with a BOM', async () => {
    expect(await text(inPieces(utf16le(sample), 3))).toEqual({ text: sample, encoding: 'utf-16le' });
    expect(await text(inPieces(utf16be(sample), 5))).toEqual({ text: sample, encoding: 'utf-16be' });
  });

  it('rejects NUL bytes (binary, or UTF-16 without a BOM)', async () => {
    await expect(text(inPieces(utf16le(sample, false), 64))).rejects.toThrow(
      'f.csv contains NUL bytes, so it is not a text CSV (a binary file, or UTF-16 saved without a byte-order mark); export it again as CSV (UTF-8).',
    );
  });

  it('rejects bytes that are not UTF-8', async () => {
    await expect(text(inPieces(Uint8Array.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xc3, 0x28]), 64))).rejects.toThrow(
      'f.csv is not UTF-8 text (invalid bytes within the first 7 bytes); it may be a binary file or use another encoding: save it again as "CSV UTF-8".',
    );
  });

  it('handles an empty source and a one-byte file', async () => {
    expect((await text(inPieces(new Uint8Array(0), 4))).text).toBe('');
    expect((await text(inPieces(Buffer.from('a'), 4))).text).toBe('a');
  });
});
