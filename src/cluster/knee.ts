/**
 * The knee ("elbow") of a falling curve, as Kneedle finds it (Satopää et
 * al., 2011): scale k and the curve to [0, 1] and take the point farthest
 * below the straight line from the first to the last point. Used by the
 * automatic k on the clustering objective (within-theme spread), which
 * falls steeply while k splits real themes and slowly once it splits noise.
 */

/**
 * Knee scores of a falling curve: for each point, how far it lies below the
 * chord from the first to the last point, in the unit square (higher is
 * more knee-like; 0 at both ends). The knee is the point with the highest score.
 *
 * @param ks - The x values (e.g. the k tried), ascending.
 * @param values - The curve (e.g. the clustering objective per k), falling overall.
 * @returns One score per point, in order.
 *
 * @example
 * ```ts
 * kneeScores([2, 3, 4, 5, 6], [100, 40, 30, 25, 22]); // highest at k = 3
 * ```
 */
export function kneeScores(ks: readonly number[], values: readonly number[]): number[] {
  const n = ks.length;
  if (n !== values.length) throw new RangeError(`kneeScores: ${n} x values but ${values.length} curve values`);
  if (n < 3) return new Array(n).fill(0);
  const x0 = ks[0]!;
  const xSpan = ks[n - 1]! - x0;
  let hi = Number.NEGATIVE_INFINITY;
  let lo = Number.POSITIVE_INFINITY;
  for (const v of values) {
    hi = Math.max(hi, v);
    lo = Math.min(lo, v);
  }
  const ySpan = hi - lo;
  // A flat curve (up to rounding) has no knee.
  if (!(xSpan > 0) || !(ySpan > 1e-12 * Math.max(Math.abs(hi), Math.abs(lo), 1e-300))) return new Array(n).fill(0);
  return values.map((v, i) => {
    const x = (ks[i]! - x0) / xSpan;
    const y = (v - lo) / ySpan;
    return 1 - x - y;
  });
}
