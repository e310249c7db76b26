import { TOP_REASONS, type WeeklyTrends } from '../analysis/weeklyTrends.js';
import { count, signedPct } from './format.js';
import { type Block, heading, type Inline, paragraph, strong, table } from './doc.js';

/**
 * The weekly section: this week's top contact reasons against last week (the list a support
 * lead posts every Monday), the volume change and the CSAT change, each with its test.
 */
export function trendsSection(trends: WeeklyTrends, level = 2): Block[] {
  const [now, before] = [trends.week.label, trends.previous.label];
  const rows = trends.topReasons.map((r) => [r.reason, count(r.thisWeek), count(r.previousWeek), signedCount(r.change), signedPct(r.changePct)]);
  const source =
    trends.previousSource === 'compare-to'
      ? `${before} is read from the previous report's summary.json (--compare-to).`
      : `${before} is counted from the same tickets file.`;
  const reasons =
    rows.length === 0
      ? paragraph(`No tickets in ${now}.`)
      : table(
          [
            { header: 'Reason' },
            { header: now, align: 'right' },
            { header: before, align: 'right' },
            { header: 'Change', align: 'right' },
            { header: 'Change %', align: 'right' },
          ],
          rows,
        );
  return [
    heading(level, `This week: ${now} vs ${before}`),
    paragraph(trends.volumeSentence),
    paragraph(trends.csat.sentence),
    heading(level + 1, 'Top contact reasons'),
    reasons,
    paragraph(
      rows.length === 0
        ? source
        : `The ${Math.min(rows.length, TOP_REASONS)} most frequent reasons of ${now} (ties by name), with their tickets in ${before}; change % is – when ${before} had none. ${source}`,
    ),
  ];
}

/** The weekly lines of the report's summary. */
export function trendsSummary(trends: WeeklyTrends): Inline[][] {
  return [
    [strong('Volume.'), ' ', trends.volumeSentence],
    [strong('CSAT week over week.'), ' ', trends.csat.sentence],
  ];
}

function signedCount(n: number): string {
  return n > 0 ? `+${count(n)}` : n < 0 ? `−${count(-n)}` : '0';
}
