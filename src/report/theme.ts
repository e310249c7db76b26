/**
 * How a report's charts look: the default theme for reading on screen (each chart keeps its
 * own natural size) and the slide theme for client decks (a 1600×900 canvas, large type,
 * an action title, the sample in the subtitle and the source in a footer).
 *
 * Chart builders take a ChartTheme for size, type size and title lines; `applyTheme` then
 * adds what every chart of a theme shares: font, white background, title sizes and footer.
 */
export type ThemeName = 'default' | 'slide';
export const THEME_NAMES: readonly ThemeName[] = ['default', 'slide'];

export interface ChartTheme {
  name: ThemeName;
  /** Whole canvas, padding included; undefined = the chart's own size. */
  width?: number;
  height?: number;
  /** Base type size: axis labels and titles, legends, subtitle. */
  fontSize: number;
  titleFontSize: number;
  /** The only family the PNG renderer has (see fonts.ts), so SVG and PNG agree. */
  font: 'Inter';
  /** Action title and subtitle replacing the chart's own. */
  title?: string;
  subtitle?: string;
  /** Source line under the chart. */
  footer?: string;
}

export const DEFAULT_THEME: ChartTheme = { name: 'default', fontSize: 11, titleFontSize: 16, font: 'Inter' };

/** 16:9 at a size that stays sharp on a projector; type readable from the back of a room. */
export const SLIDE_THEME: ChartTheme = { name: 'slide', width: 1600, height: 900, fontSize: 22, titleFontSize: 40, font: 'Inter' };

export function themeNamed(name: ThemeName): ChartTheme {
  return name === 'slide' ? SLIDE_THEME : DEFAULT_THEME;
}

/** A theme carrying one chart's title lines (undefined keeps the theme's, or the chart's own). */
export function withTitles(theme: ChartTheme, titles: { title?: string; subtitle?: string; footer?: string }): ChartTheme {
  const out: ChartTheme = { ...theme };
  if (titles.title !== undefined) out.title = titles.title;
  if (titles.subtitle !== undefined) out.subtitle = titles.subtitle;
  if (titles.footer !== undefined) out.footer = titles.footer;
  return out;
}

export const INK = '#222222';
export const MUTED = '#555555';

/** Gap in pixels between the lowest chart element (axis title, legend) and the footer. */
export function footerGap(theme: ChartTheme): number {
  return Math.round(theme.fontSize * 0.9);
}

type Spec = Record<string, unknown>;

/**
 * The theme applied to a Vega-Lite spec: font everywhere, white background, title and
 * subtitle sizes, and the footer (when the theme has one) as a text layer placed `footerOffset`
 * pixels below the plot area. The offset depends on what sits under the plot (axis labels,
 * axis title, a bottom legend); render.ts measures it and calls this again (see placeFooter).
 * Returns a new spec; the input is not changed.
 */
export function applyTheme<T extends object>(input: T, theme: ChartTheme, footerOffset = theme.fontSize * 3): T {
  const spec = input as Spec;
  const config = (spec.config ?? {}) as Record<string, unknown>;
  const title = titleObject(spec.title);
  const themed: Spec = {
    ...spec,
    title: {
      ...title,
      ...(theme.title !== undefined ? { text: theme.title } : {}),
      ...(theme.subtitle !== undefined ? { subtitle: theme.subtitle } : {}),
      anchor: 'start',
      fontSize: theme.titleFontSize,
      fontWeight: 700,
      color: INK,
      subtitleFontSize: theme.fontSize,
      subtitleColor: MUTED,
      subtitlePadding: Math.round(theme.fontSize * 0.4),
      offset: Math.round(theme.fontSize * 0.8),
    },
    config: {
      ...config,
      font: theme.font,
      background: '#ffffff',
      title: { ...((config.title as object) ?? {}), font: theme.font },
      axis: { labelFontSize: theme.fontSize, titleFontSize: theme.fontSize, labelColor: INK, titleColor: INK, titleFontWeight: 600, ...((config.axis as object) ?? {}) },
      legend: { labelFontSize: theme.fontSize, titleFontSize: theme.fontSize, labelColor: INK, titleColor: INK, ...((config.legend as object) ?? {}) },
    },
  };
  if (theme.width !== undefined) themed.width = theme.width;
  if (theme.height !== undefined) themed.height = theme.height;
  if (theme.width !== undefined || theme.height !== undefined) {
    themed.autosize = { type: 'fit', contains: 'padding' };
    themed.padding = Math.round(theme.fontSize * 1.2);
  }
  return (theme.footer ? withFooter(themed, theme, footerOffset) : themed) as T;
}

function titleObject(title: unknown): Record<string, unknown> {
  if (title === undefined || title === null) return {};
  if (typeof title === 'string' || Array.isArray(title)) return { text: title };
  return { ...(title as Record<string, unknown>) };
}

/**
 * Adds the footer as one more layer. A unit spec becomes a one-layer spec, and encodings a
 * layered spec shares at the top move into its layers, so the footer layer inherits nothing.
 */
function withFooter(spec: Spec, theme: ChartTheme, offset: number): Spec {
  const footer = {
    data: { values: [{}] },
    mark: {
      type: 'text',
      text: theme.footer,
      x: 0,
      y: { expr: `height + ${Math.round(offset)}` },
      align: 'left',
      baseline: 'top',
      fontSize: Math.round(theme.fontSize * 0.75),
      color: MUTED,
    },
  };
  const { mark, encoding, layer, params, transform, ...rest } = spec;
  if (Array.isArray(layer)) {
    const layers = encoding === undefined ? layer : layer.map((l: Spec) => ({ ...l, encoding: { ...(encoding as object), ...((l.encoding as object) ?? {}) } }));
    return { ...rest, ...(transform !== undefined ? { transform } : {}), ...(params !== undefined ? { params } : {}), layer: [...layers, footer] };
  }
  if (mark !== undefined) {
    const unit: Spec = { mark, ...(encoding !== undefined ? { encoding } : {}), ...(params !== undefined ? { params } : {}) };
    return { ...rest, ...(transform !== undefined ? { transform } : {}), layer: [unit, footer] };
  }
  // Concatenated or faceted specs cannot carry a footer layer: leave the spec as it is.
  return spec;
}
