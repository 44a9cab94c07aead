/**
 * Neighbourhood smoothing of unit vectors: each vector is mixed with the
 * mean of its nearest neighbours (cosine) and scaled back to unit length.
 * Short notes share few words; their neighbours fill in the topic.
 */

/**
 * Mixes each unit vector with the mean of its `neighbours` nearest others.
 *
 * @param vectors - Unit vectors of equal dimension.
 * @param neighbours - How many nearest vectors are averaged.
 * @param alpha - Weight of the neighbour mean (0 = unchanged).
 * @returns New unit vectors, same order.
 *
 * @example
 * ```ts
 * const smoothed = knnSmooth(unitVectors, 10, 1);
 * ```
 */
export function knnSmooth(vectors: Float64Array[], neighbours: number, alpha: number): Float64Array[] {
  const n = vectors.length;
  const d = vectors[0]?.length ?? 0;
  const m = Math.min(neighbours, n - 1);
  if (m < 1 || alpha <= 0) return vectors;
  const flat = new Float64Array(n * d);
  vectors.forEach((v, i) => {
    flat.set(v, i * d);
  });
  const sims = new Float64Array(n);
  const top = new Int32Array(m);
  const topSim = new Float64Array(m);
  return vectors.map((v, i) => {
    for (let j = 0; j < n; j++) {
      let s = 0;
      const o = j * d;
      for (let a = 0; a < d; a++) s += v[a]! * flat[o + a]!;
      sims[j] = s;
    }
    sims[i] = Number.NEGATIVE_INFINITY;
    // keep the m largest (ascending insertion; m is small)
    let count = 0;
    for (let j = 0; j < n; j++) {
      const s = sims[j]!;
      if (count < m) {
        let p = count++;
        while (p > 0 && topSim[p - 1]! > s) {
          topSim[p] = topSim[p - 1]!;
          top[p] = top[p - 1]!;
          p--;
        }
        topSim[p] = s;
        top[p] = j;
      } else if (s > topSim[0]!) {
        let p = 0;
        while (p + 1 < m && topSim[p + 1]! < s) {
          topSim[p] = topSim[p + 1]!;
          top[p] = top[p + 1]!;
          p++;
        }
        topSim[p] = s;
        top[p] = j;
      }
    }
    const out = new Float64Array(d);
    for (let t = 0; t < count; t++) {
      const o = top[t]! * d;
      for (let a = 0; a < d; a++) out[a]! += flat[o + a]!;
    }
    let sq = 0;
    for (let a = 0; a < d; a++) {
      out[a] = v[a]! + (alpha * out[a]!) / count;
      sq += out[a]! * out[a]!;
    }
    const len = Math.sqrt(sq);
    if (len > 0) for (let a = 0; a < d; a++) out[a]! /= len;
    return out;
  });
}
