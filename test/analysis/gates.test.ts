import { describe, expect, it } from 'vitest';
import type { CohortResult, GroupStats } from '../../src/analysis/cohortResult.js';
import { EMPTY_GROUP } from './cohortRecords.js';
import { DEFAULT_COHORT_OPTIONS } from '../../src/analysis/cohortResult.js';
import { GATE_EXAMPLES, checkGatesNeedingWeek, evaluateGates, gateMetrics, parseGate, type GateMetrics } from '../../src/analysis/gates.js';
import { resolveReportWeek } from '../../src/analysis/reportWeek.js';
import { weeklyTrends } from '../../src/analysis/weeklyTrends.js';
import { UsageError } from '../../src/errors.js';
import type { FileQuality } from '../../src/ingest/records.js';
import { rated } from './sliceTickets.js';
import { ticketTable } from '../model/ticketRecords.js';

// ticket({ weekday: 0 }) falls in 2014-W02, ticket({ weekday: -7 }) in 2014-W01 (see sliceTickets.ts).
const W02 = resolveReportWeek('2014-W02', 0);

/** CSAT trends: `thisWeek` of 100 rated satisfied in 2014-W02 against `previous` of 100 in 2014-W01. */
function csat(thisWeek: number, previous: number, n = 100) {
  return weeklyTrends(ticketTable([...rated(n, thisWeek, { weekday: 0 }), ...rated(n, previous, { weekday: -7 })]), W02);
}

function group(customers: number): GroupStats {
  return { ...EMPTY_GROUP, customers };
}

function cohort(noProblem: number, resolved: number, unresolved: number): CohortResult {
  const window = { start: '2014-01-01', end: '2014-01-31' };
  return {
    cohort: window,
    cohortChoice: 'given',
    dataRange: window,
    followUp: window,
    problemWindow: window,
    options: DEFAULT_COHORT_OPTIONS,
    resolutionRule: 'resolved-column',
    censoring: null,
    groups: { no_problem: group(noProblem), resolved: group(resolved), unresolved: group(unresolved) },
    comparisons: [],
    headline: '',
    counts: { members: noProblem + resolved + unresolved, problemTickets: 0, linkedByOrderId: 0, excludedByOrderId: 0 },
  };
}

function file(name: string, rowsRead: number, rowsSkipped: number): FileQuality {
  return {
    file: name,
    format: 'canonical',
    columns: {},
    rowsRead,
    rowsUsed: rowsRead - rowsSkipped,
    rowsSkipped,
    skipped: {},
    decisions: [],
    warnings: [],
  };
}

const outcome = (rule: string, metrics: GateMetrics) => {
  const [o] = evaluateGates([parseGate(rule)], metrics);
  return { value: o.value, fired: o.fired, message: o.message };
};

describe('parseGate', () => {
  it('reads metric, comparison, threshold and unit, with optional spaces', () => {
    expect(parseGate('csat-drop>5pt')).toEqual({ text: 'csat-drop>5pt', metric: 'csat-drop', op: '>', threshold: 5 });
    expect(parseGate(' unresolved-share >= 20 % ')).toEqual({
      text: 'unresolved-share>=20%',
      metric: 'unresolved-share',
      op: '>=',
      threshold: 20,
    });
    expect(parseGate('skipped-rows<0.5%')).toMatchObject({ op: '<', threshold: 0.5 });
    expect(parseGate('skipped-rows<=.5%')).toMatchObject({ op: '<=', threshold: 0.5 });
    expect(parseGate('csat-drop>0pt')).toMatchObject({ threshold: 0 });
    expect(parseGate('skipped-rows>100%')).toMatchObject({ threshold: 100 });
  });

  it('rejects malformed rules, listing the valid ones', () => {
    const message = (rule: string) => {
      try {
        parseGate(rule);
        return 'no error';
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        const text = (error as Error).message;
        expect(text.endsWith(`; valid rules: ${GATE_EXAMPLES}`)).toBe(true);
        return text.slice(0, -`; valid rules: ${GATE_EXAMPLES}`.length);
      }
    };
    expect(
      ['csat>5pt', 'csat_drop > 5pt', 'CSAT-DROP>5pt', 'csat-drop>5%', 'skipped-rows>1pt', 'csat-drop>5points', 'csat-drop>5'].map(message),
    ).toEqual([
      'fail-on rule "csat>5pt": unknown metric "csat"',
      'fail-on rule "csat_drop > 5pt": unknown metric "csat_drop"',
      'fail-on rule "CSAT-DROP>5pt": unknown metric "CSAT-DROP"',
      'fail-on rule "csat-drop>5%": csat-drop is measured in pt, not "%" (e.g. csat-drop>5pt)',
      'fail-on rule "skipped-rows>1pt": skipped-rows is measured in %, not "pt" (e.g. skipped-rows>1%)',
      'fail-on rule "csat-drop>5points": csat-drop is measured in pt, not "points" (e.g. csat-drop>5pt)',
      'fail-on rule "csat-drop>5": csat-drop needs its unit, pt (e.g. csat-drop>5pt)',
    ]);
    expect(['csat-drop=5pt', 'csat-drop=>5pt', 'csat-drop>=>5pt', 'csat-drop 5pt'].map(message)).toEqual([
      'fail-on rule "csat-drop=5pt": the comparison must be one of > >= < <=',
      'fail-on rule "csat-drop=>5pt": the comparison must be one of > >= < <=',
      'fail-on rule "csat-drop>=>5pt": the comparison must be one of > >= < <=',
      'fail-on rule "csat-drop 5pt": the comparison must be one of > >= < <=',
    ]);
    expect(['csat-drop>five pt', 'csat-drop>-5pt', 'csat-drop>5.5.5pt', 'skipped-rows>1e3%', 'csat-drop>5 5pt'].map(message)).toEqual([
      'fail-on rule "csat-drop>five pt": "five" is not a number such as 5 or 2.5',
      'fail-on rule "csat-drop>-5pt": "-5" is not a number such as 5 or 2.5',
      'fail-on rule "csat-drop>5.5.5pt": "5.5.5" is not a number such as 5 or 2.5',
      'fail-on rule "skipped-rows>1e3%": "1e3" is not a number such as 5 or 2.5',
      'fail-on rule "csat-drop>5 5pt": "5 5" is not a number such as 5 or 2.5',
    ]);
    expect(['skipped-rows>150%', 'csat-drop>100.5pt', '', '>5pt'].map(message)).toEqual([
      'fail-on rule "skipped-rows>150%": the threshold must be between 0 and 100%',
      'fail-on rule "csat-drop>100.5pt": the threshold must be between 0 and 100 points',
      'fail-on rule "" is not metric op number unit',
      'fail-on rule ">5pt" is not metric op number unit',
    ]);
  });
});

