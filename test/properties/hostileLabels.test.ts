import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, markdownCell, markdownText, plainStrings, plainText, screenText } from '../../src/report/escape.js';
import { stableJson } from '../../src/report/format.js';
import { list, paragraph, strong, table } from '../../src/report/doc.js';
import { htmlBlocks } from '../../src/report/docHtml.js';
import { markdownBlocks } from '../../src/report/docMarkdown.js';
import { renderSvg } from '../../src/report/render.js';
import { markdownTable, renderTable, type TableColumn } from '../../src/report/table.js';
import { assertWellFormedXml, pipes, TERMINAL_CONTROL } from '../e2e/output/wellFormed.js';

/**
 * Generated hostile labels: any UTF-16 (lone surrogates, C0/C1, DEL, bidi controls) mixed with
 * the fragments attacks are made of (ANSI CSI and OSC sequences, HTML, Markdown links and
 * images, pipes, backslashes, line breaks, entities, Object.prototype names). Whatever the
 * label: the terminal gets no control character, a Markdown table row keeps its columns, the
 * HTML rendering of the same nodes shows it as its plain text, an SVG stays XML, JSON parses
 * and its numbers round-trip.
 */
const FRAGMENTS = [
  '\x1b[2J', '\x1b]8;;http://evil.example/\x07', '\x1b]8;;\x1b\\', '\x9b31m', '\x1bc', '\x07', '\x00', '\x7f', '\u202e', '\u2066',
  '<script>', '</script>', '<img src=x onerror=alert(1)>', '![i](http://e.example/p.png)', '[x](javascript:alert(1))', '<http://e.example>',
  'www.e.example', '|', '\\', '\\|', '`', '**', '_', '~~', '#', '# ', '1. ', '- ', '> ', '&amp;', '&#60;', '\n', '\r\n', '\r', '\t',
  '__proto__', 'constructor', '\ud800', '\udc00', '😀', 'é', 'e\u0301', ' ',
];
const label = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 6 })), { maxLength: 8 })
  .map((parts) => parts.join(''));
const labels = fc.array(label, { minLength: 1, maxLength: 6 });

describe('hostile labels, generated', () => {
  it('terminal: a table of them holds no control character and one line per row; so does any page through the gate', () => {
    fc.assert(
      fc.property(labels, (keys) => {
        const table = renderTable([{ header: 'Reason' }, { header: 'Tickets', align: 'right' }], keys.map((k, i) => [k, String(i)]));
        expect(table).not.toMatch(TERMINAL_CONTROL);
        expect(table.split('\n').length).toBe(keys.length + 2);
        expect(screenText(keys.join('\n'), false)).not.toMatch(TERMINAL_CONTROL);
        // With colour on, only SGR sequences survive.
        expect(screenText(keys.join(' '), true).replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(TERMINAL_CONTROL);
      }),
      { numRuns: 300 },
    );
  });

  it('Markdown: every table row keeps its column count, and the HTML of the same table shows each cell as the same text', () => {
    fc.assert(
      fc.property(labels, (keys) => {
        const columns: TableColumn[] = [{ header: 'Reason' }, { header: 'Tickets', align: 'right' }];
        const cells = keys.map((k, i) => [k, String(i)]);
        const node = table(columns, cells);
        const md = markdownBlocks([node]);
        expect(md).toBe(`${markdownTable(columns, cells)}\n`);
        const rows = md.trimEnd().split('\n');
        expect(rows.length).toBe(keys.length + 2);
        for (const row of rows) expect(pipes(row), row).toBe(3);
        const html = htmlBlocks([node], new Set(), () => '');
        const shown = [...html.matchAll(/<tr><td>(.*?)<\/td><td class="right">(\d+)<\/td><\/tr>/g)].map((m) => m[1]);
        expect(shown).toEqual(keys.map((k) => escapeHtml(plainText(k).trim())));
      }),
      { numRuns: 300 },
    );
  });

  it('a sentence with a label is one line of escaped Markdown, and in HTML its plain text with no element or link from the label', () => {
    fc.assert(
      fc.property(label, (text) => {
        fc.pre(plainText(text).trim() !== '');
        const md = markdownText(text);
        expect(md).not.toContain('\n');
        const blocks = [paragraph(text), list([[strong('Reason.'), ' ', text]])];
        expect(markdownBlocks(blocks)).toBe(`${md}\n\n- **Reason.** ${md}\n`);
        expect(htmlBlocks(blocks, new Set(), () => '')).toBe(`<p>${escapeHtml(plainText(text))}</p>\n<ul>\n<li><strong>Reason.</strong> ${escapeHtml(plainText(text))}</li>\n</ul>`);
        expect(markdownCell(text)).not.toContain('\n');
      }),
      { numRuns: 500 },
    );
  });

  it('SVG: a bar chart of them is well-formed XML', async () => {
    await fc.assert(
      fc.asyncProperty(labels, async (keys) => {
        const values = [...new Set(keys)].map((key, i) => ({ key, tickets: i + 1 }));
        const spec = plainStrings({
          title: keys[0],
          data: { values },
          mark: 'bar',
          encoding: { y: { field: 'key', type: 'nominal', sort: null, scale: { domain: values.map((v) => v.key) } }, x: { field: 'tickets', type: 'quantitative' } },
        });
        const { svg } = await renderSvg(spec as never);
        assertWellFormedXml(svg);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('JSON: parses, keeps each label exactly, and every finite number round-trips (others are null)', () => {
    fc.assert(
      fc.property(labels, fc.array(fc.double(), { maxLength: 6 }), (keys, numbers) => {
        const back = JSON.parse(stableJson({ keys, numbers }));
        expect(back.keys).toEqual(keys.map((k) => JSON.parse(JSON.stringify(k))));
        expect(back.numbers).toEqual(numbers.map((n) => (Number.isFinite(n) ? (Object.is(n, -0) ? 0 : n) : null)));
      }),
      { numRuns: 300 },
    );
  });
});
