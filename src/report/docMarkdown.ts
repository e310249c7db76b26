import { type Block, chartReference, type Inline, isEmpty } from './doc.js';
import { markdownCell, markdownText, plainText } from './escape.js';
import { markdownTable } from './table.js';

/**
 * Blocks as GitHub-flavoured Markdown, one blank line between blocks, ending in a newline.
 * Text is escaped with markdownText (so no text starts a list or a heading, even mid-line),
 * table cells and alt text with markdownCell.
 *
 * @example
 * markdownBlocks([heading(2, 'By ', 'a|b')]) // '## By a\\|b\n'
 */
export function markdownBlocks(blocks: readonly Block[]): string {
  return blocks.filter((b) => !isEmpty(b)).map(markdownBlock).join('\n\n') + '\n';
}

function markdownBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${markdownInline(block.content)}`;
    case 'paragraph':
      return markdownInline(block.content);
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${markdownInline(item)}`).join('\n');
    case 'table':
      return markdownTable(block.columns, block.rows);
    case 'charts':
      return block.charts.flatMap(chartReference).map(markdownBlock).join('\n\n');
  }
}

export function markdownInline(content: readonly Inline[]): string {
  return content.map(markdownSpan).join('');
}

function markdownSpan(node: Inline): string {
  if (typeof node === 'string') return markdownText(node);
  switch (node.kind) {
    case 'strong':
      return `**${markdownInline(node.content)}**`;
    case 'emphasis':
      return `*${markdownInline(node.content)}*`;
    case 'code':
      // A code span shows backslashes as they are; a backtick would end it.
      return '`' + plainText(node.text).replace(/`/g, "'") + '`';
    case 'link':
      return `[${markdownInline(node.content)}](${node.href})`;
    case 'image':
      return `![${markdownCell(node.alt)}](${node.src})`;
  }
}
