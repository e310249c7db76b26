import type { Preset, RawRow } from './preset.js';
import { foldTicketRow } from './ticketRows.js';

/**
 * Zendesk Support ticket export (Admin Center → Account → Reports → Export, CSV): Id,
 * Requester, Requester id, Requester email, Assignee, Group, Subject, Tags, Status, Via,
 * Ticket type, Created at, …, Satisfaction Score, Reopens, Replies, First reply time in
 * minutes, … . A custom "Contact reason" field, when exported, is the better reason column
 * and is preferred over Ticket type (question/incident/problem/task).
 *
 * Fold (one row in, one row out): Satisfaction Score "Good"/"Bad" (also "Good with comment")
 * and "Offered"/"Unoffered" (no rating) as the core reads them; the customer is Requester
 * email, or Requester id when the e-mail is empty (phone tickets); "First reply time in
 * minutes" becomes wait_seconds (× 60).
 */
export const zendeskTickets: Preset = {
  name: 'zendesk',
  role: 'tickets',
  label: 'Zendesk ticket export',
  columns: {
    ticket_id: ['Id', 'Ticket ID'],
    customer_id: ['Requester email', 'Requester'],
    created_at: ['Created at'],
    status: ['Status'],
    satisfaction: ['Satisfaction Score', 'Satisfaction'],
    channel: ['Via'],
    agent: ['Assignee'],
    reason: ['Contact reason', 'Reason', 'Ticket type'],
    reopens: ['Reopens'],
    wait_seconds: ['First reply time in minutes'],
  },
  extra: {
    customer_fallback: ['Requester id', 'Requester external id'],
    first_reply_minutes: ['First reply time in minutes'],
  },
  signature: ['Id', 'Requester', 'Created at', 'Status', 'Via'],
  mapRow: foldZendesk,
};

export function foldZendesk(raw: RawRow): RawRow {
  const row = foldTicketRow(raw);
  const minutes = row.values.first_reply_minutes;
  // Convert only when wait_seconds was read from the minutes column (not re-mapped with --map).
  if (minutes === undefined || row.values.wait_seconds !== minutes || !/^\s*\d+(\.\d+)?\s*$/.test(minutes)) return row;
  return { line: row.line, values: { ...row.values, wait_seconds: String(Math.round(Number(minutes) * 60 * 1000) / 1000) } };
}
