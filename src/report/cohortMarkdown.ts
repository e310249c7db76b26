import { FOLLOW_UP_CAVEAT, followUpSentence } from './followUpSentences.js';
import type { CohortResult } from '../analysis/cohortResult.js';
import { NOT_COUNTED_STATUSES } from '../facts/countedOrder.js';
import type { FileQuality } from '../ingest/records.js';
import { adjustedMethod, adjustedSection } from './adjustedMarkdown.js';
import { cohortCaveats } from './cohortCaveats.js';
import { comparisonTable, currencyLine, groupTable, optionsLine, RESOLUTION_TEXT } from './cohortCells.js';
import { dataQualitySection } from './cohortQuality.js';
import { count } from './format.js';
import { type Block, heading, link, list, paragraph, strong, table } from './doc.js';
import { markdownBlocks } from './docMarkdown.js';

/** A chart written next to the report, for the links section. */
export interface CohortChartLink {
  title: string;
  file: string;
}

/**
 * report.md of `loyalty cohort --out`: the headline and tables, the method with every rule and
 * window written out, the caveats, and the data quality of both files (once when one facts
 * file stands for both: --facts-in), so the document stands on its own.
 */
export function cohortMarkdown(
  result: CohortResult,
  quality: { orders: FileQuality; tickets: FileQuality },
  charts: CohortChartLink[] = [],
): string {
  const title = heading(1, `Service recovery: later spend of the ${result.cohort.start}..${result.cohort.end} cohort`);
  const blocks = [title, ...cohortSection(result, 2), ...adjustedSection(result, 2)];
  if (charts.length > 0) blocks.push(heading(2, 'Charts'), list(charts.map((c) => link(c.file, c.title))));
  const files = quality.orders === quality.tickets ? [quality.orders] : [quality.orders, quality.tickets];
  blocks.push(...cohortMethod(result, 2), ...adjustedMethod(result, 2), ...cohortCaveatsSection(result, 2), ...dataQualitySection(files, 2));
  return markdownBlocks(blocks);
}

/** Headline, group table and comparisons, headed at `level`, for reports that embed the cohort. */
export function cohortSection(result: CohortResult, level = 2): Block[] {
  const groups = groupTable(result, true);
  const tests = comparisonTable(result);
  const blocks = [
    paragraph(strong(result.headline)),
    heading(level, 'Later spend by group'),
    table(groups.columns, groups.rows),
    paragraph(
      `Follow-up ${result.followUp.start}..${result.followUp.end}; ${count(result.counts.members)} cohort members. 95% CI: percentile bootstrap of the mean. "vs no problem" = mean ÷ no-problem mean − 1.`,
    ),
    heading(level, 'Comparisons'),
    table(tests.columns, tests.rows),
    paragraph(
      "Lift = mean A ÷ mean B − 1. Welch's t-test and the Mann–Whitney U test (normal approximation, tie- and continuity-corrected), both two-sided, on later spend per customer.",
    ),
  ];
  if (result.proactiveFollowUp !== undefined) {
    blocks.push(heading(level, 'Proactive follow-up'), paragraph(followUpSentence(result.proactiveFollowUp, result.currency)), paragraph(FOLLOW_UP_CAVEAT));
  }
  return blocks;
}

/** Every rule and window, and the options that reproduce the run, under `title`. */
export function cohortMethod(result: CohortResult, level = 2, title = 'Method'): Block[] {
  const o = result.options;
  const cohortHow =
    result.cohortChoice === 'given'
      ? `chosen with --cohort ${o.cohort}`
      : result.cohortChoice === 'latest-complete'
        ? 'chosen by default as the latest calendar month with counted orders whose whole follow-up window ends on or before the last counted order date'
        : 'chosen by default as the earliest month with counted orders, whose follow-up is the most observed, because no month has a complete follow-up window';
  return [
    heading(level, title),
    list([
      `Options: ${optionsLine(result)}.`,
      `Counted orders: every order except those with status ${NOT_COUNTED_STATUSES.join(', ')} (any case); an empty status counts. Negative amounts (refunds) count and lower spend. Rows repeating an order_id already seen count once. The counted orders run ${result.dataRange.start}..${result.dataRange.end}.`,
      `Cohort window ${result.cohort.start}..${result.cohort.end} (inclusive), ${cohortHow}. Members: customers with at least one counted order dated in it (${count(result.counts.members)}).`,
      `Follow-up window ${result.followUp.start}..${result.followUp.end} (--follow ${o.follow}): from the day after the cohort window; months run to the day before the same day-of-month.`,
      `Later spend: the sum of a member's counted order amounts dated in the follow-up window, 0 if none. Repeat rate: the share of members with at least one counted follow-up order of positive amount (a refund is not a purchase). Mean cohort spend: the same sum inside the cohort window.`,
      `Problem tickets (${count(result.counts.problemTickets)}): a member's tickets created ${result.problemWindow.start}..${result.problemWindow.end} (cohort start through cohort end + --grace ${o.grace}). A ticket with a non-empty order_id is a problem ticket exactly when that order is one of the member's cohort-window orders (cancelled ones included), whatever the ticket's date; ${count(result.counts.linkedByOrderId)} were linked that way.`,
      `Resolved: ${RESOLUTION_TEXT[result.resolutionRule]}.`,
      currencyLine(result),
      'Groups: no problem (no problem tickets), problem resolved (at least one, all resolved), problem unresolved (at least one not resolved).',
      `95% intervals: percentile bootstrap of the mean later spend, ${count(o.bootstrap)} resamples, seed ${o.seed} for every group; the same inputs and options give the same numbers.`,
      'A gap is called significant when the Welch p-value is below 0.05; the headline states the p-value of every gap it names.',
    ]),
  ];
}

export function cohortCaveatsSection(result: CohortResult, level = 2): Block[] {
  const { warnings, notes } = cohortCaveats(result);
  const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return [heading(level, 'Caveats'), list([...warnings, ...notes].map(sentence))];
}
