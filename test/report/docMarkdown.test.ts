import { describe, expect, it } from 'vitest';
import { type ChartEntry, code, emphasis, heading, link, list, orderedList, paragraph, strong } from '../../src/report/doc.js';
import { markdownBlocks } from '../../src/report/docMarkdown.js';
import { HOSTILE_BLOCKS } from './hostileDoc.js';

describe('markdownBlocks', () => {
  it('separates blocks by one blank line and ends with a newline', () => {
    expect(markdownBlocks([heading(2, 'Caveats'), list([['Few ', emphasis('resolved'), ' customers'], 'Partial']), paragraph('One paragraph.')])).toBe(
      '## Caveats\n\n- Few *resolved* customers\n- Partial\n\nOne paragraph.\n',
    );
  });

  it('numbers ordered lists from 1', () => {
    expect(markdownBlocks([orderedList(['first', 'second'])])).toBe('1. first\n2. second\n');
  });

  it('escapes a hostile label in a heading, a paragraph, a list and a table cell', () => {
    const text = '\\<script>x\\</script> \\| \\*a\\* \\`b\\` \\[x\\](y) next';
    expect(markdownBlocks(HOSTILE_BLOCKS)).toBe(
      [`### ${text}`, '', `**Reason.** ${text}`, '', `- ${text}`, '', '| Reason | Tickets |', '| --- | ---: |', `| ${text} | 3 |`, ''].join('\n'),
    );
  });

  it('escapes what would start a list or a heading, wherever the text stands', () => {
    expect(markdownBlocks([paragraph('- not a list'), paragraph('Reason: ', '1. first', ' and # alone')])).toBe('\\- not a list\n\n' + 'Reason: 1\\. first and \\# alone\n');
  });

  it('writes code, links and images, their text escaped for each', () => {
    const blocks = [paragraph(code('data/a`b\\.csv'), ' ', link('cohorts.svg', 'the *chart*')), paragraph({ kind: 'image', src: 'x.svg', alt: '1. a|b' })];
    expect(markdownBlocks(blocks)).toBe("`data/a'b\\.csv` [the \\*chart\\*](cohorts.svg)\n\n![1. a\\|b](x.svg)\n");
  });

  it('shows each chart as its image, subject and file links', () => {
    const chart: ChartEntry = { name: 'cohorts', subject: 'Mean <later> spend', title: 'Resolved: +6% [x]', png: true };
    expect(markdownBlocks([{ kind: 'charts', charts: [chart] }])).toBe(
      '![Resolved: +6% \\[x\\]](cohorts.svg)\n\n*Mean \\<later> spend* · [SVG](cohorts.svg) · [Vega-Lite](cohorts.vl.json) · [PNG](cohorts.png)\n',
    );
  });
});

describe('empty blocks', () => {
  it('are skipped: a list with no items or no charts adds no line', () => {
    expect(markdownBlocks([heading(2, 'Caveats'), list([]), { kind: 'charts', charts: [] }, paragraph('End.')])).toBe('## Caveats\n\nEnd.\n');
  });
});
