import type { MarginalEffect } from '../stats/averageMarginalEffect.js';
import { designSpec, type FactorBlock } from './driverDesign.js';
import { contrast, fitModel, type FittedModel } from './driverModel.js';
import { ciWords, gapWords, pWords } from './driverSentences.js';
import { type DriverSet, levelOf, subset } from './driverTickets.js';
import type { Pattern, PatternBand, PatternName } from './driversResult.js';

/**
 * The service patterns: each one's adjusted CSAT effect (average marginal effect, every
 * factor of the model held as observed), its CI, and the share of tickets it applies to.
 * Transfer, reopen and repeat contact are columns of the main model. Wait is a factor there
 * (bands vs the usual wait); its headline effect comes from the same model with the bands
 * replaced by one flag, "waited more than twice the usual for the channel". First-contact
 * resolution overlaps transfers and reopens (a transferred or reopened ticket is rarely
 * resolved first time), so it gets its own model with it in their place.
 */
export const PATTERN_LABELS: Record<PatternName, string> = {
  wait: 'whose customer waited more than twice the usual for the channel',
  transferred: 'transferred at least once',
  reopened: 'reopened at least once',
  repeatContact: 'from a customer who had already contacted support in the 7 days before',
  firstContactResolved: 'resolved on first contact',
};

type Raw = Omit<Pattern, 'adjP' | 'sentence'>;

export function patternEffects(
  main: FittedModel,
  tickets: DriverSet,
  modelSet: DriverSet,
  blocks: FactorBlock[],
): Raw[] {
  const out: Raw[] = [];
  const waitBlock = blocks.find((b) => b.factor === 'wait');
  if (waitBlock && present(tickets, 'wait')) {
    const others = blocks.filter((b) => b !== waitBlock);
    const model = fitModel(modelSet, designSpec(others, ['wait', ...main.spec.flags]));
    const effect = contrast(model, { flag: 'wait', value: true }, { flag: 'wait', value: false });
    if (effect) out.push({ ...entry('wait', tickets, effect), bands: waitBands(main, waitBlock, modelSet) });
  }
  for (const flag of main.spec.flags) {
    const effect = contrast(main, { flag, value: true }, { flag, value: false });
    if (effect) out.push(entry(flag, tickets, effect));
  }
  if (present(tickets, 'firstContactResolved')) {
    const flags = main.spec.flags.filter((f) => f !== 'transferred' && f !== 'reopened');
    const resolved = modelSet.columns.flags.firstContactResolved;
    const usable = subset(modelSet, (i) => resolved[i] >= 0);
    if (!usable.rows.some((i) => resolved[i] === 1) || usable.rows.every((i) => resolved[i] === 1)) return out;
    const model = fitModel(usable, designSpec(blocks, [...flags, 'firstContactResolved']));
    const effect = contrast(model, { flag: 'firstContactResolved', value: true }, { flag: 'firstContactResolved', value: false });
    if (effect) out.push(entry('firstContactResolved', tickets, effect));
  }
  return out;
}

export function patternSentence(p: Pattern): string {
  const verdict = p.adjP < 0.05 ? '' : ', not significant';
  const share = `${Math.round(p.share * 100)}% of tickets`;
  return (
    `Tickets ${p.label} (${share}) score ${gapWords(p.effect)} with everything else held fixed ` +
    `(95% CI ${ciWords(p.ci95)}; ${pWords(p.p)}, adjusted ${pWords(p.adjP).slice(2)}${verdict}).`
  );
}

function entry(name: PatternName, tickets: DriverSet, effect: MarginalEffect): Raw {
  const flag = tickets.columns.flags[name];
  const known = tickets.rows.filter((i) => flag[i] >= 0);
  const share = known.length === 0 ? 0 : known.filter((i) => flag[i] === 1).length / known.length;
  return { name, label: PATTERN_LABELS[name], share, effect: effect.ame, ci95: effect.ci95, p: effect.p };
}

function waitBands(main: FittedModel, block: FactorBlock, modelSet: DriverSet): PatternBand[] {
  const bands: PatternBand[] = [];
  for (const level of block.levels) {
    const effect = contrast(main, { factor: 'wait', level }, { factor: 'wait', level: block.reference });
    if (!effect) continue;
    const n = modelSet.rows.filter((i) => block.pool.get(levelOf(modelSet.columns, 'wait', i)!) === level).length;
    bands.push({ key: level, share: n / modelSet.rows.length, effect: effect.ame, ci95: effect.ci95, p: effect.p });
  }
  return bands;
}

function present(tickets: DriverSet, name: PatternName): boolean {
  const flag = tickets.columns.flags[name];
  return tickets.rows.some((i) => flag[i] >= 0);
}
