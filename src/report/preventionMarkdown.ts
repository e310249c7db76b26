import { count } from '../numberText.js';
import { DEFAULT_TOP } from '../analysis/sliceResult.js';
import type { PreventionResult } from '../analysis/preventionResult.js';
import type { FileQuality } from '../ingest/records.js';
import { rootCauseTable, topTable, weeksTable } from './preventionCells.js';
import { changeSentence, csatChangeText, rateUnit, weeksText } from './preventionSentences.js';
import { markdownText } from './escape.js';
import { dataQualitySection } from './cohortQuality.js';
import { markdownBlocks } from './docMarkdown.js';
import { markdownTable } from './table.js';

/** prevention.md: the changes first (did the fix work?), then rates, top reasons, root causes, method, data quality. */
export function preventionMarkdown(result: PreventionResult, quality: { orders?: FileQuality; tickets: FileQuality }, chartFile: string | null): string {
  const files = [quality.orders?.file, quality.tickets.file].filter((f) => f !== undefined).map((f) => markdownText(f!)).join(' and ');
  const parts = [`# Prevention: ${files}`, '', preventionMarkdownSection(result, 2, chartFile), preventionMethod(result, 2)];
  parts.push(markdownBlocks(dataQualitySection(quality.orders === undefined ? [quality.tickets] : [quality.orders, quality.tickets], 2)));
  return parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** The findings and tables, headed at `level`, for prevention.md and the report's Prevention section. */
export function preventionMarkdownSection(result: PreventionResult, level: number, chartFile: string | null): string {
  const h = '#'.repeat(level);
  const out: string[] = [];
  if (result.changes.length > 0) {
    out.push(`${h} Changes`, '');
    for (const c of result.changes) out.push(`- ${changeSentence(c, result.options.costPerContact, result.currency, markdownText)} ${capitalise(csatChangeText(c))}.`);
    out.push('');
  }
  out.push(`${h} Contact rate by week`, '', `${capitalise(rateUnit(result))}, ${result.firstWeek} to ${result.lastWeek}.`, '');
  if (chartFile !== null) out.push(`Chart: [weekly contact rate by reason, each change date marked](${chartFile}) (Vega-Lite).`, '');
  const weeks = weeksTable(result);
  out.push(markdownTable(weeks.columns, weeks.rows), '');
  // markdownTable escapes every cell itself: the labels go in as they are.
  const top = topTable(result, (text) => text);
  const before = Math.max(0, ...result.top.map((t) => t.previousWeeks));
  out.push(`${h} Top reasons of ${result.lastWeek}`, '', `Against the mean rate of the ${weeksText(before)} before; p from the exact Poisson test of the counts, with counted orders (or weeks) as exposure.`, '');
  out.push(result.top.length === 0 ? 'No contacts in the last week.' : markdownTable(top.columns, top.rows), '');
  const causes = rootCauseTable(result, (text) => text);
  out.push(`${h} Root causes`, '', markdownTable(causes.columns, causes.rows), '');
  if (result.unmapped.length > 0) {
    // Bounded like every list of labels (a file can hold 100,000 distinct reasons).
    const shown = result.unmapped.slice(0, DEFAULT_TOP).map(markdownText).join(', ');
    const more = result.unmapped.length > DEFAULT_TOP ? ` and ${count(result.unmapped.length - DEFAULT_TOP)} more` : '';
    out.push(`Reasons without a root cause in the config: ${shown}${more}.`, '');
  }
  return out.join('\n');
}

export function preventionMethod(result: PreventionResult, level: number): string {
  const h = '#'.repeat(level);
  const o = result.options;
  const flags = [...o.changes.map((c) => `--change "${markdownText(c.reason)}@${c.date}"`), ...(o.costPerContact === null ? [] : [`--cost-per-contact ${o.costPerContact}`])];
  return [
    `${h} Method`,
    '',
    `- Options: ${flags.length === 0 ? 'none' : flags.join(' ')}.`,
    `- Contact rate: tickets opened in an ISO week (Monday to Sunday, wall-clock date of created_at) ${result.denominator === 'orders' ? 'per 100 orders counted that week (cancelled, refunded, voided and failed orders do not count)' : 'per week (no orders file, so no denominator)'}. An empty reason is "(none)".`,
    '- Top reasons: the last week against the orders-weighted mean rate of up to 4 weeks before; p is the exact two-sided Poisson test of the two counts with their orders (or weeks) as exposure, as R poisson.test.',
    '- Root causes: reasons mapped to explanation, customer-mistake, process, tooling or other by "rootCauses" in the config; CSAT = satisfied ÷ rated over all analysed weeks.',
    '- Changes: difference in differences on the log weekly contact rate. A Poisson regression with one effect per week (absorbing orders, season and anything that moves every reason alike), an effect for the changed reason, and the changed reason after the change; the other reasons, pooled, are the control. The relative change is exp(effect) − 1, with a Wald 95% interval and p on the log scale, the variance scaled by the Pearson χ²/df when above 1 (extra week-to-week noise). The week the change date falls in is left out unless the date is a Monday.',
    '- Contacts avoided = expected − observed over the weeks after, the expected count being the observed one at the reason\'s old rate relative to the others; cost = avoided × --cost-per-contact, in the data\'s currency. CSAT change: the reason\'s CSAT after minus before, with Newcombe\'s hybrid score interval.',
    '- Limits: the comparison assumes the other reasons would have moved like the changed one without the change (parallel trends); anything else that changed for that reason alone at the same time is counted as the effect, and a fix that moves contacts to another reason makes the control move too. With fewer than 2 full weeks after the change the estimate is shown as too early to tell.',
    '',
  ].join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
