import type { TableColumn } from './table.js';

/**
 * The report as a document: typed blocks and inline runs, rendered to Markdown by
 * docMarkdown.ts and to HTML by docHtml.ts. Nothing in here is escaped: a string is text
 * (from the data or our own), and each renderer escapes it for its target. Markup is a node,
 * never characters in a string, so no renderer has to parse another's output.
 *
 * @example
 * const blocks: Block[] = [heading(2, 'Caveats'), list([['Few ', emphasis('resolved'), ' customers']])];
 * // Markdown: '## Caveats\n\n- Few *resolved* customers\n'
 * // HTML:     '<h2 id="caveats">Caveats</h2>\n<ul>\n<li>Few <em>resolved</em> customers</li>\n</ul>'
 */

/** A run of inline content. A string is plain text. */
export type Inline =
  | string
  | { kind: 'strong'; content: Inline[] }
  | { kind: 'emphasis'; content: Inline[] }
  | { kind: 'code'; text: string }
  /** A link to a file next to the document (the report links nowhere else). */
  | { kind: 'link'; href: string; content: Inline[] }
  /** An image of a file next to the document, with its alt text. */
  | { kind: 'image'; src: string; alt: string };

export type Block =
  | { kind: 'heading'; level: number; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  /** Every cell is text. */
  | { kind: 'table'; columns: TableColumn[]; rows: string[][] }
  /** The report's charts, each drawn where the target can (HTML inlines the SVG). */
  | { kind: 'charts'; charts: ChartEntry[] };

export interface ChartEntry {
  name: string;
  subject: string;
  title: string;
  png: boolean;
}

export function heading(level: number, ...content: Inline[]): Block {
  return { kind: 'heading', level, content };
}

export function paragraph(...content: Inline[]): Block {
  return { kind: 'paragraph', content };
}

/** A bullet list; each item is one line of inline content (a bare string for plain text). */
export function list(items: (Inline | Inline[])[]): Block {
  return { kind: 'list', ordered: false, items: items.map(runOf) };
}

export function orderedList(items: (Inline | Inline[])[]): Block {
  return { kind: 'list', ordered: true, items: items.map(runOf) };
}

export function table(columns: TableColumn[], rows: string[][]): Block {
  return { kind: 'table', columns, rows };
}

export function strong(...content: Inline[]): Inline {
  return { kind: 'strong', content };
}

export function emphasis(...content: Inline[]): Inline {
  return { kind: 'emphasis', content };
}

export function code(text: string): Inline {
  return { kind: 'code', text };
}

export function link(href: string, ...content: Inline[]): Inline {
  return { kind: 'link', href, content };
}

/**
 * How a chart is shown where it cannot be drawn inline: its image (the finding as alt text),
 * then its subject and links to the SVG, the Vega-Lite spec and the PNG.
 */
export function chartReference(c: ChartEntry): Block[] {
  const files: Inline[] = [' · ', link(`${c.name}.svg`, 'SVG'), ' · ', link(`${c.name}.vl.json`, 'Vega-Lite')];
  if (c.png) files.push(' · ', link(`${c.name}.png`, 'PNG'));
  return [paragraph({ kind: 'image', src: `${c.name}.svg`, alt: c.title }), paragraph(emphasis(c.subject), ...files)];
}

/** A block with nothing to show (a list with no items, a charts block with no chart): renderers skip it. */
export function isEmpty(block: Block): boolean {
  return block.kind === 'list' ? block.items.length === 0 : block.kind === 'charts' ? block.charts.length === 0 : false;
}

function runOf(item: Inline | Inline[]): Inline[] {
  return Array.isArray(item) ? item : [item];
}
