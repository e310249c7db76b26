import { describe, expect, it } from 'vitest';
import { assertSatisfactionColumn, parseDimensions, resolveDimensions } from '../../src/analysis/sliceDimensions.js';
import { DataError, UsageError } from '../../src/errors.js';
import type { TicketColumn } from '../../src/model/ticketRecord.js';

const present = new Set<TicketColumn>(['customer_id', 'created_at', 'satisfaction', 'reason']);

describe('parseDimensions', () => {
  it('reads a comma list, ignoring case, spaces and repeats', () => {
    expect(parseDimensions('Hour, weekday,reason,hour')).toEqual(['hour', 'weekday', 'reason']);
  });

  it('rejects an unknown dimension naming the valid ones', () => {
    expect(() => parseDimensions('hour,month')).toThrow(UsageError);
    expect(() => parseDimensions('hour,month')).toThrow('--by "month" is not a dimension; valid: hour, weekday, reason, channel, agent');
    expect(() => parseDimensions(' , ')).toThrow(UsageError);
  });
});

describe('resolveDimensions', () => {
  it('defaults to hour, weekday and the columns present', () => {
    expect(resolveDimensions(null, present, 'tickets.csv')).toEqual(['hour', 'weekday', 'reason']);
  });

  it('refuses a dimension whose column is absent, naming the column and the --map fix', () => {
    expect(() => resolveDimensions(['hour', 'agent'], present, 'tickets.csv')).toThrow(DataError);
    expect(() => resolveDimensions(['agent'], present, 'tickets.csv')).toThrow(
      '--by agent needs a column "agent", and tickets.csv has none; map the header that holds it with --map tickets.agent="Header", or leave agent out of --by',
    );
  });

  it('insists on a satisfaction column', () => {
    expect(() => assertSatisfactionColumn(new Set(['customer_id', 'created_at']), 'tickets.csv')).toThrow(
      'CSAT needs a satisfaction column, and tickets.csv has none; map the header that holds the scores with --map tickets.satisfaction="Header"',
    );
    expect(() => assertSatisfactionColumn(present, 'tickets.csv')).not.toThrow();
  });
});
