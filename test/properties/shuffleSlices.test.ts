import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeSlices } from '../../src/analysis/slices.js';
import { stableNumbers } from '../../src/report/format.js';
import { tickets, ticketSurface } from './arbitraries.js';
import { ticketsFrom } from './parse.js';
import { shuffle } from './shuffleRows.js';
import { writeTickets } from './surface.js';

/**
 * The slices analysis gives the same result whatever the row order of the tickets file
 * (numbers compared as every output prints them: to 10 significant digits, so a sum taken in
 * another order may differ in its last bits but not in any report).
 */
describe('shuffling rows', () => {
  test('slices: identical result for a shuffled tickets file', async () => {
    await fc.assert(
      fc.asyncProperty(tickets, ticketSurface, fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (dataset, surface, seed) => {
        const a = await ticketsFrom(writeTickets(dataset, surface));
        const b = await ticketsFrom(writeTickets(shuffle(dataset, seed), surface));
        const options = { by: null, minRated: 1 };
        expect(stableNumbers(analyzeSlices(b, options))).toEqual(stableNumbers(analyzeSlices(a, options)));
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});
