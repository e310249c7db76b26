/**
 * `read(rows[i])` for each i, as a Float64Array: a regressor over some members. A plain loop:
 * V8's generic Float64Array.from(array, fn) took about a second per column set at 500k members.
 */
export function memberColumn(rows: readonly number[], read: (m: number) => number): Float64Array {
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) values[i] = read(rows[i]!);
  return values;
}

/** `read(m)` for every member m < count, as a Float64Array. */
export function allMembersColumn(count: number, read: (m: number) => number): Float64Array {
  const values = new Float64Array(count);
  for (let m = 0; m < count; m++) values[m] = read(m);
  return values;
}
