/** One unusable row, for `loyalty validate` and the report's data-quality section. */
export interface Problem {
  line: number;
  reason: string;
  /** Canonical column the problem is in; null for whole-row problems (ragged, summary). */
  column: string | null;
  value: string;
}
