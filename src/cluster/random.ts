/**
 * The one source of randomness: a small seeded generator (mulberry32), so
 * the same seed gives the same themes on every platform.
 */

/** A function returning uniform floats in [0, 1). */
export type Random = () => number;

/**
 * Creates a seeded random generator.
 *
 * @param seed - Any integer.
 * @returns A generator of floats in [0, 1).
 *
 * @example
 * ```ts
 * const random = createRandom(42);
 * random(); // always the same first value for seed 42
 * ```
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded generator that can also jump ahead. */
export interface SkippableRandom {
  /** The next float in [0, 1): the same sequence as {@link createRandom} of the seed. */
  next: Random;
  /** Jumps over `count` values, as `count` calls of `next` would (without computing them). */
  skip: (count: number) => void;
  /**
   * Writes `count` standard normal values into `out` from `start` on, each by
   * Box–Muller from two values of the sequence, `u = 1 - next()` and
   * `v = next()`: `√(−2 ln u) · cos(2πv)` (`1 - next()` avoids log 0). The
   * same numbers as that formula with `next`, without a call per value.
   */
  gaussians: (out: Float64Array, start: number, count: number) => void;
}

/**
 * {@link createRandom} with a jump: mulberry32's state advances by a constant
 * per value, so skipping `count` values is one multiplication.
 *
 * @example
 * ```ts
 * const r = createSkippableRandom(42);
 * r.skip(2);
 * r.next(); // = the third value of createRandom(42)
 * ```
 */
export function createSkippableRandom(seed: number): SkippableRandom {
  let state = seed >>> 0;
  return {
    next: () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    skip: (count) => {
      state = (state + Math.imul(count >>> 0, 0x6d2b79f5)) >>> 0;
    },
    gaussians: (out, start, count) => {
      // mulberry32 twice per value, written out (as in `next`) so the loop makes no calls.
      let s = state;
      for (let i = start; i < start + count; i++) {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        const u = 1 - ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        s = (s + 0x6d2b79f5) >>> 0;
        t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        const v = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      }
      state = s;
    },
  };
}

/** Derives an independent integer seed for sub-task `index` of a run. */
export function deriveSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

/**
 * Up to `size` of the indices 0 … n-1, drawn without replacement by a
 * partial Fisher–Yates shuffle seeded with `deriveSeed(seed, salt)`, ascending.
 * The salt keeps samples of different steps of one run independent.
 *
 * @example
 * ```ts
 * seededSample(10, 3, 42, 1); // three ascending indices, always the same for seed 42 and salt 1
 * ```
 */
export function seededSample(n: number, size: number, seed: number, salt: number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  if (n <= size) return idx;
  const random = createRandom(deriveSeed(seed, salt));
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx.slice(0, size).sort((a, b) => a - b);
}
