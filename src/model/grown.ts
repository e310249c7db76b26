/** A copy of typed array `a` with room for `n` elements (the rest zero), of the same type. */
export function grown<T extends Int32Array | Uint32Array | Uint8Array | Int8Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
