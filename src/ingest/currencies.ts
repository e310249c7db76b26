import { DataError } from '../errors.js';
import { currencyCode } from './values/amount.js';

/**
 * The currencies named in an amount column. Dollars and euros must never be summed: a file
 * naming more than one currency is an error unless --currency says which one to keep (rows in
 * the others are then skipped and counted). Amounts that name no currency are taken to be in
 * the file's currency.
 */
export class CurrencyTally {
  private readonly counts = new Map<string, number>();
  /** The first line naming each currency, for the message. */
  private readonly firstLine = new Map<string, number>();
  readonly keep: string | null;

  constructor(requested: string | null) {
    if (requested === null || requested.trim() === '') this.keep = null;
    else this.keep = currencyCode(requested.trim()) ?? requested.trim().toUpperCase();
  }

  /** Counts a currency; false when --currency asks for a different one (skip the row). */
  accept(currency: string | null, line = 0): boolean {
    if (currency === null) return true;
    const n = this.counts.get(currency);
    if (n === undefined) this.firstLine.set(currency, line);
    this.counts.set(currency, (n ?? 0) + 1);
    return this.keep === null || currency === this.keep;
  }

  /** `accept` of `rows` rows naming `currency`, the first of them at `line`, in one step. */
  acceptRows(currency: string, rows: number, line: number): void {
    const n = this.counts.get(currency);
    if (n === undefined) this.firstLine.set(currency, line);
    this.counts.set(currency, (n ?? 0) + rows);
  }

  assertSingle(file: string, column: string): void {
    if (this.keep !== null || this.counts.size <= 1) return;
    const found = [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const list = found.map(([code, n]) => `${code} (${n} rows${this.firstLine.get(code) ? `, first at line ${this.firstLine.get(code)}` : ''})`).join(', ');
    throw new DataError(
      `${file}: column ${column} mixes currencies: ${list}; add --currency ${found[0][0]} to keep only the rows in one currency.`,
    );
  }

  describe(): string | null {
    if (this.keep !== null) return this.keep;
    const codes = [...this.counts.keys()];
    return codes.length === 1 ? codes[0] : null;
  }
}
