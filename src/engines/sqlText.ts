import type { Dialect } from './dialects.js';

/** `'a', 'b'`: string literals for an IN list (the values are the code's own constants). */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
}

/**
 * How a source column is read in every query: `col` names it (NULL when absent), `clean`
 * reads it as trimmed text (the whitespace CTE's `w.chars`), `emailFolded` lower-cases an id
 * holding an @, as src/ingest/values/customerId.ts does.
 */
export function sqlText(d: Dialect) {
  const col = (name: string | null) => (name === null ? 'NULL' : d.identifier(name));
  return {
    col,
    clean: (name: string | null) => (name === null ? 'NULL' : d.trim(d.text(col(name)), 'w.chars')),
    emailFolded: (e: string) => `CASE WHEN ${e} LIKE '%@%' THEN LOWER(${e}) ELSE ${e} END`,
  };
}
