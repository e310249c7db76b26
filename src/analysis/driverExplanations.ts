import { Z_95 } from '../stats/wilson.js';
import type { Finding } from './sliceResult.js';
import { sliceSubject } from './sliceSentences.js';
import type { Check, Explainer, Explanation, Factor } from './driversResult.js';
import { designSpec, type FactorBlock } from './driverDesign.js';
import { contrast, fitModel } from './driverModel.js';
import { inFinding, stratifiedCheck } from './driverChecks.js';
import { causeWords, ciWords, gapWords, listWords, withinWords } from './driverSentences.js';
import { type DriverSet, subset } from './driverTickets.js';
import type { PatternName } from './driversResult.js';

/**
 * Whether a `slices` finding holds or is explained. Its raw gap (CSAT of its rated tickets
 * minus CSAT of all other rated tickets) is adjusted for each other factor in turn by
 * stratifying (Mantel–Haenszel), and for all of them at once in the full model (the finding's
 * dimension replaced by an "in the finding" indicator; its average marginal effect).
 *
 * - Explained by X: adjusting for X moves the 95% CI to cover zero AND shrinks the gap by at
 *   least half. When several factors do, the one leaving the smallest gap is named; when
 *   none does alone but the full model does, it is explained by the factors together.
 * - Holds: every adjustment the data allow leaves a CI that excludes zero on the same side.
 * - Otherwise the verdict is open: some adjustment blurs the gap without halving it.
 * Factors the data cannot separate from the finding (driverChecks.ts) give no verdict.
 */
export function explainFinding(
  finding: Finding,
  rated: DriverSet,
  modelSet: DriverSet,
  factors: readonly Factor[],
  blocks: FactorBlock[],
  flags: PatternName[],
): Explanation {
  const keys = new Set(finding.keys);
  const inside = subset(rated, (i) => inFinding(rated.columns, i, finding.dimension, keys));
  const outside = subset(rated, (i) => !inFinding(rated.columns, i, finding.dimension, keys));
  const p1 = share(inside);
  const p0 = share(outside);
  const rawGap = p1 - p0;
  const se = Math.sqrt((p1 * (1 - p1)) / inside.rows.length + (p0 * (1 - p0)) / Math.max(1, outside.rows.length));
  const rawCi95: [number, number] = [rawGap - Z_95 * se, rawGap + Z_95 * se];

  const checks: Check[] = factors.filter((f) => f !== finding.dimension).map((f) => stratifiedCheck(rated, finding.dimension, keys, f));
  const model = modelCheck(finding, keys, modelSet, blocks, flags);
  // The full model adjusts for every factor at once, so it inherits any factor the data cannot
  // separate from the finding: its split between the two would be arbitrary.
  const blind = checks.filter((c) => c.inseparable).map((c) => c.by);
  if (blind.length > 0) {
    model.inseparable = true;
    model.note = `the model includes ${listWords(blind)}, which the data cannot separate from the finding`;
  }
  checks.push(model);

  const explains = (c: Check) =>
    !c.inseparable && c.gap !== null && c.ci95 !== null && c.ci95[0] <= 0 && c.ci95[1] >= 0 && Math.abs(c.gap) <= 0.5 * Math.abs(rawGap);
  const survives = (c: Check) => c.ci95 !== null && (rawGap < 0 ? c.ci95[1] < 0 : c.ci95[0] > 0);
  const usable = checks.filter((c) => !c.inseparable && c.gap !== null);
  const single = usable.filter((c) => c.by !== 'model' && explains(c)).sort((a, b) => Math.abs(a.gap!) - Math.abs(b.gap!));
  const full = checks[checks.length - 1];
  const explainer: Check | null = single[0] ?? (explains(full) ? full : null);
  const holds = explainer === null && usable.length > 0 && usable.every(survives) && usable.includes(full);
  const inseparableFrom = checks.filter((c) => c.inseparable && c.by !== 'model').map((c) => c.by as Factor);
  const shown = explainer ?? (usable.includes(full) ? full : ([...usable].sort((a, b) => Math.abs(a.gap!) - Math.abs(b.gap!))[0] ?? null));

  const subject = sliceSubject(finding.dimension, finding.label);
  const sentence = explanationSentence(subject, rawGap, rawCi95, explainer, holds, shown, usable, inseparableFrom, checks);
  return {
    finding: { dimension: finding.dimension, keys: finding.keys },
    label: finding.label,
    rawGap,
    rawCi95,
    adjustedGap: shown?.gap ?? null,
    ci95: shown?.ci95 ?? null,
    explainedBy: explainer ? (explainer.by as Explainer) : null,
    holds,
    inseparableFrom,
    sentence,
    checks,
  };
}

