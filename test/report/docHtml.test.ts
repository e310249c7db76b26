import { describe, expect, it } from 'vitest';
import { type ChartEntry, code, emphasis, heading, link, list, orderedList, paragraph, strong } from '../../src/report/doc.js';
import { headingSlug, htmlBlocks } from '../../src/report/docHtml.js';
import { HOSTILE_BLOCKS } from './hostileDoc.js';

const html = (...blocks: Parameters<typeof htmlBlocks>[0]) => htmlBlocks(blocks, new Set(), (c) => `<figure id="chart-${c.name}"></figure>`);

describe('htmlBlocks', () => {
  it('writes headings, paragraphs and lists as elements', () => {
    expect(html(heading(2, 'Caveats'), list([['Few ', emphasis('resolved'), ' customers'], 'Partial']), paragraph(strong('Later spend.'), ' rated × (overall − slice), order_id'))).toBe(
      '<h2 id="caveats">Caveats</h2>\n<ul>\n<li>Few <em>resolved</em> customers</li>\n<li>Partial</li>\n</ul>\n<p><strong>Later spend.</strong> rated × (overall − slice), order_id</p>',
    );
    expect(html(orderedList(['first', 'second']))).toBe('<ol>\n<li>first</li>\n<li>second</li>\n</ol>');
  });

  it('escapes a hostile label in a heading, a paragraph, a list and a table cell', () => {
    const text = '&lt;script&gt;x&lt;/script&gt; | *a* `b` [x](y) next';
    expect(html(...HOSTILE_BLOCKS)).toBe(
      [
        `<h3 id="script-x-script-a-b-x-y-next">${text}</h3>`,
        `<p><strong>Reason.</strong> ${text}</p>`,
        '<ul>',
        `<li>${text}</li>`,
        '</ul>',
        '<table>',
        '<thead><tr><th>Reason</th><th class="right">Tickets</th></tr></thead>',
        '<tbody>',
        `<tr><td>${text}</td><td class="right">3</td></tr>`,
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  it('escapes code and attribute quotes, and links only to files next to the page', () => {
    expect(html(paragraph(code('a*b*<c>"'), ' ', link('cohorts.svg', 'SVG'), ' ', link('https://example.com/x', 'away'), ' ', link('javascript:alert(1)', 'js')))).toBe(
      '<p><code>a*b*&lt;c&gt;&quot;</code> <a href="cohorts.svg">SVG</a> away js</p>',
    );
  });

  it('links an image to its file, its alt text as the link text', () => {
    expect(html(paragraph({ kind: 'image', src: 'drivers-forest.svg', alt: 'Hour 14: −18 <points>' }))).toBe('<p><a href="drivers-forest.svg">Hour 14: −18 &lt;points&gt;</a></p>');
  });

  it('draws a charts block with the figure it is given', () => {
    const chart: ChartEntry = { name: 'cohorts', subject: 's', title: 't', png: false };
    expect(html({ kind: 'charts', charts: [chart, { ...chart, name: 'repurchase' }] })).toBe('<figure id="chart-cohorts"></figure>\n<figure id="chart-repurchase"></figure>');
  });

  it('keeps heading ids unique across one page', () => {
    const used = new Set(['chart-cohorts']);
    expect(htmlBlocks([heading(2, 'Satisfaction'), heading(3, 'Satisfaction'), heading(3, 'Satisfaction')], used, () => '')).toBe(
      '<h2 id="satisfaction">Satisfaction</h2>\n<h3 id="satisfaction-2">Satisfaction</h3>\n<h3 id="satisfaction-3">Satisfaction</h3>',
    );
  });

  it('makes heading anchors as from the escaped Markdown source', () => {
    expect(headingSlug('Satisfaction in 2014-W17')).toBe('satisfaction-in-2014-w17');
    expect(headingSlug('data/orders.csv')).toBe('data-orders-csv');
    expect(headingSlug('a*b order_id _x (y)')).toBe('a-b-orderid-x-y');
    expect(headingSlug('***')).toBe('section');
  });
});

describe('empty blocks', () => {
  it('are skipped: a list with no items or no charts adds no element', () => {
    expect(html(heading(2, 'Caveats'), list([]), { kind: 'charts', charts: [] }, paragraph('End.'))).toBe('<h2 id="caveats">Caveats</h2>\n<p>End.</p>');
  });
});
