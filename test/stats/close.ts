import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ rel·|expected| (or exact equality when expected is 0). */
export function expectRelClose(actual: number | undefined, expected: number, rel = 1e-12): void {
  expect(actual).toBeTypeOf('number');
  if (expected === 0) {
    expect(actual).toBe(0);
    return;
  }
  const error = Math.abs(actual! - expected) / Math.abs(expected);
  if (!(error <= rel)) {
    expect.fail(`expected ${actual} to be within ${rel} (relative) of ${expected}; off by ${error}`);
  }
}
