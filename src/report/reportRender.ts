import { stableJson } from './format.js';
import { renderSvg, svgToPng, themeChart } from './render.js';
import type { ReportChart } from './reportCharts.js';
import type { OutputFile } from './write.js';

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
    const themed = await themeChart(chart.spec, chart.theme);
    const { svg, width, height, warnings } = await renderSvg(themed);
    rendered.push({ name: chart.name, title: chart.title, svg, width, height, warnings });
    files.push({ name: `${chart.name}.vl.json`, content: stableJson(themed) }, { name: `${chart.name}.svg`, content: svg });
    if (png) files.push({ name: `${chart.name}.png`, content: svgToPng(svg, pngScale(chart)).png });
  }
  return { charts: rendered, files };
}
