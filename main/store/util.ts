// Small helpers shared by the store's modules.

/** A compact UTC time for file names: 20260101T120000Z. */
export function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export function yieldNow(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/** The first i in [0, n) where `before(i)` is false; `before` must hold for a prefix of [0, n) only (a binary search). */
export function firstNotBefore(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A copy of a typed array with room for at least `need` items (half as many again when more). */
export function grown<T extends Int32Array | Uint16Array>(a: T, need: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length + (a.length >> 1)));
  next.set(a);
  return next;
}
