import { UsageError } from '../errors.js';
import type { FileQuality } from '../ingest/records.js';
import { count, pct } from '../numberText.js';
import type { CohortResult } from './cohortResult.js';
import { ALPHA, pText } from './headline.js';
import type { WeeklyTrends } from './weeklyTrends.js';

/**
 * The `--fail-on` rules: quality gates for CI. `loyalty report --week last --fail-on csat-drop>5pt`
 * exits 1 when a rule fires (src/errors.ts EXIT.gate); rules can repeat, and any one firing fails.
 *
 * Grammar (spaces are allowed between the parts, not inside them; quote the rule in a shell):
 *
 *   rule   = metric op number unit
 *   metric = "csat-drop" | "unresolved-share" | "skipped-rows"
 *   op     = ">" | ">=" | "<" | "<="
 *   number = digits with an optional decimal part, 0 to 100: 5, 2.5, 0.5 (no sign, no exponent)
 *   unit   = "pt" after csat-drop, "%" after unresolved-share and skipped-rows (required)
 *
 *   csat-drop>5pt         the report week's CSAT is more than 5 percentage points below the
 *                         previous week's (needs --week; not evaluated when either week has no
 *                         rated tickets). It fires on the size of the drop alone; the message
 *                         gives the drop's p-value so a reader can tell noise from a real fall.
 *   unresolved-share>20%  more than 20% of the cohort's members are in the unresolved group
 *   skipped-rows>1%       more than 1% of the data rows read, orders and tickets together, were skipped
 *
 * Comparison: value and threshold are both in the rule's unit (points or percent), and the value
 * is rounded to 6 decimal places first, so floating-point noise cannot decide a gate: a drop from
 * 80% to 75% computes as 5.000000000000004 points, is compared as 5, and does not fire >5pt
 * (it fires >=5pt). A rule whose value cannot be computed does not fire; its message says why.
 */
export type GateMetric = 'csat-drop' | 'unresolved-share' | 'skipped-rows';
export type GateOp = '>' | '>=' | '<' | '<=';

export interface Gate {
  /** The rule as written, spaces removed: "csat-drop>5pt". */
  text: string;
  metric: GateMetric;
  op: GateOp;
  /** In the rule's unit: points, or percent. */
  threshold: number;
}

const UNIT: Record<GateMetric, 'pt' | '%'> = { 'csat-drop': 'pt', 'unresolved-share': '%', 'skipped-rows': '%' };

/** The valid rules with an example each, for error messages and --help. */
export const GATE_EXAMPLES =
  'csat-drop>5pt (CSAT fell more than 5 points from the previous week; needs --week), ' +
  'unresolved-share>20% (more than 20% of cohort members left unresolved), ' +
  'skipped-rows>1% (more than 1% of rows read were skipped); comparisons > >= < <=';

/** Decimal places the value is rounded to before it is compared (see the comment above). */
export const GATE_PRECISION = 6;

export function parseGate(text: string): Gate {
  const fail = (what: string): never => {
    throw new UsageError(`fail-on rule "${text}"${what}; valid rules: ${GATE_EXAMPLES}`);
  };
  const parts = /^\s*([^\s<>=!]+)\s*(.*?)\s*$/.exec(text);
  if (!parts) return fail(' is not metric op number unit');
  const metric = parts[1];
  if (!(metric in UNIT)) return fail(`: unknown metric "${metric}"`);
  const m = metric as GateMetric;
  const unit = UNIT[m];
  const op = /^(>=|<=|>|<)\s*(.*)$/.exec(parts[2]);
  if (!op || /^[<>=!]/.test(op[2])) return fail(': the comparison must be one of > >= < <=');
  const value = /^(\d+(?:\.\d+)?|\.\d+)\s*(.*)$/.exec(op[2]);
  if (!value || /[\d.]/.test(value[2])) {
    return fail(`: "${op[2].replace(/\s*(pt|%)$/, '')}" is not a number such as 5 or 2.5`);
  }
  if (value[2] === '') return fail(`: ${m} needs its unit, ${unit} (e.g. ${m}${op[1]}${value[1]}${unit})`);
  if (value[2] !== unit) return fail(`: ${m} is measured in ${unit}, not "${value[2]}" (e.g. ${m}${op[1]}${value[1]}${unit})`);
  const threshold = Number(value[1]);
  if (threshold > 100) return fail(`: the threshold must be between 0 and 100${unit === 'pt' ? ' points' : '%'}`);
  return { text: text.replace(/\s+/g, ''), metric: m, op: op[1] as GateOp, threshold };
}

export interface GateMetrics {
  /** previous − this week's CSAT, in points; null when not weekly or not computable. */
  csatDropPoints: number | null;
  /** Unresolved members ÷ cohort members, 0..1; null without a cohort or with no members. */
  unresolvedShare: number | null;
  /** Skipped rows ÷ rows read over both files, 0..1 (0 when nothing was read). */
  skippedRowsShare: number;
  /** What the messages quote; gateMetrics fills it, hand-built metrics may leave it out. */
  context?: GateContext;
}

export interface GateContext {
  /** null when the report is not weekly. */
  csat: { week: string; previousWeek: string; thisWeek: number | null; previous: number | null; p: number | null } | null;
  /** null when there is no cohort analysis. */
  cohort: { members: number; unresolved: number } | null;
  rows: { read: number; skipped: number };
}

export interface GateOutcome {
  gate: Gate;
  /** In the rule's unit, rounded to GATE_PRECISION decimals; null when not computable. */
  value: number | null;
  fired: boolean;
  message: string;
}

