import { describe, expect, test } from 'vitest';
import { normalizeScoreLabel } from '../../../src/ingest/presets/scoreLabels.js';
import { parseSatisfaction } from '../../../src/ingest/values/score.js';

describe('normalizeScoreLabel', () => {
  test.each([
    ['Good with comment', 'good'],
    ['GoodWithComment', 'good'],
    ['Bad, with comment', 'bad'],
    ['Great', '5'],
    ['Okay', '3'],
    ['Not Good', '1'],
    ['Awesome', '5'],
    ['Just Okay', '3'],
    ['4/5', '4'],
    ['5 stars', '5'],
    ['3 ★★★', '3'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeScoreLabel(raw)).toBe(expected);
  });

  test('values the core already reads, and unknown ones, pass through unchanged', () => {
    for (const raw of ['Good', 'bad', 'Offered', 'Unoffered', '', '4', 'meh', '6/5']) expect(normalizeScoreLabel(raw)).toBe(raw);
  });

  test('only the top level of a three-level rating counts as satisfied', () => {
    const satisfied = (raw: string) => (parseSatisfaction(normalizeScoreLabel(raw)) as { satisfied: boolean }).satisfied;
    expect(['Great', 'Okay', 'Not Good'].map(satisfied)).toEqual([true, false, false]);
  });
});
