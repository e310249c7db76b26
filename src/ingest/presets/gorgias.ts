import type { Preset } from './preset.js';
import { foldTicketRow } from './ticketRows.js';

/**
 * Gorgias ticket export (a ticket view → Export tickets, CSV): one row per ticket with Ticket
 * id, Status, Channel, Subject, Customer email, Customer name, Assignee user, Assignee team,
 * Tags, Created datetime, Closed datetime and the satisfaction survey score (1–5). The column
 * names follow Gorgias' ticket fields (id, channel, customer.email, assignee_user,
 * created_datetime, satisfaction_survey.score); older exports that say "Created date" or
 * "Assignee" are read too.
 *
 * Fold (one row in, one row out): survey scores written "4/5" or "4 stars" become 4.
 */
export const gorgiasTickets: Preset = {
  name: 'gorgias',
  role: 'tickets',
  label: 'Gorgias ticket export',
  columns: {
    ticket_id: ['Ticket id'],
    customer_id: ['Customer email', 'Customer'],
    created_at: ['Created datetime', 'Created date', 'Created at'],
    status: ['Status'],
    satisfaction: ['Survey score', 'Satisfaction score', 'CSAT score'],
    channel: ['Channel'],
    agent: ['Assignee user', 'Assignee', 'Assignee email'],
    reason: ['Contact reason', 'Reason'],
  },
  extra: {
    customer_fallback: ['Customer id'],
  },
  signature: ['Ticket id', 'Channel', 'Customer email'],
  mapRow: foldTicketRow,
};
