import type { LoadedTickets } from '../ingest/records.js';
import { DIMENSIONS, type Dimension, type SliceCounts } from './sliceResult.js';

export type { SliceCounts } from './sliceResult.js';
import { sliceKey } from './sliceKeys.js';
import { sliceCounts } from './sliceStats.js';
import type { TicketColumn, TicketRecord } from '../model/ticketRecord.js';

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

/** The table from ticket records: the in-process builder. */
export function sliceTableOf(tickets: Pick<LoadedTickets, 'records' | 'present'>): SliceTable {
  const records = tickets.records;
  const groups = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map<string, TicketRecord[]>()])) as Record<Dimension, Map<string, TicketRecord[]>>;
  const cells = new Map<string, TicketRecord[]>();
  const add = (map: Map<string, TicketRecord[]>, key: string, t: TicketRecord) => {
    const group = map.get(key);
    if (group) group.push(t);
    else map.set(key, [t]);
  };
  for (const t of records) {
    for (const d of DIMENSIONS) add(groups[d], sliceKey(t, d), t);
    add(cells, cellId(sliceKey(t, 'weekday'), sliceKey(t, 'hour')), t);
  }
  const countsOf = (map: Map<string, TicketRecord[]>) => new Map([...map].map(([k, g]) => [k, sliceCounts(g)]));
  return {
    present: tickets.present,
    overall: sliceCounts(records),
    dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, countsOf(groups[d])])) as Record<Dimension, Map<string, SliceCounts>>,
    heatmap: countsOf(cells),
  };
}
