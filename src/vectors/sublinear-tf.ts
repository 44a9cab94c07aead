/**
 * The sublinear term frequency of TF-IDF, 1 + ln c, for a count c ≥ 1: read
 * from a table for small counts (most counts in a note are 1 or 2), the same
 * values as computing them.
 *
 * @module
 */

/** 1 + ln c for c < 256 (the WebAssembly kernels get a copy in their memory). */
export const ONE_PLUS_LOG = Float64Array.from({ length: 256 }, (_, c) => 1 + Math.log(c));

/**
 * 1 + ln `c`, exactly `1 + Math.log(c)`.
 *
 * @param c - A count (a non-negative integer).
 * @returns 1 + ln c.
 *
 * @example
 * ```ts
 * onePlusLog(1); // 1
 * onePlusLog(3) === 1 + Math.log(3); // true
 * ```
 */
export function onePlusLog(c: number): number {
  return c < 256 ? ONE_PLUS_LOG[c]! : 1 + Math.log(c);
}
