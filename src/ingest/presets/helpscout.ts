import type { Preset } from './preset.js';
import { foldTicketRow } from './ticketRows.js';

/**
 * Help Scout conversation export (a mailbox folder → Export conversations, CSV): Conversation
 * ID, Number, Mailbox, Status (active/pending/closed), Type (email/chat/phone), Subject,
 * Customer Name, Customer Email, Assigned To, Tags, Created At, Closed At and the customer's
 * happiness Rating (Great/Okay/Not Good).
 *
 * Fold (one row in, one row out): ratings Great/Okay/Not Good become 5/3/1, so only Great
 * counts as satisfied; the customer is Customer Email, or Customer ID when the e-mail is empty.
 */
export const helpscoutConversations: Preset = {
  name: 'helpscout',
  role: 'tickets',
  label: 'Help Scout conversation export',
  columns: {
    ticket_id: ['Conversation ID', 'Number'],
    customer_id: ['Customer Email', 'Customer'],
    created_at: ['Created At', 'Created'],
    status: ['Status'],
    satisfaction: ['Rating', 'Happiness Rating'],
    channel: ['Type', 'Source'],
    agent: ['Assigned To', 'Assignee'],
    reason: ['Contact reason', 'Reason', 'Category'],
  },
  extra: {
    customer_fallback: ['Customer ID'],
  },
  signature: ['Conversation ID', 'Mailbox', 'Customer Email', 'Created At'],
  mapRow: foldTicketRow,
};
