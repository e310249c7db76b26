import { describe, expect, it } from 'vitest';
import { escapeHtml, markdownHtml, slug } from '../../src/report/markdownHtml.js';

describe('markdownHtml', () => {
  it('turns headings, paragraphs and lists into elements', () => {
    expect(markdownHtml('## Caveats\n\n- Few *resolved* customers\n- Partial\n\nOne\nparagraph.')).toBe(
      '<h2 id="caveats">Caveats</h2>\n<ul>\n<li>Few <em>resolved</em> customers</li>\n<li>Partial</li>\n</ul>\n<p>One paragraph.</p>',
    );
  });

  it('numbers ordered lists from their first number', () => {
    expect(markdownHtml('1. first\n2. second')).toBe('<ol>\n<li>first</li>\n<li>second</li>\n</ol>');
    expect(markdownHtml('3. third')).toBe('<ol start="3">\n<li>third</li>\n</ol>');
  });

  it('writes tables with their alignment and escaped pipes', () => {
    const html = markdownHtml('| Group | Mean |\n| --- | ---: |\n| a \\| b | $1.00 |');
    expect(html).toBe(
      '<table>\n<thead><tr><th>Group</th><th class="right">Mean</th></tr></thead>\n<tbody>\n<tr><td>a | b</td><td class="right">$1.00</td></tr>\n</tbody>\n</table>',
    );
  });

  it('escapes everything, and formats nothing inside code', () => {
    expect(markdownHtml('<script>alert("x")</script> & `a*b*<c>`')).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <code>a*b*&lt;c&gt;</code></p>',
    );
    expect(markdownHtml('**Later spend.** rated × (overall − slice), order_id and first_contact_resolved')).toBe(
      '<p><strong>Later spend.</strong> rated × (overall − slice), order_id and first_contact_resolved</p>',
    );
  });

  it('links to files next to the report, never to a scheme or another host', () => {
    expect(markdownHtml('- [Chart](cohorts.svg) ([Vega-Lite](cohorts.vl.json))')).toBe(
      '<ul>\n<li><a href="cohorts.svg">Chart</a> (<a href="cohorts.vl.json">Vega-Lite</a>)</li>\n</ul>',
    );
    expect(markdownHtml('[a](https://example.com/x) [b](//cdn.example.com) [c](javascript:alert(1))')).not.toMatch(/href|https?:|javascript:/);
  });

  it('keeps heading ids unique across the blocks of one page', () => {
    const used = new Set<string>();
    expect(markdownHtml('## Satisfaction', used)).toBe('<h2 id="satisfaction">Satisfaction</h2>');
    expect(markdownHtml('### Satisfaction\n\n### Satisfaction', used)).toBe('<h3 id="satisfaction-2">Satisfaction</h3>\n<h3 id="satisfaction-3">Satisfaction</h3>');
  });

  it('escapes attribute quotes and makes heading anchors', () => {
    expect(escapeHtml('"<&>')).toBe('&quot;&lt;&amp;&gt;');
    expect(slug('Satisfaction in 2014-W17')).toBe('satisfaction-in-2014-w17');
    expect(slug('`data/orders.csv`')).toBe('data-orders-csv');
  });
});
