import type { LoadedTickets } from '../ingest/records.js';
import { benjaminiHochberg } from '../stats/benjaminiHochberg.js';
import { cramersV } from '../stats/cramersV.js';
import { designSpec, factorBlocks, modelTickets, type DesignSpec, type FactorBlock } from './driverDesign.js';
import { explainFinding } from './driverExplanations.js';
import { contrast, fitModel, levelContrasts, type FittedModel } from './driverModel.js';
import { patternEffects, patternSentence } from './driverPatterns.js';
import { causeWords, listWords } from './driverSentences.js';
import { type DriverSet, driverTickets, levelOf, subset } from './driverTickets.js';
import type { Dimension, SliceResult } from './sliceResult.js';
import type { CollinearPair, DriversOptions, DriversResult, Effect, Factor, ModelSummary, PatternName } from './driversResult.js';

/**
 * Why, not just where: separates a `slices` finding from its cause.
 *
 * 1. A logistic regression of satisfied (rated tickets) on hour, weekday, reason,
 *    channel and agent, plus wait band, transfer, reopen and repeat contact when present;
 *    levels with fewer than minRated rated tickets pooled into "(other)".
 * 2. Each level's average marginal effect vs its factor's largest level, with a delta-method
 *    CI and p, Benjamini–Hochberg adjusted across all levels and patterns.
 * 3. Each finding of `slices` checked by stratifying for every other factor (Mantel–Haenszel)
 *    and in the full model: explained by a factor, holding, or open (driverExplanations.ts).
 * 4. Service patterns with their adjusted effects (driverPatterns.ts).
 *
 * Pure: tickets and the slices result in, result out. Observational data: an adjusted gap
 * is still an association, and factors the data cannot tell apart are named, not chosen.
 */
export function analyzeDrivers(tickets: LoadedTickets, slices: SliceResult, options: DriversOptions): DriversResult {
  const dimensions = slices.options.by;
  const waits = tickets.table.waitSeconds.subarray(0, tickets.table.length);
  const hasWait = waits.some((wait) => wait === wait);
  const all = driverTickets(tickets.table, dimensions, hasWait);
  const { satisfied } = all.columns;
  const rated = subset(all, (i) => satisfied[i] >= 0);
  const factors: Factor[] = [...dimensions, ...(hasWait ? (['wait'] as const) : [])];
  const flags = (['transferred', 'reopened', 'repeatContact'] as const).filter((f) => all.rows.some((i) => all.columns.flags[f][i] >= 0));

  const { kept, dropped } = modelTickets(all, factors, flags);
  const { blocks, pooled } = factorBlocks(kept, factors, options.minRated);
  // A pattern that no rated ticket (or every one) shows has nothing to compare: left out.
  const varying = flags.filter((f) => kept.rows.some((i) => kept.columns.flags[f][i] === 1) && kept.rows.some((i) => kept.columns.flags[f][i] !== 1));
  const spec = designSpec(blocks, varying);
  const main = fitModel(kept, spec);

  const effects = levelEffects(main, blocks.filter((b) => b.factor !== 'wait'));
  const raw = main.fit.status === 'converged' ? patternEffects(main, all, kept, blocks) : [];
  const adjusted = benjaminiHochberg([...Object.values(effects).flatMap((list) => list.map((e) => e.p)), ...raw.map((p) => p.p)]);
  let k = 0;
  for (const list of Object.values(effects)) for (const e of list) e.adjP = adjusted[k++];
  const patterns = raw.map((p) => {
    const withAdj = { ...p, adjP: adjusted[k++], sentence: '' };
    return { ...withAdj, sentence: patternSentence(withAdj) };
  });

  const explanations = slices.findings.map((f) => explainFinding(f, rated, kept, factors, blocks, varying));
  const model: ModelSummary = {
    n: kept.rows.length,
    levels: Object.fromEntries(blocks.map((b) => [b.factor, { reference: b.reference, levels: ordered(b) }])),
    dropped,
    pooled,
    flags: varying,
    status: main.fit.status,
    caveat: caveat(main, spec),
    collinear: collinearPairs(kept, blocks),
  };
  const csat = rated.rows.length > 0 ? rated.rows.filter((i) => satisfied[i] === 1).length / rated.rows.length : null;
  return {
    options: { ...options, dimensions },
    rated: rated.rows.length,
    csat,
    model,
    effects,
    explanations,
    patterns,
    headline: headline(explanations, rated.rows.length),
  };
}

