// Correctness of the optimised silhouette (pairwise distances computed once
// per chooseK call): the same value as the straightforward O(s²) loop.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { silhouette, silhouetteDistances } from '../src/cluster/choose-k';
import { createRandom, deriveSeed } from '../src/cluster/random';

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
}

function plainSilhouette(vectors: Float64Array[], labels: Int32Array, k: number, seed: number): number {
  let idx = Array.from(vectors.keys());
  if (idx.length > 600) {
    const random = createRandom(deriveSeed(seed, 777));
    idx = idx.filter(() => random() < 600 / vectors.length);
  }
  const sizes = new Int32Array(k);
  for (const i of idx) sizes[labels[i]!]!++;
  let total = 0;
  for (const i of idx) {
    const sums = new Float64Array(k);
    for (const j of idx) if (j !== i) sums[labels[j]!]! += 1 - dot(vectors[i]!, vectors[j]!);
    const own = labels[i]!;
    if (sizes[own]! <= 1) continue;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    if (!Number.isFinite(b)) continue;
    total += (b - a) / Math.max(a, b, 1e-12);
  }
  return total / idx.length;
}

describe('silhouette with precomputed distances', () => {
  it('equals the straightforward computation, for every k on the same distances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, dim, seed) => {
        const random = createRandom(seed);
        const vectors = Array.from({ length: n }, () => {
          const v = Float64Array.from({ length: dim }, () => random() - 0.5);
          const len = Math.hypot(...v) || 1;
          return v.map((x) => x / len);
        });
        const distances = silhouetteDistances(vectors, seed);
        for (const k of [2, 3, 5]) {
          const labels = Int32Array.from(vectors, () => Math.floor(random() * k));
          expect(silhouette(vectors, labels, k, seed, distances)).toBe(plainSilhouette(vectors, labels, k, seed));
          expect(silhouette(vectors, labels, k, seed)).toBe(plainSilhouette(vectors, labels, k, seed));
        }
      }),
      { numRuns: 25 },
    );
  });
});
