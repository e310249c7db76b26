import type { ChartEntry } from './doc.js';
import { htmlBlocks } from './docHtml.js';
import { htmlText } from './escape.js';
import type { ReportDocument } from './reportDocument.js';

/**
 * report.html: the same document as report.md in one self-contained file that opens from disk
 * with no network: CSS inline, every chart inlined as SVG, no script, no web font, no URL
 * other than links to the files next to it.
 */
export function reportHtml(doc: ReportDocument, svgs: ReadonlyMap<string, string>): string {
  const ids = new Set(doc.blocks.flatMap((b) => (b.kind === 'charts' ? b.charts.map((c) => `chart-${c.name}`) : [])));
  const body = htmlBlocks(doc.blocks, ids, (c) => figure(c, svgs.get(c.name)));
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${htmlText(doc.title)}</h1>`,
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function figure(chart: ChartEntry, svg: string | undefined): string {
  const links = [`<a href="${chart.name}.svg">SVG</a>`, `<a href="${chart.name}.vl.json">Vega-Lite</a>`];
  if (chart.png) links.push(`<a href="${chart.name}.png">PNG</a>`);
  const drawing = svg === undefined ? '' : `<div class="chart" role="img" aria-label="${htmlText(chart.title)}">${inlineSvg(svg, chart.name)}</div>\n`;
  return `<figure id="chart-${chart.name}">\n${drawing}<figcaption>${htmlText(chart.subject)} · ${links.join(' · ')}</figcaption>\n</figure>`;
}

/**
 * An SVG file's text made fit to sit inside HTML: the namespace declarations go (the HTML
 * parser puts <svg> in the SVG namespace by itself, and report.html then names no URL at all),
 * and ids are prefixed with the chart name so two charts' clip paths cannot collide.
 */
export function inlineSvg(svg: string, prefix: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\sxmlns(:xlink)?="http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)"/g, '')
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/\bhref="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f6f4; color: #222; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2.5rem 2rem 4rem; background: #fff; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .75rem; padding-top: 1rem; border-top: 1px solid #e3e3e0; }
h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
p, li { max-width: 48rem; }
li { margin: .2rem 0; }
code { font: .9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f1f1ee; padding: .05em .3em; border-radius: 3px; }
a { color: #0060a0; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .92rem; font-variant-numeric: tabular-nums; display: block; overflow-x: auto; }
th, td { padding: .35rem .7rem; border-bottom: 1px solid #e3e3e0; text-align: left; white-space: nowrap; }
thead th { border-bottom: 2px solid #222; font-weight: 600; }
tbody tr:nth-child(even) { background: #fafaf8; }
.right { text-align: right; }
.center { text-align: center; }
figure { margin: 1.5rem 0 2rem; }
.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { color: #555; font-size: .9rem; margin-top: .4rem; }
@media print { body { background: #fff; } main { padding: 0; } figure { break-inside: avoid; } }
`.trim();
