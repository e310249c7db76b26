import { describe, expect, it } from 'vitest';
import { analyzeSlices } from '../../src/analysis/slices.js';
import { slicesJson } from '../../src/report/slicesJson.js';
import { loaded, rated } from '../analysis/sliceTickets.js';

describe('slicesJson', () => {
  it('puts overall, dimensions, tests and findings first and data quality last', () => {
    const tickets = loaded(rated(10, 8));
    const json = slicesJson(analyzeSlices(tickets, { by: ['weekday'], minRated: 30 }), tickets.quality);
    expect(Object.keys(json)).toEqual(['overall', 'dimensions', 'tests', 'findings', 'headline', 'heatmap', 'options', 'dataQuality']);
    expect(json.dataQuality.tickets).toBe(tickets.quality);
    expect(Object.keys(json.dimensions)).toEqual(['weekday']);
  });
});
