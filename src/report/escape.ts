/**
 * Text from the data (labels, ids, file names, values quoted in messages) and from flags
 * (--title) made safe for each output, in one place. Every target starts from plainText:
 * one line of printable text. Then each target escapes what its syntax gives meaning to.
 *
 * @example
 * plainText('refund\x1b[2J\nlate')   // 'refund late'
 * markdownText('<script>x</script>') // '\\<script\\>x\\</script\\>'
 * htmlText('a & <b>')                // 'a &amp; &lt;b&gt;'
 */

// ANSI escape sequences as a terminal reads them: CSI (ESC [ … final byte), OSC and the
// other string commands (ESC ] … BEL or ESC \), and two-byte escapes. Also their 8-bit C1
// forms (U+009B CSI, U+009D OSC). Removed whole, so no part of a command is left to act.
const ESCAPE_SEQUENCE = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b[\]PX^_]|[\x90\x9d\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -~]?/g;
// Line breaks and tabs become one space: a label never breaks a table row or a line.
const LINE_BREAK = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// What is left of C0, DEL and C1, bidirectional overrides and isolates (text that displays
// in another order than it reads), and the two noncharacters XML forbids.
const CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

// Half a UTF-16 pair: not a character, and not valid XML or UTF-8.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** One line of printable text: escape sequences removed, line breaks as spaces, other control characters as U+FFFD. */
export function plainText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(LINE_BREAK, ' ').replace(CONTROL, '\ufffd').replace(LONE_SURROGATE, '\ufffd');
}

/** For the terminal: plain text (no ESC can reach it, colour or not). */
export function terminalText(text: string): string {
  return plainText(text);
}

/**
 * A page of terminal output as the last gate before the screen: each line made plain text,
 * except, when `keepColor`, the SGR colour sequences (ESC [ digits m) that chalk writes.
 */
export function screenText(page: string, keepColor: boolean): string {
  return page
    .split('\n')
    .map((line) => (keepColor ? line.split(/(\x1b\[[0-9;]*m)/).map((part, i) => (i % 2 === 1 ? part : plainText(part))).join('') : plainText(line)))
    .join('\n');
}

/**
 * For Markdown: plain text whose every character is literal in CommonMark and GitHub
 * Markdown. Punctuation that starts markup is backslash-escaped (links and images via [,
 * emphasis, code, raw HTML and autolinks via <, entities, table pipes, strikethrough, a
 * heading's closing #), and so are the starts of bare-URL autolinks, so no link, image load
 * or HTML can come from the data. Characters that start no markup where they stand (a > or
 * ! mid-line, the _ in order_id, the # in #1001) are left as they are, for people reading
 * the raw file.
 */
export function markdownText(text: string): string {
  // At the start of a list item or paragraph, -, +, =, > and "1." would start a block.
  return markdownCell(text).replace(/^[-+=>]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * For a table cell or inside a line: markdownText without the line-start escapes (a cell's
 * "+14" starts no list). An underscore inside a word (order_id) starts no emphasis and is
 * left as it is.
 */
export function markdownCell(text: string): string {
  return plainText(text)
    .replace(/[\\`*[\]|~]|<(?=[a-z/!?])|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|&(?=#?\w+;)|(?<=^|\s)#(?=#*(?:\s|$))/giu, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

/** For HTML element content and double-quoted attributes. */
export function htmlText(text: string): string {
  return escapeHtml(plainText(text));
}

/** HTML-escapes text that is already plain (our own text, or plainText's output). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Every string in a chart spec (data values, titles, labels) as plain text, so nothing that
 * XML forbids reaches the SVG and resvg, and no line break splits a label. A label that is
 * exactly "__proto__" gets a zero-width space appended: vega looks values up in plain objects,
 * where that one key is the prototype, and its dataflow fails ("reading 'datum'").
 */
export function plainStrings<T>(value: T): T {
  if (typeof value === 'string') return (value === '__proto__' ? '__proto__\u200b' : plainText(value)) as T;
  if (Array.isArray(value)) return value.map(plainStrings) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainStrings(v)])) as T;
  }
  return value;
}
