import { ByteKeys } from '../../model/byteKeys.js';
import { detach } from '../values/detach.js';
import { amountsFold } from './amounts.js';
import type { LineItemGroup, LineItemSpec, RawRow, RowFold } from './preset.js';

export type { LineItemGroup, LineItemSpec } from './preset.js';

/**
 * Groups the rows of an export that writes one row per line item (Shopify, WooCommerce) into
 * one group per order, in order of first appearance. Rows of one order need not be adjacent
 * (a file sorted by product in Excel still folds correctly).
 *
 * `head` is the row that carries the order-level fields (its amount is non-empty); the other
 * rows of the group are its line items. With `repeatedHeadIsDuplicate`, a second row of the same
 * order that also carries an amount starts a group of its own: Shopify writes the total on the
 * first line item only, so a second total means the order was exported twice, and the core
 * then counts it as a duplicate order_id instead of it vanishing into the first. Rows without
 * an order id are groups of one.
 *
 * Rows are added one at a time and a group keeps its head and, for each column a fold picks
 * from its line items, the first non-blank value among its rows: not the rows themselves. A
 * Shopify export of a million orders in two million rows held every row (1.8 GB).
 */
export class LineItemGroups {
  private groups: (LineItemGroup | undefined)[] = [];
  /** Order ids (trimmed), numbered; the first group of each id by that number. */
  private ids = new ByteKeys();
  private byOrder: LineItemGroup[] = [];
  /** Rows added. */
  rows = 0;

  constructor(
    private readonly repeatedHeadIsDuplicate: boolean,
    /** The columns `value` is asked for. */
    private readonly picked: readonly string[],
  ) {}

  get size(): number {
    return this.groups.length;
  }

  add(row: RawRow): void {
    this.rows++;
    const id = (row.values.order_id ?? '').trim();
    const k = id === '' ? -1 : this.ids.addText(id);
    const group = k < 0 || this.ids.isNew ? undefined : this.byOrder[k];
    const hasAmount = (row.values.amount ?? '').trim() !== '';
    if (group === undefined || (hasAmount && group.headHasAmount && this.repeatedHeadIsDuplicate)) {
      const head = kept(row);
      const fresh = { head, headHasAmount: hasAmount, first: this.picked.map((c) => nonBlank(head.values[c])) };
      this.groups.push(fresh);
      if (group === undefined && k >= 0) this.byOrder[k] = fresh;
      return;
    }
    const first = group.first;
    for (let c = 0; c < first.length; c++) if (first[c] === '') first[c] = firstOf(row, this.picked[c]!);
    if (!group.headHasAmount && hasAmount) {
      group.head = kept(row);
      group.headHasAmount = true;
    }
  }

  /**
   * The picked column's value for the group: the head's when not blank, else the first
   * non-blank one among its rows, else ''.
   */
  value(group: LineItemGroup, head: RawRow, column: string): string {
    const own = nonBlank(head.values[column]);
    if (own !== '') return own;
    const c = this.picked.indexOf(column);
    if (c < 0) throw new Error(`line items: column "${column}" was not picked`);
    return group.first[c]!;
  }

  /** Each group made into a row by `make`, in order, in batches of `size`; a group is let go once made. */
  *drain(make: (group: LineItemGroup) => RawRow, size = 8192): Generator<RawRow[]> {
    const groups = this.groups;
    this.groups = [];
    this.ids = new ByteKeys();
    this.byOrder = [];
    for (let from = 0; from < groups.length; from += size) {
      const to = Math.min(groups.length, from + size);
      const batch: RawRow[] = [];
      for (let i = from; i < to; i++) {
        batch.push(make(groups[i]!));
        groups[i] = undefined;
      }
      yield batch;
    }
  }
}


/**
 * The fold of a line-item export into orders: rows grouped by LineItemGroups, the decimal
 * separator guessed from every row's amount and refunded amount, and each group made into
 * its order's row by the spec's `make`.
 */
export function lineItemFold(spec: LineItemSpec): RowFold {
  const groups = new LineItemGroups(spec.repeatedHeadIsDuplicate, spec.picked);
  return amountsFold(
    (row) => groups.add(row),
    (decimal) => ({ rows: groups.size, batches: groups.drain((group) => spec.make(group, (head, column) => groups.value(group, head, column), decimal)) }),
  );
}

/** The row's value of `column` when not blank, kept past its batch (see `kept`), else ''. */
function firstOf(row: RawRow, column: string): string {
  const value = nonBlank(row.values[column]);
  return value === '' ? '' : detach(value);
}

/** The value when trim() leaves something of it, else ''. */
export function nonBlank(value: string | undefined): string {
  return value !== undefined && value.trim() !== '' ? value : '';
}

/** A row to keep past its batch: its strings no longer hold the batch's text. */
function kept(row: RawRow): RawRow {
  const values: Partial<Record<string, string>> = {};
  for (const [column, value] of Object.entries(row.values)) if (value !== undefined) values[column] = detach(value);
  return { line: row.line, values };
}
