import type { LoadedTickets } from '../ingest/records.js';
import { DIMENSIONS, type Dimension, type SliceCounts } from './sliceResult.js';

export type { SliceCounts } from './sliceResult.js';
import { sliceKey } from './sliceKeys.js';
import { SliceTally } from './sliceStats.js';
import type { TicketColumn } from '../model/ticketRecord.js';

export interface SliceTable {
  /** The ticket columns the source has: which dimensions exist, and whether CSAT can be computed. */
  present: ReadonlySet<TicketColumn>;
  overall: SliceCounts;
  /** Per dimension, slice key (as sliceKey gives it: "00"–"23", Mon–Sun, label or "(none)") → counts; only keys with tickets. */
  dimensions: Record<Dimension, Map<string, SliceCounts>>;
  /** "Mon 09" (weekday, space, hour) → counts; only cells with tickets. */
  heatmap: Map<string, SliceCounts>;
}

/** The id of a weekday × hour cell in SliceTable.heatmap. */
export const cellId = (weekday: string, hour: string): string => `${weekday} ${hour}`;

/** The table from the tickets table: the in-process builder, one pass over the tickets. */
export function sliceTableOf(tickets: Pick<LoadedTickets, 'table' | 'present'>): SliceTable {
  const table = tickets.table;
  const groups = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map<string, SliceTally>()])) as Record<Dimension, Map<string, SliceTally>>;
  const cells = new Map<string, SliceTally>();
  const overall = new SliceTally();
  const add = (map: Map<string, SliceTally>, key: string, i: number) => {
    let group = map.get(key);
    if (group === undefined) map.set(key, (group = new SliceTally()));
    group.add(table, i);
  };
  for (let i = 0; i < table.length; i++) {
    overall.add(table, i);
    for (const d of DIMENSIONS) add(groups[d], sliceKey(table, i, d), i);
    add(cells, cellId(sliceKey(table, i, 'weekday'), sliceKey(table, i, 'hour')), i);
  }
  const countsOf = (map: Map<string, SliceTally>) => new Map([...map].map(([k, g]) => [k, g.counts()]));
  return {
    present: tickets.present,
    overall: overall.counts(),
    dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, countsOf(groups[d])])) as Record<Dimension, Map<string, SliceCounts>>,
    heatmap: countsOf(cells),
  };
}
