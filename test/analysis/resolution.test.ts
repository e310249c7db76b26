import { describe, expect, it } from 'vitest';
import { isResolvedByStatus, resolutionRuleFor, ticketResolver } from '../../src/analysis/resolution.js';
import { ticket } from './cohortRecords.js';
import { ticketTable } from '../model/ticketRecords.js';
import type { TicketColumn, TicketRecord } from '../../src/model/ticketRecord.js';

const byStatus = (t: TicketRecord) => isResolvedByStatus(t.status, t.satisfaction?.satisfied ?? null);
const cols = (...c: TicketColumn[]) => new Set<TicketColumn>(['customer_id', 'created_at', ...c]);

describe('resolutionRuleFor', () => {
  it('prefers a resolved column, then status, else assumes resolution', () => {
    expect(resolutionRuleFor(cols('resolved', 'status'))).toBe('resolved-column');
    expect(resolutionRuleFor(cols('resolved'))).toBe('resolved-column');
    expect(resolutionRuleFor(cols('status', 'satisfaction'))).toBe('status-and-score');
    expect(resolutionRuleFor(cols('satisfaction'))).toBe('assumed-all-resolved');
    expect(resolutionRuleFor(cols())).toBe('assumed-all-resolved');
  });
});

describe('isResolvedByStatus', () => {
  it('needs a solved/closed/resolved status, any case', () => {
    expect(byStatus(ticket('a', '2014-01-01', { status: 'Solved' }))).toBe(true);
    expect(byStatus(ticket('a', '2014-01-01', { status: 'CLOSED' }))).toBe(true);
    expect(byStatus(ticket('a', '2014-01-01', { status: 'resolved' }))).toBe(true);
    expect(byStatus(ticket('a', '2014-01-01', { status: 'open' }))).toBe(false);
    expect(byStatus(ticket('a', '2014-01-01', { status: 'pending' }))).toBe(false);
    expect(byStatus(ticket('a', '2014-01-01', {}))).toBe(false);
  });

  it('and a satisfied score when the customer gave one', () => {
    expect(byStatus(ticket('a', '2014-01-01', { status: 'solved', score: 4 }))).toBe(true);
    expect(byStatus(ticket('a', '2014-01-01', { status: 'solved', score: 3 }))).toBe(false);
    expect(byStatus(ticket('a', '2014-01-01', { status: 'closed', score: 'good' }))).toBe(true);
    expect(byStatus(ticket('a', '2014-01-01', { status: 'closed', score: 'bad' }))).toBe(false);
  });
});

describe('ticketResolver', () => {
  it('a non-empty resolved cell decides over status and score', () => {
    const resolve = ticketResolver(cols('resolved', 'status', 'satisfaction'));
    expect(resolve(ticketTable([ticket('a', '2014-01-01', { resolved: true, status: 'open', score: 1 })]), 0)).toBe(true);
    expect(resolve(ticketTable([ticket('a', '2014-01-01', { resolved: false, status: 'solved', score: 5 })]), 0)).toBe(false);
  });

  it('an empty resolved cell falls back to status and score', () => {
    const resolve = ticketResolver(cols('resolved', 'status', 'satisfaction'));
    expect(resolve(ticketTable([ticket('a', '2014-01-01', { status: 'solved', score: 5 })]), 0)).toBe(true);
    expect(resolve(ticketTable([ticket('a', '2014-01-01', { status: 'solved', score: 2 })]), 0)).toBe(false);
  });

  it('an empty resolved cell with no status column is not a resolution', () => {
    const resolve = ticketResolver(cols('resolved'));
    expect(resolve(ticketTable([ticket('a', '2014-01-01', {})]), 0)).toBe(false);
    expect(resolve(ticketTable([ticket('a', '2014-01-01', { resolved: true })]), 0)).toBe(true);
  });

  it('without resolved and status columns every ticket counts as resolved, whatever its score', () => {
    const resolve = ticketResolver(cols('satisfaction'));
    expect(resolve(ticketTable([ticket('a', '2014-01-01', { score: 1 })]), 0)).toBe(true);
  });
});
