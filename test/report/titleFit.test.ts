import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/report/fontMetrics.js';
import { fitTitles, wrapText } from '../../src/report/titleFit.js';

describe('wrapText', () => {
  it('keeps a line that fits and breaks a longer one between words', () => {
    const title = 'CSAT by weekday and hour opened: no slice differs significantly from 69% overall';
    expect(wrapText(title, 40, 700, 2000)).toEqual([title]);
    const lines = wrapText(title, 40, 700, 1546);
    expect(lines).toEqual(['CSAT by weekday and hour opened: no slice differs significantly from 69%', 'overall']);
    for (const line of lines) expect(textWidth(line, 40, 700)).toBeLessThanOrEqual(1546);
  });

  it('never splits a word, even one wider than the room', () => {
    expect(wrapText('a verylongword b', 20, 400, 30)).toEqual(['a', 'verylongword', 'b']);
    expect(wrapText('', 20, 400, 100)).toEqual(['']);
  });
});

describe('fitTitles', () => {
  it('wraps title and subtitle lines to the width less the padding, and leaves other specs alone', () => {
    const spec = { width: 200, padding: 10, title: { text: 'Resolved problems: +6% later spend', fontSize: 20, subtitle: 'n = 1,000', subtitleFontSize: 11 } };
    const fitted = fitTitles(spec);
    expect(fitted.title.text).toEqual(wrapText('Resolved problems: +6% later spend', 20, 700, 180));
    expect((fitted.title.text as string[]).length).toBeGreaterThan(1);
    expect(fitted.title.subtitle).toEqual(['n = 1,000']);
    const unsized = { title: { text: 'x' } };
    expect(fitTitles(unsized)).toBe(unsized);
  });
});
