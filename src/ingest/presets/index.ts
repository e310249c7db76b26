import type { Preset } from './preset.js';
import { shopifyOrders } from './shopify.js';
import { woocommerceOrders } from './woocommerce.js';
import { stripePayments } from './stripe.js';
import { zendeskTickets } from './zendesk.js';
import { freshdeskTickets } from './freshdesk.js';
import { gorgiasTickets } from './gorgias.js';
import { helpscoutConversations } from './helpscout.js';

/**
 * Every export format the ingest can auto-detect or be told to use (--orders-format/--tickets-format).
 * Auto-detection picks the preset of the file's role whose signature headers are all present,
 * the longest signature first; the signatures are chosen so no sample matches two presets
 * (test/ingest/presets/detection.test.ts). fixtures/formats/README.md lists the headers.
 */
export const PRESETS: Preset[] = [
  shopifyOrders,
  woocommerceOrders,
  stripePayments,
  zendeskTickets,
  freshdeskTickets,
  gorgiasTickets,
  helpscoutConversations,
];