function levelEffects(main: FittedModel, blocks: FactorBlock[]): Partial<Record<Dimension, Effect[]>> {
  const out: Partial<Record<Dimension, Effect[]>> = {};
  if (main.fit.status !== 'converged') return out;
  for (const block of blocks) {
    const effects = levelContrasts(main, block.factor, block.levels, block.reference)!;
    out[block.factor as Dimension] = block.levels.map((level, l) => {
      const e = effects[l]!;
      return { key: level, ame: e.ame, ci95: e.ci95, p: e.p, adjP: e.p };
    });
  }
  return out;
}

function ordered(block: FactorBlock): string[] {
  // The reference first, then the other levels in display order.
  return [block.reference, ...block.levels];
}

/**
 * Two factors are "nearly the same thing" when Cramér's V between their (pooled) levels over
 * the model's tickets is at least 0.9. The model then cannot share the gap between them, and
 * the Drivers section says so instead of attributing it to either.
 */
function collinearPairs(tickets: DriverSet, blocks: FactorBlock[]): CollinearPair[] {
  const pairs: CollinearPair[] = [];
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      const a = blocks[i];
      const b = blocks[j];
      const aLevels = [a.reference, ...a.levels];
      const bLevels = [b.reference, ...b.levels];
      const table = aLevels.map(() => new Array<number>(bLevels.length).fill(0));
      for (const t of tickets.rows) {
        const at = aLevels.indexOf(a.pool.get(levelOf(tickets.columns, a.factor, t)!)!);
        table[at][bLevels.indexOf(b.pool.get(levelOf(tickets.columns, b.factor, t)!)!)] += 1;
      }
      const v = cramersV(table);
      if (v !== null && v >= 0.9) {
        pairs.push({
          a: a.factor,
          b: b.factor,
          cramersV: v,
          sentence: `${causeWords(a.factor)} and ${causeWords(b.factor)} are nearly the same thing in these data (Cramér's V ${v.toFixed(2)}): the data cannot separate their effects.`,
        });
      }
    }
  }
  return pairs;
}

function caveat(main: FittedModel, spec: DesignSpec): string | null {
  const { status, suspect } = main.fit;
  if (status === 'converged') return null;
  const names = suspect.map((j) => columnName(spec, j)).filter((n) => n !== null);
  const where = names.length > 0 ? ` (${listWords(names as string[])})` : '';
  switch (status) {
    case 'separation':
      return `The model could not be fitted: some levels${where} are satisfied (or unsatisfied) on every ticket, so their effects are infinite. No adjusted effects are given; raise --min-rated to pool them.`;
    case 'singular':
      return `The model could not be fitted: some columns${where} say the same thing as others, so their effects cannot be told apart. No adjusted effects are given.`;
    default:
      return 'The model did not converge, so no adjusted effects are given.';
  }
}

function columnName(spec: DesignSpec, j: number): string | null {
  if (j === 0) return 'the intercept';
  let col = 1;
  for (const block of spec.factors) {
    if (j < col + block.levels.length) return `${block.factor} = ${block.levels[j - col]}`;
    col += block.levels.length;
  }
  const flag = spec.flags[j - col];
  return flag ?? null;
}

function headline(explanations: DriversResult['explanations'], rated: number): string {
  if (rated === 0) return 'No ticket has a satisfaction score, so there is nothing to explain.';
  if (explanations.length === 0) return 'No slice differs significantly, so there is no gap to explain.';
  const explained = explanations.filter((e) => e.explainedBy !== null);
  const holding = explanations.filter((e) => e.holds);
  const parts: string[] = [];
  if (explained.length > 0) parts.push(`${explained.length} of ${explanations.length} findings are explained by another factor`);
  if (holding.length > 0) parts.push(`${holding.length} hold after every adjustment`);
  const rest = explanations.length - explained.length - holding.length;
  if (rest > 0) parts.push(`${rest} stay open`);
  return `${capitalise(listWords(parts))}. ${explanations[0].sentence}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type { PatternName };
