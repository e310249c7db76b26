import { escapeHtml } from './escape.js';

/**
 * Markdown → HTML for exactly the subset the report's section builders write: ATX headings,
 * paragraphs, GitHub tables (with `---:` alignment and `\|` in cells), `-` and `1.` lists,
 * links, **strong**, *emphasis*, `code` and backslash escapes (how escape.ts's markdownText
 * writes data text: `\<` is a literal <). Everything else is text, and all text is escaped.
 * Links that name a scheme (http:, javascript:, …) or start with // keep only their text:
 * the report links only to files next to it, and report.html must not reach the network.
 * Heading ids are unique within `usedIds` (one set per page).
 *
 * @example
 * markdownHtml('## Caveats\n\n- Few *resolved* customers') // '<h2>Caveats</h2>\n<ul>\n<li>Few <em>resolved</em> customers</li>\n</ul>'
 */
export function markdownHtml(markdown: string, usedIds: Set<string> = new Set()): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    // A closing run of # must follow a space, so an escaped \# ending the title stays.
    const heading = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      out.push(`<h${level} id="${uniqueId(slug(heading[2]), usedIds)}">${inline(heading[2])}</h${level}>`);
      i += 1;
    } else if (line.startsWith('|') && i + 1 < lines.length && /^\|(\s*:?-+:?\s*\|)+\s*$/.test(lines[i + 1])) {
      const end = runEnd(lines, i + 2, (l) => l.startsWith('|'));
      out.push(table(lines[i], lines[i + 1], lines.slice(i + 2, end)));
      i = end;
    } else if (LIST_ITEM.test(line)) {
      const end = runEnd(lines, i + 1, (l) => LIST_ITEM.test(l) || /^\s+\S/.test(l));
      out.push(list(lines.slice(i, end)));
      i = end;
    } else {
      const end = runEnd(lines, i + 1, (l) => l.trim() !== '' && !/^(#{1,6}\s|\|)/.test(l) && !LIST_ITEM.test(l));
      out.push(`<p>${inline(lines.slice(i, end).join(' '))}</p>`);
      i = end;
    }
  }
  return out.join('\n');
}

const LIST_ITEM = /^(-|\*|\d+\.)\s+/;

export { escapeHtml };

/** A heading's anchor: lower case, letters and digits joined by dashes. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[`*_[\]()]/g, '')
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

function runEnd(lines: string[], from: number, continues: (line: string) => boolean): number {
  let end = from;
  while (end < lines.length && continues(lines[end])) end += 1;
  return end;
}

function list(lines: string[]): string {
  const items: string[] = [];
  for (const line of lines) {
    if (LIST_ITEM.test(line)) items.push(line.replace(LIST_ITEM, ''));
    else items[items.length - 1] += ' ' + line.trim();
  }
  const ordered = /^\d+\./.exec(lines[0]);
  const start = ordered ? Number(lines[0].split('.')[0]) : 1;
  const open = ordered ? (start === 1 ? '<ol>' : `<ol start="${start}">`) : '<ul>';
  return [open, ...items.map((item) => `<li>${inline(item)}</li>`), ordered ? '</ol>' : '</ul>'].join('\n');
}

function table(head: string, rule: string, body: string[]): string {
  const aligns = cells(rule).map((c) => (/^:-+:$/.test(c) ? 'center' : /-:$/.test(c) ? 'right' : null));
  const row = (line: string, tag: 'th' | 'td') =>
    '<tr>' +
    cells(line)
      .map((c, k) => `<${tag}${aligns[k] ? ` class="${aligns[k]}"` : ''}>${inline(c)}</${tag}>`)
      .join('') +
    '</tr>';
  return ['<table>', `<thead>${row(head, 'th')}</thead>`, '<tbody>', ...body.map((l) => row(l, 'td')), '</tbody>', '</table>'].join('\n');
}

/**
 * The cells of a table row: split on | not escaped, outer pipes dropped, trimmed. A
 * backslash escapes the character after it (kept as written, for inline to decode).
 */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  const text = line.trim();
  for (let i = text.startsWith('|') ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      cell += c + text[++i];
    } else if (c === '|') {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  if (cell.trim() !== '') out.push(cell.trim());
  return out;
}

/** Inline markup of one block's text; code spans are taken first so nothing inside them is formatted. */
function inline(text: string): string {
  return text
    .split(/((?<!\\)`[^`]*`)/)
    .map((part) => (part.length >= 2 && part.startsWith('`') && part.endsWith('`') ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : spans(part)))
    .join('');
}

/**
 * Links, strong and emphasis. Backslash-escaped punctuation is set aside first (as a NUL-
 * delimited index: plain text holds no NUL) so it can take part in no markup, and comes back
 * as the literal character.
 */
function spans(text: string): string {
  const literal: string[] = [];
  const marked = text.replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => `\u0000${literal.push(c) - 1}\u0001`);
  return escapeHtml(marked)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, href: string) => (isLocal(href) ? `<a href="${href}">${label}</a>` : label))
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/\u0000(\d+)\u0001/g, (_m, i: string) => escapeHtml(literal[Number(i)]));
}

/** A relative link to a file next to the report (no scheme, not protocol-relative). */
function isLocal(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//');
}
