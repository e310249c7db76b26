import { type FontWeight, interFont, nearestWeight } from './fonts.js';

/**
 * Text widths from the Inter font files themselves: the advance width of each character's
 * glyph (cmap → hmtx), summed. Kerning is ignored (a few tenths of a percent on chart text).
 * Without this, headless vega guesses 0.8 em per character, which is ~45% too wide for Inter,
 * so labels get cut with "…" and plots get pushed aside for no reason.
 */
export interface AdvanceTable {
  unitsPerEm: number;
  /** Advance width in font units by code point; code points without a glyph use `fallback`. */
  advance: Map<number, number>;
  fallback: number;
}

export function readAdvances(ttf: Uint8Array): AdvanceTable {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(ttf[at], ttf[at + 1], ttf[at + 2], ttf[at + 3]);
    tables.set(tag, view.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`font has no ${tag} table`);
    return at;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const numberOfHMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const glyphAdvance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  const advance = new Map<number, number>();
  for (const [codePoint, glyph] of unicodeGlyphs(view, table('cmap'))) advance.set(codePoint, glyphAdvance(glyph));
  return { unitsPerEm, advance, fallback: glyphAdvance(0) };
}

/** The Unicode → glyph mapping of the format 12 (full Unicode) subtable, which Inter has. */
function unicodeGlyphs(view: DataView, cmap: number): [number, number][] {
  const subtables = view.getUint16(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const at = cmap + view.getUint32(cmap + 8 + 8 * i);
    if (platform === 3 && encoding === 10 && view.getUint16(at) === 12) {
      const groups = view.getUint32(at + 12);
      const out: [number, number][] = [];
      for (let g = 0; g < groups; g++) {
        const start = view.getUint32(at + 16 + 12 * g);
        const end = view.getUint32(at + 20 + 12 * g);
        const glyph = view.getUint32(at + 24 + 12 * g);
        for (let c = start; c <= end; c++) out.push([c, glyph + c - start]);
      }
      return out;
    }
  }
  throw new Error('font has no Unicode (3,10) format 12 cmap');
}

const tables = new Map<FontWeight, AdvanceTable>();

function advancesFor(weight: FontWeight): AdvanceTable {
  let t = tables.get(weight);
  if (t === undefined) {
    t = readAdvances(interFont(weight));
    tables.set(weight, t);
  }
  return t;
}

/** Width in pixels of `text` set in Inter at `fontSize` px and the nearest loaded weight. */
export function textWidth(text: string, fontSize: number, fontWeight?: unknown): number {
  const t = advancesFor(nearestWeight(fontWeight));
  let units = 0;
  for (const ch of text) units += t.advance.get(ch.codePointAt(0)!) ?? t.fallback;
  return (units / t.unitsPerEm) * fontSize;
}
