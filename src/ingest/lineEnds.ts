/**
 * Every line end outside quotes — LF, CRLF or a lone CR — becomes one LF before the CSV parser
 * sees the text, so a file that mixes them (rows pasted from an old Mac export into a Unix one)
 * never has two rows merged into one: each row comes through on the line an editor shows it on.
 * Quoted text is left as written (a line break inside a quoted label is part of the label).
 *
 * Quotes are tracked by parity, as the dialect sniffer does: a doubled quote inside a quoted
 * field toggles twice. Text is scanned character by character only in chunks holding a CR or
 * a quote; others (the usual LF-only, unquoted export) are passed through after counting
 * their LFs with indexOf.
 *
 *   const ends = new LineEnds(); ends.normalize('a\rb\r\nc\n', true) → 'a\nb\nc\n'
 */
export class LineEnds {
  lf = 0;
  crlf = 0;
  cr = 0;
  /** The first line (1-based) ending differently from the first line end of the file, or 0. */
  firstOddLine = 0;
  private first: 'lf' | 'crlf' | 'cr' | null = null;
  /** Line breaks so far, quoted ones included (an editor's line count). */
  private lines = 0;
  private inQuotes = false;
  /** The chunk ended in a CR outside quotes: whether an LF follows is known only with the next one. */
  private pendingCr = false;

  normalize(chunk: string, final: boolean): string {
    let text = this.pendingCr ? `\r${chunk}` : chunk;
    this.pendingCr = false;
    if (!final && text.endsWith('\r') && !this.inQuotesAtEnd(text)) {
      this.pendingCr = true;
      text = text.slice(0, -1);
    }
    if (text.indexOf('\r') < 0 && text.indexOf('"') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (this.inQuotes) this.lines++;
        else this.end('lf');
      }
      return text;
    }
    let out = '';
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) this.inQuotes = !this.inQuotes;
      else if (this.inQuotes) {
        if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) this.lines++;
      } else if (c === LF) this.end('lf');
      else if (c === CR) {
        if (text.charCodeAt(i + 1) === LF) {
          this.end('crlf');
          out += text.slice(from, i);
          from = i + 1;
          i++;
        } else {
          this.end('cr');
          out += `${text.slice(from, i)}\n`;
          from = i + 1;
        }
      }
    }
    return from === 0 ? text : out + text.slice(from);
  }

  /** Whether the file mixes line endings, and how, for a warning; null when it does not. */
  describeMix(): string | null {
    const kinds = [
      [this.lf, 'LF'],
      [this.crlf, 'CRLF'],
      [this.cr, 'CR only'],
    ].filter(([n]) => (n as number) > 0);
    if (kinds.length < 2) return null;
    return `line endings are mixed (${kinds.map(([n, name]) => `${n} ${name}`).join(', ')}; first change at line ${this.firstOddLine}); each one ends a row`;
  }

  private end(kind: 'lf' | 'crlf' | 'cr'): void {
    this[kind]++;
    this.lines++;
    if (this.first === null) this.first = kind;
    else if (kind !== this.first && this.firstOddLine === 0) this.firstOddLine = this.lines;
  }

  /** Quote parity at the end of `text`, without changing the state. */
  private inQuotesAtEnd(text: string): boolean {
    let q = this.inQuotes;
    for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) q = !q;
    return q;
  }
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