function modelCheck(finding: Finding, keys: ReadonlySet<string>, modelSet: DriverSet, blocks: FactorBlock[], flags: PatternName[]): Check {
  const base = { by: 'model' as const, oddsRatio: null, oddsRatioCi95: null, overlap: null, cramersV: null, inseparable: false };
  const inside = subset(modelSet, (i) => inFinding(modelSet.columns, i, finding.dimension, keys)).rows.length;
  if (inside === 0 || inside === modelSet.rows.length) {
    return { ...base, gap: null, ci95: null, p: null, note: 'the model has no tickets on one side of the finding' };
  }
  const model = fitModel(modelSet, designSpec(blocks, flags, { dimension: finding.dimension, keys }));
  const effect = contrast(model, { indicator: true }, { indicator: false });
  if (effect === null) {
    return { ...base, gap: null, ci95: null, p: null, note: `the full model did not fit (${model.fit.status})` };
  }
  return { ...base, gap: effect.ame, ci95: effect.ci95, p: effect.p, note: null };
}

function explanationSentence(
  subject: string,
  rawGap: number,
  rawCi95: [number, number],
  explainer: Check | null,
  holds: boolean,
  shown: Check | null,
  usable: readonly Check[],
  inseparableFrom: readonly Factor[],
  checks: readonly Check[],
): string {
  const opening = `${subject} score ${gapWords(rawGap)} than other tickets (95% CI ${ciWords(rawCi95)})`;
  const blind =
    inseparableFrom.length > 0
      ? ` The data cannot separate this from ${listWords(inseparableFrom.map((f) => causeWords(f)))}: ${inseparableNumbers(checks, inseparableFrom)}.`
      : '';
  if (explainer) {
    return `${opening}, but ${withinWords(explainer.by)} the gap is ${pointsOnly(explainer.gap!)} (95% CI ${ciWords(explainer.ci95!)}): explained by ${causeWords(explainer.by)}.${blind}`;
  }
  if (holds) {
    const names = usable.filter((c) => c.by !== 'model').map((c) => c.by);
    const full = usable.find((c) => c.by === 'model')!;
    const after = names.length > 0 ? `${listWords(names)}, one at a time and ` : '';
    return `${opening}; the gap holds after adjusting for ${after}all together: ${pointsOnly(full.gap!)} (95% CI ${ciWords(full.ci95!)}) with every other factor held fixed.${blind}`;
  }
  // Open: some adjustment blurs the gap (its CI reaches zero) without halving it. Name it.
  const blurred = usable.find((c) => c.ci95 !== null && c.ci95[0] <= 0 && c.ci95[1] >= 0);
  if (blurred) {
    return `${opening}; ${withinWords(blurred.by)} it is ${pointsOnly(blurred.gap!)} (95% CI ${ciWords(blurred.ci95!)}): no longer clearly different from zero, but not halved either, so these data neither explain it nor show it holding.${blind}`;
  }
  if (shown && shown.gap !== null && shown.ci95 !== null) {
    return `${opening}; ${withinWords(shown.by)} it is ${pointsOnly(shown.gap)} (95% CI ${ciWords(shown.ci95)}): not explained by any one factor, and not every adjustment could be made.${blind}`;
  }
  return `${opening}; no adjustment these data allow could be made.${blind}`;
}

function inseparableNumbers(checks: readonly Check[], factors: readonly Factor[]): string {
  return factors
    .map((f) => {
      const c = checks.find((x) => x.by === f)!;
      const overlap = c.overlap === null ? 'none' : `${Math.round(c.overlap * 100)}%`;
      const v = c.cramersV === null ? '' : `, Cramér's V ${c.cramersV.toFixed(2)}`;
      return `${overlap} of its rated tickets share a stratum of ${f} with other tickets${v}`;
    })
    .join('; ');
}

/** "1 point", "−3 points": a gap inside a sentence that already says what it is. */
function pointsOnly(gap: number): string {
  const n = Math.round(gap * 100);
  const sign = n < 0 ? '−' : n > 0 ? '+' : '';
  return `${sign}${Math.abs(n)} ${Math.abs(n) === 1 ? 'point' : 'points'}`;
}

function share(tickets: DriverSet): number {
  const { rows, columns } = tickets;
  return rows.length === 0 ? 0 : rows.filter((i) => columns.satisfied[i] === 1).length / rows.length;
}
