import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The fonts every chart is drawn with. Inter ships inside the npm package
 * @expo-google-fonts/inter (SIL Open Font License), so a fresh install has the exact same
 * glyphs on every machine: the PNG renderer is given only these files (no system fonts) and
 * vega measures text with their advance widths (fontMetrics.ts), so layout and pixels do not
 * depend on what happens to be installed.
 */
export const FONT_FAMILY = 'Inter';

/** The weights charts use: regular text, semibold axis titles, bold titles. */
export const FONT_WEIGHTS = [400, 600, 700] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

const FILES: Record<FontWeight, string> = {
  400: '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  600: '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  700: '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
};

const require = createRequire(import.meta.url);

/** Absolute paths of the Inter TTF files, regular first. */
export function interFontFiles(): string[] {
  return FONT_WEIGHTS.map((w) => require.resolve(FILES[w]));
}

const cache = new Map<FontWeight, Buffer>();

/** The TTF bytes of one weight (read once per process). */
export function interFont(weight: FontWeight): Buffer {
  let bytes = cache.get(weight);
  if (bytes === undefined) {
    bytes = readFileSync(require.resolve(FILES[weight]));
    cache.set(weight, bytes);
  }
  return bytes;
}

/** The loaded weight closest to a CSS font-weight (number or keyword). */
export function nearestWeight(weight: unknown): FontWeight {
  const w = weight === 'bold' || weight === 'bolder' ? 700 : weight === undefined || weight === null || weight === 'normal' || weight === 'lighter' ? 400 : Number(weight);
  if (!Number.isFinite(w) || w < 500) return 400;
  return w < 650 ? 600 : 700;
}
