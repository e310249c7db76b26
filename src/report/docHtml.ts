import { type Block, type ChartEntry, type Inline, isEmpty } from './doc.js';
import { escapeHtml, htmlText, plainText } from './escape.js';

/**
 * Blocks as HTML elements, one per line group, every text HTML-escaped. Heading ids are unique
 * within `usedIds` (one set per page). Links and images name files next to the document; one
 * that names a scheme or another host keeps only its text, so the page never reaches the
 * network. A charts block is drawn by `figure`.
 *
 * @example
 * htmlBlocks([paragraph(strong('Reason.'), ' <b>')], new Set(), () => '') // '<p><strong>Reason.</strong> &lt;b&gt;</p>'
 */
export function htmlBlocks(blocks: readonly Block[], usedIds: Set<string>, figure: (chart: ChartEntry) => string): string {
  return blocks.filter((b) => !isEmpty(b)).map((b) => htmlBlock(b, usedIds, figure)).join('\n');
}

function htmlBlock(block: Block, usedIds: Set<string>, figure: (chart: ChartEntry) => string): string {
  switch (block.kind) {
    case 'heading': {
      const tag = `h${block.level}`;
      return `<${tag} id="${uniqueId(headingSlug(plainInline(block.content)), usedIds)}">${htmlInline(block.content)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${htmlInline(block.content)}</p>`;
    case 'list': {
      const [open, close] = block.ordered ? ['<ol>', '</ol>'] : ['<ul>', '</ul>'];
      return [open, ...block.items.map((item) => `<li>${htmlInline(item)}</li>`), close].join('\n');
    }
    case 'table': {
      const cls = block.columns.map((c) => (c.align === 'right' ? ' class="right"' : ''));
      const row = (cells: readonly string[], tag: 'th' | 'td') => `<tr>${cells.map((c, k) => `<${tag}${cls[k] ?? ''}>${htmlText(c).trim()}</${tag}>`).join('')}</tr>`;
      const head = `<thead>${row(block.columns.map((c) => c.header), 'th')}</thead>`;
      return ['<table>', head, '<tbody>', ...block.rows.map((r) => row(r, 'td')), '</tbody>', '</table>'].join('\n');
    }
    case 'charts':
      return block.charts.map(figure).join('\n');
  }
}

export function htmlInline(content: readonly Inline[]): string {
  return content.map(htmlSpan).join('');
}

function htmlSpan(node: Inline): string {
  if (typeof node === 'string') return htmlText(node);
  switch (node.kind) {
    case 'strong':
      return `<strong>${htmlInline(node.content)}</strong>`;
    case 'emphasis':
      return `<em>${htmlInline(node.content)}</em>`;
    case 'code':
      return `<code>${htmlText(node.text)}</code>`;
    case 'link':
      return isLocal(node.href) ? `<a href="${escapeHtml(node.href)}">${htmlInline(node.content)}</a>` : htmlInline(node.content);
    case 'image':
      // The chart itself is drawn in the page's Charts section: here it is a link to its file.
      return isLocal(node.src) ? `<a href="${escapeHtml(node.src)}">${htmlText(node.alt)}</a>` : htmlText(node.alt);
  }
}

/** The text of inline content, markup dropped. */
function plainInline(content: readonly Inline[]): string {
  return content.map((n) => (typeof n === 'string' ? n : n.kind === 'code' ? n.text : n.kind === 'image' ? n.alt : plainInline(n.content))).join('');
}

/**
 * A heading's anchor: lower case, letters and digits joined by dashes. Ids already published
 * were made from the Markdown source, where * ` [ ] and an _ at a word's edge were
 * backslash-escaped: they still separate words, an _ inside a word and ( ) still vanish.
 */
export function headingSlug(text: string): string {
  return (
    plainText(text)
      .toLowerCase()
      .replace(/[`*[\]]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '-')
      .replace(/[_()]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/** `id`, or `id-2`, `id-3`, … when taken: pass the same set for every block of one page. */
function uniqueId(id: string, used: Set<string>): string {
  let unique = id;
  for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
  used.add(unique);
  return unique;
}

/** A relative link to a file next to the report (no scheme, not protocol-relative). */
function isLocal(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//');
}