describe('checkGatesNeedingWeek', () => {
  it('rejects csat-drop outside a weekly report, naming the flag', () => {
    const gates = ['skipped-rows>1%', 'csat-drop>5pt'].map(parseGate);
    expect(() => checkGatesNeedingWeek(gates, true)).not.toThrow();
    expect(() => checkGatesNeedingWeek(gates.slice(0, 1), false)).not.toThrow();
    expect(() => checkGatesNeedingWeek(gates, false)).toThrow(
      new UsageError('fail-on rule "csat-drop>5pt" compares CSAT with the previous week, so it needs --week (e.g. --week last)'),
    );
  });
});

describe('evaluateGates: csat-drop', () => {
  it('does not fire >5pt at exactly 5 points, though the float is 5.000000000000004', () => {
    const metrics = gateMetrics(null, [], csat(75, 80));
    expect(metrics.csatDropPoints).toBe(5.000000000000004);
    // python3: 2·scipy.stats.norm.sf(|z|), pooled z of 75/100 vs 80/100 → p = 0.3972
    expect(outcome('csat-drop>5pt', metrics)).toEqual({
      value: 5,
      fired: false,
      message: 'csat-drop>5pt passed: CSAT fell 5.0 points (80.0% → 75.0%; not significant, p = 0.40)',
    });
    expect(outcome('csat-drop>=5pt', metrics).fired).toBe(true);
    expect(outcome('csat-drop>4.9pt', metrics).fired).toBe(true);
    expect(outcome('csat-drop>5.1pt', metrics).fired).toBe(false);
  });

  it('fires above the threshold and quotes the drop with its p-value', () => {
    expect(outcome('csat-drop>5pt', gateMetrics(null, [], csat(708, 770, 1000)))).toEqual({
      value: 6.2,
      fired: true,
      message: 'csat-drop>5pt fired: CSAT fell 6.2 points (77.0% → 70.8%; p = 0.002)',
    });
    expect(outcome('csat-drop>5pt', gateMetrics(null, [], csat(76, 80))).fired).toBe(false);
  });

  it('stays quiet when CSAT rose (a negative drop)', () => {
    expect(outcome('csat-drop>0pt', gateMetrics(null, [], csat(85, 80)))).toEqual({
      value: -5,
      fired: false,
      message: 'csat-drop>0pt passed: CSAT rose 5.0 points (80.0% → 85.0%; not significant, p = 0.35)',
    });
    expect(outcome('csat-drop<0pt', gateMetrics(null, [], csat(85, 80))).fired).toBe(true);
    expect(outcome('csat-drop>5pt', gateMetrics(null, [], csat(85, 80))).message).toMatch(/: CSAT rose 5\.0 points \(/);
    expect(outcome('csat-drop>0pt', gateMetrics(null, [], csat(80, 80))).message).toBe(
      'csat-drop>0pt passed: CSAT did not change (80.0% → 80.0%; not significant, p = 1.00)',
    );
  });

  it('is not evaluated without weekly trends or rated tickets in both weeks, and says why', () => {
    expect(outcome('csat-drop>5pt', gateMetrics(null, [], null))).toEqual({
      value: null,
      fired: false,
      message: 'csat-drop>5pt not evaluated: it compares CSAT with the previous week, so it needs --week',
    });
    const noPrevious = weeklyTrends(ticketTable(rated(10, 5, { weekday: 0 })), W02);
    expect(outcome('csat-drop>5pt', gateMetrics(null, [], noPrevious)).message).toBe(
      'csat-drop>5pt not evaluated: no rated tickets in the previous week (2014-W01)',
    );
    const noThis = weeklyTrends(ticketTable(rated(10, 5, { weekday: -7 })), W02);
    expect(outcome('csat-drop>5pt', gateMetrics(null, [], noThis)).message).toBe(
      'csat-drop>5pt not evaluated: no rated tickets in 2014-W02',
    );
    expect(outcome('csat-drop>5pt', gateMetrics(null, [], weeklyTrends(ticketTable([]), W02))).message).toBe(
      'csat-drop>5pt not evaluated: no rated tickets in 2014-W02 or the previous week (2014-W01)',
    );
  });
});

describe('evaluateGates: unresolved-share', () => {
  it('fires only above the share, whatever the float noise', () => {
    // 7/100 · 100 = 7.000000000000001 in floating point.
    const seven = gateMetrics(cohort(80, 13, 7), [], null);
    expect(outcome('unresolved-share>7%', seven)).toEqual({
      value: 7,
      fired: false,
      message: 'unresolved-share>7% passed: 7.0% of cohort members were left unresolved (7 of 100)',
    });
    expect(outcome('unresolved-share>=7%', seven).fired).toBe(true);
    expect(outcome('unresolved-share>20%', gateMetrics(cohort(300, 83, 117), [], null))).toEqual({
      value: 23.4,
      fired: true,
      message: 'unresolved-share>20% fired: 23.4% of cohort members were left unresolved (117 of 500)',
    });
    expect(outcome('unresolved-share<10%', seven).fired).toBe(true);
  });

  it('is not evaluated without a cohort or without members', () => {
    expect(outcome('unresolved-share>20%', gateMetrics(null, [], null))).toEqual({
      value: null,
      fired: false,
      message: 'unresolved-share>20% not evaluated: there is no cohort analysis in this run',
    });
    expect(outcome('unresolved-share>20%', gateMetrics(cohort(0, 0, 0), [], null)).message).toBe(
      'unresolved-share>20% not evaluated: the cohort has no members',
    );
  });
});

describe('evaluateGates: skipped-rows', () => {
  it('adds up both files and compares at the threshold exactly', () => {
    const exactlyOne = gateMetrics(null, [file('orders.csv', 600, 3), file('tickets.csv', 400, 7)], null);
    expect(exactlyOne.skippedRowsShare).toBe(0.01);
    expect(outcome('skipped-rows>1%', exactlyOne)).toEqual({
      value: 1,
      fired: false,
      message: 'skipped-rows>1% passed: 1.0% of rows read were skipped (10 of 1,000)',
    });
    expect(outcome('skipped-rows>=1%', exactlyOne).fired).toBe(true);
    expect(outcome('skipped-rows>1%', gateMetrics(null, [file('orders.csv', 600, 4), file('tickets.csv', 400, 7)], null)).fired).toBe(true);
  });

  it('prints enough decimals to tell a value from the threshold', () => {
    expect(outcome('skipped-rows>1%', gateMetrics(null, [file('tickets.csv', 10_000, 104)], null))).toEqual({
      value: 1.04,
      fired: true,
      message: 'skipped-rows>1% fired: 1.04% of rows read were skipped (104 of 10,000)',
    });
  });

  it('is 0 when nothing was read', () => {
    expect(outcome('skipped-rows>0%', gateMetrics(null, [], null))).toMatchObject({ value: 0, fired: false });
  });
});

describe('evaluateGates without context', () => {
  it('still explains a hand-built metrics object', () => {
    const metrics: GateMetrics = { csatDropPoints: null, unresolvedShare: 0.25, skippedRowsShare: 0.002 };
    const outcomes = evaluateGates(['csat-drop>5pt', 'unresolved-share>20%', 'skipped-rows>1%'].map(parseGate), metrics);
    expect(outcomes.map((o) => o.message)).toEqual([
      'csat-drop>5pt not evaluated: it needs --week and rated tickets in both weeks',
      'unresolved-share>20% fired: 25.0% of cohort members were left unresolved',
      'skipped-rows>1% passed: 0.2% of rows read were skipped',
    ]);
    expect(outcomes.map((o) => o.fired)).toEqual([false, true, false]);
  });
});
