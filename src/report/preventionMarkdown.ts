import { count } from '../numberText.js';
import { DEFAULT_TOP } from '../analysis/sliceResult.js';
import type { PreventionResult } from '../analysis/preventionResult.js';
import type { FileQuality } from '../ingest/records.js';
import { rootCauseTable, topTable, weeksTable } from './preventionCells.js';
import { changeSentence, csatChangeText, rateUnit, weeksText } from './preventionSentences.js';
import { dataQualitySection } from './cohortQuality.js';
import { markdownBlocks } from './docMarkdown.js';
import { type Block, heading, type Inline, link, list, paragraph, table } from './doc.js';

/** prevention.md: the changes first (did the fix work?), then rates, top reasons, root causes, method, data quality. */
export function preventionMarkdown(result: PreventionResult, quality: { orders?: FileQuality; tickets: FileQuality }, chartFile: string | null): string {
  const files = [quality.orders?.file, quality.tickets.file].filter((f) => f !== undefined);
  const title = heading(1, 'Prevention: ', ...files.flatMap((f, i) => (i === 0 ? [f] : [' and ', f])));
  const sources = quality.orders === undefined ? [quality.tickets] : [quality.orders, quality.tickets];
  return markdownBlocks([title, ...preventionSection(result, 2, chartFile), ...preventionMethod(result, 2), ...dataQualitySection(sources, 2)]);
}

/** The findings and tables, headed at `level`, for prevention.md and the report's Prevention section. */
export function preventionSection(result: PreventionResult, level: number, chartFile: string | null): Block[] {
  const blocks: Block[] = [];
  if (result.changes.length > 0) {
    const lines = result.changes.map((c) => [changeSentence(c, result.options.costPerContact, result.currency), ' ', `${capitalise(csatChangeText(c))}.`]);
    blocks.push(heading(level, 'Changes'), list(lines));
  }
  blocks.push(heading(level, 'Contact rate by week'), paragraph(`${capitalise(rateUnit(result))}, ${result.firstWeek} to ${result.lastWeek}.`));
  if (chartFile !== null) blocks.push(paragraph('Chart: ', link(chartFile, 'weekly contact rate by reason, each change date marked'), ' (Vega-Lite).'));
  const weeks = weeksTable(result);
  blocks.push(table(weeks.columns, weeks.rows));
  // Table cells are escaped by each renderer: the labels go in as they are.
  const top = topTable(result, (text) => text);
  const before = Math.max(0, ...result.top.map((t) => t.previousWeeks));
  blocks.push(
    heading(level, `Top reasons of ${result.lastWeek}`),
    paragraph(`Against the mean rate of the ${weeksText(before)} before; p from the exact Poisson test of the counts, with counted orders (or weeks) as exposure.`),
    result.top.length === 0 ? paragraph('No contacts in the last week.') : table(top.columns, top.rows),
  );
  const causes = rootCauseTable(result, (text) => text);
  blocks.push(heading(level, 'Root causes'), table(causes.columns, causes.rows));
  if (result.unmapped.length > 0) {
    // Bounded like every list of labels (a file can hold 100,000 distinct reasons).
    const shown = result.unmapped.slice(0, DEFAULT_TOP).flatMap((reason, i) => (i === 0 ? [reason] : [', ', reason]));
    const more = result.unmapped.length > DEFAULT_TOP ? ` and ${count(result.unmapped.length - DEFAULT_TOP)} more` : '';
    blocks.push(paragraph('Reasons without a root cause in the config: ', ...shown, `${more}.`));
  }
  return blocks;
}

export function preventionMethod(result: PreventionResult, level: number, title = 'Method'): Block[] {
  const o = result.options;
  // Each reason is its own text; the flags around it are ours. No run of ours starts with a
  // dash, which Markdown would escape as a list marker.
  const cost = o.costPerContact === null ? '' : `--cost-per-contact ${o.costPerContact}`;
  const changes = o.changes.flatMap((c, i) => [`${i === 0 ? 'Options: ' : ' '}--change "`, c.reason, `@${c.date}"`]);
  const options: Inline[] = changes.length === 0 ? [`Options: ${cost || 'none'}.`] : [...changes, `${cost === '' ? '' : ` ${cost}`}.`];
  return [
    heading(level, title),
    list([
      options,
      `Contact rate: tickets opened in an ISO week (Monday to Sunday, wall-clock date of created_at) ${result.denominator === 'orders' ? 'per 100 orders counted that week (cancelled, refunded, voided and failed orders do not count)' : 'per week (no orders file, so no denominator)'}. An empty reason is "(none)".`,
      'Top reasons: the last week against the orders-weighted mean rate of up to 4 weeks before; p is the exact two-sided Poisson test of the two counts with their orders (or weeks) as exposure, as R poisson.test.',
      'Root causes: reasons mapped to explanation, customer-mistake, process, tooling or other by "rootCauses" in the config; CSAT = satisfied ÷ rated over all analysed weeks.',
      'Changes: difference in differences on the log weekly contact rate. A Poisson regression with one effect per week (absorbing orders, season and anything that moves every reason alike), an effect for the changed reason, and the changed reason after the change; the other reasons, pooled, are the control. The relative change is exp(effect) − 1, with a Wald 95% interval and p on the log scale, the variance scaled by the Pearson χ²/df when above 1 (extra week-to-week noise). The week the change date falls in is left out unless the date is a Monday.',
      'Contacts avoided = expected − observed over the weeks after, the expected count being the observed one at the reason\'s old rate relative to the others; cost = avoided × --cost-per-contact, in the data\'s currency. CSAT change: the reason\'s CSAT after minus before, with Newcombe\'s hybrid score interval.',
      'Limits: the comparison assumes the other reasons would have moved like the changed one without the change (parallel trends); anything else that changed for that reason alone at the same time is counted as the effect, and a fix that moves contacts to another reason makes the control move too. With fewer than 2 full weeks after the change the estimate is shown as too early to tell.',
    ]),
  ];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