export function gateMetrics(
  cohort: CohortResult | null,
  files: readonly FileQuality[],
  trends: WeeklyTrends | null,
): GateMetrics {
  const read = files.reduce((sum, f) => sum + f.rowsRead, 0);
  const skipped = files.reduce((sum, f) => sum + f.rowsSkipped, 0);
  const members = cohort === null ? 0 : Object.values(cohort.groups).reduce((sum, g) => sum + g.customers, 0);
  const unresolved = cohort?.groups.unresolved.customers ?? 0;
  const change = trends?.csat.changePoints ?? null;
  return {
    csatDropPoints: change === null ? null : -change,
    unresolvedShare: members > 0 ? unresolved / members : null,
    skippedRowsShare: read > 0 ? skipped / read : 0,
    context: {
      csat: trends === null ? null : csatContext(trends),
      cohort: cohort === null ? null : { members, unresolved },
      rows: { read, skipped },
    },
  };
}

function csatContext(trends: WeeklyTrends): GateContext['csat'] {
  const { thisWeek, previousWeek: previous, p } = trends.csat;
  return { week: trends.week.label, previousWeek: trends.previous.label, thisWeek, previous, p };
}

/** Metrics that only a weekly report (--week) can measure. */
export const WEEKLY_METRICS: readonly GateMetric[] = ['csat-drop'];

/**
 * For a command to reject up front the rules it cannot evaluate: without --week, csat-drop has
 * no previous week to compare with. (Evaluated anyway, such a rule reports "not evaluated".)
 */
export function checkGatesNeedingWeek(gates: readonly Gate[], weekly: boolean): void {
  const weeklyOnly = gates.find((g) => WEEKLY_METRICS.includes(g.metric));
  if (!weekly && weeklyOnly) {
    throw new UsageError(
      `fail-on rule "${weeklyOnly.text}" compares CSAT with the previous week, so it needs --week (e.g. --week last)`,
    );
  }
}

export function evaluateGates(gates: readonly Gate[], metrics: GateMetrics): GateOutcome[] {
  return gates.map((gate) => {
    const raw = rawValue(gate.metric, metrics);
    const value = raw === null ? null : round(raw);
    if (value === null) {
      return { gate, value, fired: false, message: `${gate.text} not evaluated: ${whyMissing(gate.metric, metrics.context)}` };
    }
    const fired = compare(value, gate.op, gate.threshold);
    const what = describe(gate.metric, value, amount(value, gate.threshold), metrics.context);
    return { gate, value, fired, message: `${gate.text} ${fired ? 'fired' : 'passed'}: ${what}` };
  });
}

function rawValue(metric: GateMetric, m: GateMetrics): number | null {
  switch (metric) {
    case 'csat-drop':
      return m.csatDropPoints;
    case 'unresolved-share':
      return m.unresolvedShare === null ? null : m.unresolvedShare * 100;
    case 'skipped-rows':
      return m.skippedRowsShare * 100;
  }
}

function compare(value: number, op: GateOp, threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}

/** Rounds to GATE_PRECISION decimals; `+ 0` turns −0 into 0. */
function round(x: number): number {
  const scale = 10 ** GATE_PRECISION;
  return Math.round(x * scale) / scale + 0;
}

/** One decimal, or more when one decimal would print the threshold for a value that is not it (5.04 vs >5). */
function amount(value: number, threshold: number): string {
  for (let digits = 1; digits < GATE_PRECISION; digits++) {
    if (value === threshold || Number(value.toFixed(digits)) !== threshold) return Math.abs(value).toFixed(digits);
  }
  return Math.abs(value).toFixed(GATE_PRECISION);
}

function describe(metric: GateMetric, value: number, shown: string, context: GateContext | undefined): string {
  switch (metric) {
    case 'csat-drop': {
      const c = context?.csat;
      const change = value === 0 ? 'CSAT did not change' : `CSAT ${value > 0 ? 'fell' : 'rose'} ${shown} points`;
      if (!c || c.thisWeek === null || c.previous === null) return change;
      const p = c.p === null ? 'no test: every rated ticket had the same outcome' : c.p < ALPHA ? `p ${pText(c.p)}` : `not significant, p ${pText(c.p)}`;
      return `${change} (${pct(c.previous)} → ${pct(c.thisWeek)}; ${p})`;
    }
    case 'unresolved-share': {
      const c = context?.cohort;
      return `${shown}% of cohort members were left unresolved${c ? ` (${count(c.unresolved)} of ${count(c.members)})` : ''}`;
    }
    case 'skipped-rows': {
      const r = context?.rows;
      return `${shown}% of rows read were skipped${r ? ` (${count(r.skipped)} of ${count(r.read)})` : ''}`;
    }
  }
}

function whyMissing(metric: GateMetric, context: GateContext | undefined): string {
  if (metric === 'unresolved-share') {
    if (context === undefined) return 'there are no cohort members to measure';
    return context.cohort === null ? 'there is no cohort analysis in this run' : 'the cohort has no members';
  }
  // csat-drop (skipped-rows always has a value).
  const c = context?.csat;
  if (c === null) return 'it compares CSAT with the previous week, so it needs --week';
  if (c === undefined) return 'it needs --week and rated tickets in both weeks';
  if (c.thisWeek === null && c.previous === null) return `no rated tickets in ${c.week} or the previous week (${c.previousWeek})`;
  if (c.previous === null) return `no rated tickets in the previous week (${c.previousWeek})`;
  return `no rated tickets in ${c.week}`;
}
