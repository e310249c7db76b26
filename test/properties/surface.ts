/**
 * Writes one small canonical dataset in any of the surface forms real exports take: delimiter,
 * encoding and BOM, line endings, quoting, amount and date notation, and platform headers (via a
 * preset). Every form must parse to the same records.
 */
export interface Stamp {
  y: number;
  m: number;
  d: number;
  /** null: a date without a time. */
  time: { h: number; mi: number } | null;
}

export interface CanonicalOrder {
  orderId: string;
  customer: string;
  at: Stamp;
  /** Whole cents; negative for refunds. */
  cents: number;
  status: string;
  /** Free text with delimiters, quotes and line breaks, in a column no analysis reads. */
  note: string;
}

export interface CanonicalTicket {
  ticketId: string;
  customer: string;
  at: Stamp;
  status: string;
  /** 1–5, or null for not rated. */
  score: number | null;
  reason: string;
  channel: string;
  agent: string;
}

export type Delimiter = ',' | ';' | '\t' | '|';
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
export type LineEnding = '\n' | '\r\n' | '\r';
export type AmountForm = 'plain' | 'dollar' | 'code' | 'comma';
export type DateForm = 'iso' | 'iso-t' | 'mdy' | 'dmy';

export interface Surface {
  delimiter: Delimiter;
  encoding: Encoding;
  lineEnding: LineEnding;
  quoteAll: boolean;
  amounts: AmountForm;
  dates: DateForm;
  /** 'canonical' or a preset name. */
  headers: string;
  /** Bytes per chunk fed to the parser (streaming boundaries anywhere). */
  chunk: number;
}

export const CANONICAL: Surface = {
  delimiter: ',',
  encoding: 'utf-8',
  lineEnding: '\n',
  quoteAll: false,
  amounts: 'plain',
  dates: 'iso',
  headers: 'canonical',
  chunk: 1 << 20,
};

export function writeOrders(orders: CanonicalOrder[], s: Surface): Uint8Array[] {
  const zero = formatAmount(0, s.amounts);
  let header: string[];
  let rows: string[][];
  if (s.headers === 'stripe') {
    header = ['id', 'Created date (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Status', 'Customer Email', 'Description'];
    rows = orders.map((o) => [o.orderId, formatStamp(o.at, s.dates), formatAmount(o.cents, s.amounts), zero, 'usd', o.status, o.customer, o.note]);
  } else if (s.headers === 'shopify') {
    // Line items: the order's first row carries the total; a second item row repeats Name, Email, Created at.
    header = ['Name', 'Email', 'Financial Status', 'Currency', 'Total', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Notes', 'Cancelled at', 'Refunded Amount'];
    rows = [];
    orders.forEach((o, i) => {
      const at = formatStamp(o.at, s.dates);
      rows.push([o.orderId, o.customer, o.status, 'USD', formatAmount(o.cents, s.amounts), at, '1', 'Item, large', o.note, '', zero]);
      if (i % 2 === 0) rows.push([o.orderId, o.customer, '', '', '', at, '2', 'Gift "wrap"', '', '', '']);
    });
  } else {
    header = ['customer_id', 'order_date', 'amount', 'order_id', 'status', 'note'];
    rows = orders.map((o) => [o.customer, formatStamp(o.at, s.dates), formatAmount(o.cents, s.amounts), o.orderId, o.status, o.note]);
  }
  return encode(table(header, rows, s), s);
}

const TICKET_HEADERS: Record<string, string[]> = {
  // customer, created, ticket id, status, satisfaction, reason, channel, agent, then signature-only columns
  canonical: ['customer_id', 'created_at', 'ticket_id', 'status', 'satisfaction', 'reason', 'channel', 'agent'],
  zendesk: ['Requester email', 'Created at', 'Id', 'Status', 'Satisfaction Score', 'Contact reason', 'Via', 'Assignee', 'Requester'],
  freshdesk: ['Email', 'Created time', 'Ticket ID', 'Status', 'Satisfaction rating', 'Type', 'Source', 'Agent'],
  gorgias: ['Customer email', 'Created datetime', 'Ticket id', 'Status', 'Survey score', 'Contact reason', 'Channel', 'Assignee user'],
  helpscout: ['Customer Email', 'Created At', 'Conversation ID', 'Status', 'Rating', 'Contact reason', 'Type', 'Assigned To', 'Mailbox'],
};

export const TICKET_FORMATS = Object.keys(TICKET_HEADERS);

export function writeTickets(tickets: CanonicalTicket[], s: Surface): Uint8Array[] {
  const header = TICKET_HEADERS[s.headers];
  const rows = tickets.map((t) => {
    const row = [t.customer, formatStamp(t.at, s.dates), t.ticketId, t.status, t.score === null ? '' : String(t.score), t.reason, t.channel, t.agent];
    while (row.length < header.length) row.push('Support');
    return row;
  });
  return encode(table(header, rows, s), s);
}

function table(header: string[], rows: string[][], s: Surface): string {
  const quote = (field: string) => {
    const needs = s.quoteAll || field.includes(s.delimiter) || field.includes('"') || /[\r\n]/.test(field);
    return needs ? `"${field.replace(/"/g, '""')}"` : field;
  };
  // A line break inside a field is written with the file's own line ending, as a spreadsheet would.
  const cell = (field: string) => quote(field.replace(/\n/g, s.lineEnding));
  return [header, ...rows].map((r) => r.map(cell).join(s.delimiter)).join(s.lineEnding) + s.lineEnding;
}

function encode(text: string, s: Surface): Uint8Array[] {
  let bytes: Uint8Array;
  if (s.encoding === 'utf-8') bytes = Buffer.from(text, 'utf8');
  else if (s.encoding === 'utf-8-bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  else {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    bytes = s.encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
  }
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += s.chunk) chunks.push(bytes.subarray(i, i + s.chunk));
  return chunks;
}

export function formatAmount(cents: number, form: AmountForm): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const units = String(Math.floor(abs / 100));
  const frac = String(abs % 100).padStart(2, '0');
  const grouped = (sep: string) => units.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const sign = negative ? '-' : '';
  switch (form) {
    case 'plain':
      return `${sign}${units}.${frac}`;
    case 'dollar':
      return `${sign}$${grouped(',')}.${frac}`;
    case 'code':
      return `${sign}${units}.${frac} USD`;
    case 'comma':
      return `${sign}${grouped('.')},${frac}`;
  }
}

export function formatStamp(at: Stamp, form: DateForm): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  const time = at.time;
  switch (form) {
    case 'iso':
    case 'iso-t': {
      const date = `${at.y}-${p2(at.m)}-${p2(at.d)}`;
      return time === null ? date : `${date}${form === 'iso' ? ' ' : 'T'}${p2(time.h)}:${p2(time.mi)}:00`;
    }
    case 'mdy':
    case 'dmy': {
      const date = form === 'mdy' ? `${at.m}/${at.d}/${at.y}` : `${at.d}/${at.m}/${at.y}`;
      return time === null ? date : `${date} ${time.h}:${p2(time.mi)}`;
    }
  }
}
