import { describe, expect, it } from 'vitest';
import { sliceTableOf } from '../../src/analysis/sliceTable.js';
import { ticket } from './sliceTickets.js';
import { ticketTable } from '../model/ticketRecords.js';

describe('sliceTableOf', () => {
  it('counts each slice by hand: tickets, ratings, score sums, rate numerators and denominators, and its own median wait', () => {
    const table = sliceTableOf({
      present: new Set(['customer_id', 'created_at', 'satisfaction', 'reason']),
      table: ticketTable([
        ticket({ hour: 9, reason: 'billing', score: 5, waitSeconds: 10, transfers: 0, contacts: 1 }),
        ticket({ hour: 9, reason: 'billing', score: 2, waitSeconds: 40, transfers: 2, contacts: 3 }),
        ticket({ hour: 9, reason: 'billing', score: 'good', waitSeconds: 0.1, reopens: 1, firstContactResolved: false, contacts: 1 }),
        ticket({ hour: 9, reason: 'billing', score: null, waitSeconds: 0.2 }),
        ticket({ hour: 14, weekday: 2, reason: null, score: 4 }),
      ]),
    });
    expect(table.dimensions.reason.get('billing')).toEqual({
      tickets: 4,
      rated: 3,
      satisfied: 2,
      scores: 2,
      scoreSum: 7,
      // waits 0.1, 0.2, 10, 40: the middle two, 0.2 + (10 − 0.2) / 2
      medianWaitSeconds: 0.2 + (10 - 0.2) / 2,
      transfers: { hits: 1, known: 2 },
      reopens: { hits: 1, known: 1 },
      // first_contact_resolved wins over contacts: 1 (contacts 1), 0 (contacts 3), 0 (flag false)
      fcr: { hits: 1, known: 3 },
    });
    expect(table.dimensions.reason.get('(none)')).toMatchObject({ tickets: 1, rated: 1, satisfied: 1, medianWaitSeconds: null, transfers: { hits: 0, known: 0 } });
    expect([...table.dimensions.hour.keys()]).toEqual(['09', '14']);
    expect([...table.heatmap.keys()]).toEqual(['Mon 09', 'Wed 14']);
    expect(table.overall).toMatchObject({ tickets: 5, rated: 4, satisfied: 3, scores: 3, scoreSum: 11, medianWaitSeconds: 0.2 + (10 - 0.2) / 2 });
  });
});
