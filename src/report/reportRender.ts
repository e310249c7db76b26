import type { TopLevelSpec } from 'vega-lite';
import { stableJson } from './format.js';
import { renderSvg, svgToPng, themeChart } from './render.js';
import type { ReportChart } from './reportCharts.js';
import { fitTitles } from './titleFit.js';
import type { OutputFile } from './write.js';
import { escapeHtml, plainStrings } from './escape.js';

/**
 * The report's charts drawn: each spec themed (footer placed), rendered to SVG, and with
 * `png` rasterised. The .vl.json written is the themed spec the SVG and PNG were drawn from,
 * so opening it in the Vega editor shows the same picture. This module pulls in vega,
 * vega-lite and resvg; the report command imports it lazily so `loyalty --help` stays fast.
 */
export interface RenderedChart {
  name: string;
  title: string;
  svg: string;
  width: number;
  height: number;
  /** Whatever vega or vega-lite logged: a chart that may not show what it says. */
  warnings: string[];
}

export interface RenderedCharts {
  charts: RenderedChart[];
  files: OutputFile[];
}

/**
 * Slides are drawn at their 1600×900 pixel size; default-theme charts are small, so their PNG
 * is drawn at twice the size to stay sharp on high-density screens.
 */
export function pngScale(chart: ReportChart): number {
  return chart.theme.name === 'slide' ? 1 : 2;
}

export async function renderReportCharts(charts: readonly ReportChart[], png: boolean): Promise<RenderedCharts> {
  const rendered: RenderedChart[] = [];
  const files: OutputFile[] = [];
  for (const chart of charts) {
    // Labels and titles from the data as plain text: nothing XML forbids reaches the SVG or resvg.
    const themed = fitTitles(await themeChart(plainStrings(chart.spec), plainStrings(chart.theme)));
    const drawn = await renderSvg(themed);
    const { width, height, warnings } = drawn;
    const svg = withTitleAndDesc(withFallbackFonts(stableIds(drawn.svg)), themed);
    rendered.push({ name: chart.name, title: chart.title, svg, width, height, warnings });
    files.push({ name: `${chart.name}.vl.json`, content: stableJson(themed) }, { name: `${chart.name}.svg`, content: svg });
    if (png) files.push({ name: `${chart.name}.png`, content: svgToPng(svg, pngScale(chart)).png });
  }
  return { charts: rendered, files };
}

/**
 * Vega numbers gradients and clip paths from a counter shared by every view in the process
 * (gradient_0, then gradient_1 in the next report), so the same chart drawn twice in one
 * process would differ. Each id is renumbered by its first appearance in the SVG, which
 * makes the file depend on the chart alone.
 */
export function stableIds(svg: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) {
    if (!ids.has(m[1])) ids.set(m[1], `${m[1].replace(/_?\d+$/, '')}_${ids.size}`);
  }
  if (ids.size === 0) return svg;
  const rename = (id: string) => ids.get(id) ?? id;
  return svg
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${rename(id)})`)
    .replace(/\bhref="#([^"]+)"/g, (_m, id: string) => `href="#${rename(id)}"`);
}

/**
 * Inter is laid out and rasterised from the shipped files, but a browser or viewer showing
 * the SVG (or report.html) may not have Inter installed: name common sans-serif fallbacks,
 * which are narrower, so text that fits in Inter still fits. resvg picks Inter, the first.
 */
export function withFallbackFonts(svg: string): string {
  return svg.replace(/font-family="Inter"/g, `font-family="Inter, 'Helvetica Neue', Arial, sans-serif"`);
}

/**
 * A standalone SVG names itself to screen readers by its first <title> and <desc>: the chart's
 * title and its subtitle lines, as drawn. Viewers show neither; resvg draws neither.
 */
export function withTitleAndDesc(svg: string, spec: TopLevelSpec): string {
  const title = spec.title;
  const text = typeof title === 'string' ? title : Array.isArray(title) ? title.join(' ') : title?.text;
  const main = Array.isArray(text) ? text.join(' ') : (text ?? '');
  const sub = typeof title === 'object' && title !== null && !Array.isArray(title) ? title.subtitle : undefined;
  const desc = Array.isArray(sub) ? sub.join('. ') : (sub ?? '');
  const parts = [main === '' ? '' : `<title>${escapeHtml(String(main))}</title>`, desc === '' ? '' : `<desc>${escapeHtml(String(desc))}</desc>`].join('');
  return svg.replace(/^(<svg\b[^>]*>)/, `$1${parts}`);
}
