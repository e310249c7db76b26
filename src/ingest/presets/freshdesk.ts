import type { Preset } from './preset.js';
import { foldTicketRow } from './ticketRows.js';

/**
 * Freshdesk ticket export (Tickets → Export, CSV): Ticket ID, Subject, Status, Priority,
 * Source, Type, Agent, Group, Created time, Due by Time, Resolved time, Closed time, …, and
 * the requester's contact fields (Full name, Email, Contact ID, …) when ticked. A "Category"
 * custom field is used for the reason when there is no Type column. Satisfaction comes from
 * the survey column (Satisfaction rating / Survey results); the classic three-point survey
 * Awesome/Just Okay/Not Good is read as 5/3/1, so only Awesome counts as satisfied.
 *
 * Fold (one row in, one row out): survey labels as above; the customer is Email, or Contact ID
 * when the e-mail is empty.
 */
export const freshdeskTickets: Preset = {
  name: 'freshdesk',
  role: 'tickets',
  label: 'Freshdesk ticket export',
  columns: {
    ticket_id: ['Ticket ID'],
    customer_id: ['Email', 'Requester Email', 'Contact ID'],
    created_at: ['Created time'],
    status: ['Status'],
    satisfaction: ['Satisfaction rating', 'Survey results', 'Customer satisfaction'],
    channel: ['Source'],
    agent: ['Agent'],
    reason: ['Type', 'Category'],
  },
  extra: {
    customer_fallback: ['Contact ID'],
  },
  signature: ['Ticket ID', 'Created time', 'Status', 'Source'],
  mapRow: foldTicketRow,
};
