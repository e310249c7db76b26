import type { LoadedTickets } from '../ingest/records.js';
import { cellId, DIMENSIONS, type Dimension, type SliceCounts, type SliceTable } from '../model/sliceTable.js';

export { cellId, type SliceCounts, type SliceTable } from '../model/sliceTable.js';
import { sliceKey } from './sliceKeys.js';
import { SliceTally } from './sliceStats.js';

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
