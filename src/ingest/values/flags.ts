/**
 * Yes/no columns (resolved, first_contact_resolved) and counts (transfers, reopens, contacts).
 * Empty → null (not known); text that is neither → 'invalid' (the row is skipped and counted).
 *
 *   parseBoolean('Yes') === true; parseBoolean('') === null; parseCount('2') === 2
 */
export function parseBoolean(raw: string): boolean | null | 'invalid' {
  const text = raw.trim().toLowerCase();
  if (text === '') return null;
  if (text === 'true' || text === 'yes' || text === 'y' || text === '1') return true;
  if (text === 'false' || text === 'no' || text === 'n' || text === '0') return false;
  return 'invalid';
}

/** A non-negative whole number ("3", "3.0"). */
export function parseCount(raw: string): number | null | 'invalid' {
  const text = raw.trim();
  if (text === '') return null;
  if (!/^\d+(\.0+)?$/.test(text)) return 'invalid';
  return Number(text);
}

/** A non-negative number of seconds ("42", "12.5"). */
export function parseSeconds(raw: string): number | null | 'invalid' {
  const text = raw.trim();
  if (text === '') return null;
  if (!/^\d+(\.\d+)?$/.test(text)) return 'invalid';
  return Number(text);
}
