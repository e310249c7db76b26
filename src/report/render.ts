import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY, interFontFiles } from './fonts.js';
import { textWidth } from './fontMetrics.js';
import { type ChartTheme, applyTheme, footerGap } from './theme.js';

/**
 * Charts from Vega-Lite spec to SVG and PNG, in process: Vega-Lite compiles to Vega, vega's
 * headless View renders SVG, resvg rasterises the SVG with the Inter files from fonts.ts.
 * No browser, no network, no system fonts: the same spec gives the same bytes everywhere.
 *
 * Stages: themeChart (spec + theme → themed spec, footer placed) → renderSvg → svgToPng.
 */

// Headless vega has no canvas to measure text and guesses 0.8 em a character; measure with
// Inter's own advance widths instead, so label limits, legends and margins fit the real text.
// Clamped at the item's limit: vega's truncation asks for widths of prefixes and expects the
// raw width, and anything at or over the limit is cut by vega either way.
(vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics.width = (item, text) => {
  const line = text === undefined || text === null ? '' : String(text).trim();
  const width = textWidth(line, item.fontSize !== undefined && item.fontSize !== null ? Number(item.fontSize) || 0 : 11, item.fontWeight);
  const limit = Number(item.limit);
  return limit > 0 ? Math.min(width, limit) : width;
};

interface TextItem {
  fontSize?: number | string | null;
  fontWeight?: unknown;
  limit?: number | string;
}

/** Something vega or vega-lite logged while compiling or rendering: a chart that is not what it says. */
export interface RenderResult {
  svg: string;
  width: number;
  height: number;
  warnings: string[];
}

class CollectingLogger {
  readonly messages: string[] = [];
  private lvl = 2;
  level(): number;
  level(_: number): this;
  level(_?: number): number | this {
    if (_ === undefined) return this.lvl;
    this.lvl = _;
    return this;
  }
  // Arrow functions: vega also calls these detached from the logger (an error raised while a
  // dataflow runs), and `this` must still be the logger, or the process dies on a TypeError.
  error = (...args: readonly unknown[]): this => {
    this.messages.push(`error: ${args.map(String).join(' ')}`);
    return this;
  };
  warn = (...args: readonly unknown[]): this => {
    this.messages.push(args.map(String).join(' '));
    return this;
  };
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

/** A running headless view of a Vega-Lite spec, and everything logged on the way. */
async function runView(spec: TopLevelSpec): Promise<{ view: vega.View; logger: CollectingLogger }> {
  const logger = new CollectingLogger();
  const compiled = compile(spec, { logger: logger as never });
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none', logger: logger as never });
  await view.runAsync();
  return { view, logger };
}

/** Vega-Lite → Vega → SVG. Warnings are returned, not thrown, so the caller decides. */
export async function renderSvg(spec: TopLevelSpec): Promise<RenderResult> {
  const { view, logger } = await runView(spec);
  const svg = await view.toSVG();
  const size = /^<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
  view.finalize();
  return { svg, width: size ? Number(size[1]) : 0, height: size ? Number(size[2]) : 0, warnings: [...logger.messages] };
}

/**
 * The spec as the theme draws it, footer included. The footer goes under the lowest element
 * below the plot (axis labels, axis title, a bottom legend), which depends on the chart, so
 * it is measured: render once without the footer, read how far the drawing extends below
 * the plot area, and place the footer that far down plus a gap.
 */
export async function themeChart(spec: TopLevelSpec, theme: ChartTheme): Promise<TopLevelSpec> {
  const plain = applyTheme(spec, { ...theme, footer: undefined });
  if (!theme.footer) return plain;
  const { view } = await runView(plain);
  const below = extentBelowPlot(view);
  view.finalize();
  return applyTheme(spec, theme, below + footerGap(theme));
}

/** Pixels from the bottom of the plot area to the bottom of everything drawn. */
function extentBelowPlot(view: vega.View): number {
  const root = (view.scenegraph() as unknown as { root: { items: { y: number; bounds: { y2: number } }[] } }).root;
  const group = root.items[0];
  const plotHeight = Number(view.signal('height')) || 0;
  return Math.max(0, Math.ceil(group.bounds.y2 - group.y - plotHeight));
}

export interface PngResult {
  png: Uint8Array;
  width: number;
  height: number;
  /** RGBA, for checks (blank images) without a PNG decoder. */
  pixels: Uint8Array;
}

/**
 * SVG → PNG with resvg, given only the Inter files (system fonts are never loaded, so a
 * machine with other fonts installed draws the same pixels). `scale` 2 doubles the pixel
 * size for sharp images on high-density screens.
 */
export function svgToPng(svg: string, scale = 1): PngResult {
  const resvg = new Resvg(svg, {
    fitTo: scale === 1 ? { mode: 'original' } : { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: interFontFiles(),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
      serifFamily: FONT_FAMILY,
      monospaceFamily: FONT_FAMILY,
    },
    logLevel: 'off',
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}
