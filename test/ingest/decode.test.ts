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
      'f.csv is not UTF-8 text: line 2, byte offset 4 (0xFF) is not valid UTF-8; it may be a binary file or use another encoding (Latin-1, Windows-1252): save it again as "CSV UTF-8".',
    );
  });

  it('names the line and byte offset of the first bad byte, wherever the chunks are cut', async () => {
    // 3,000 lines of "é,ok" (é is two bytes), then a Latin-1 é (0xE9) on line 3,001.
    const good = Buffer.from('\u00e9,ok\n'.repeat(3000));
    const bytes = Buffer.concat([good, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]);
    const offset = good.length + 3; // the 0xE9: independently, its index in the bytes
    expect(bytes.indexOf(0xe9)).toBe(offset);
    for (const piece of [1, 2, 3, 7, 4096, 1 << 20]) {
      await expect(text(inPieces(bytes, piece))).rejects.toThrow(`f.csv is not UTF-8 text: line 3001, byte offset ${offset} (0xE9) is not valid UTF-8`);
    }
    // An overlong form and a cut-off character at the very end are named too.
    await expect(text(inPieces(Uint8Array.from([0x61, 0x0a, 0xc0, 0xaf]), 64))).rejects.toThrow('line 2, byte offset 2 (0xC0)');
    await expect(text(inPieces(Uint8Array.from([0x61, 0x0a, 0x62, 0xe2, 0x82]), 2))).rejects.toThrow('line 2, byte offset 3 (0xE2)');
  });

  it('handles an empty source and a one-byte file', async () => {
    expect((await text(inPieces(new Uint8Array(0), 4))).text).toBe('');
    expect((await text(inPieces(Buffer.from('a'), 4))).text).toBe('a');
  });
});
