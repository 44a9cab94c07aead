// Correctness of the optimised silhouette (pairwise distances computed once
// per chooseK call): the same value as the straightforward O(s²) loop.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseK, silhouette, silhouetteDistances } from '../src/cluster/choose-k';
import { sphericalKmeans } from '../src/cluster/kmeans';
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
        // Duplicates: distances of (rounded) zero, or a little below it.
        for (let i = 9; i < n; i += 9) vectors[i] = vectors[i - 9]!.slice();
        const distances = silhouetteDistances(vectors, seed);
        for (const k of [1, 2, 3, 5, 17]) {
          const labels = Int32Array.from(vectors, () => Math.floor(random() * k));
          expect(silhouette(vectors, labels, k, seed, distances)).toBe(plainSilhouette(vectors, labels, k, seed));
          expect(silhouette(vectors, labels, k, seed)).toBe(plainSilhouette(vectors, labels, k, seed));
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('chooseK with the silhouette: one start per k, all restarts for the best few', () => {
  it('scores the refined k as with all restarts and the others as with one start; refine ≥ range = all restarts', () => {
    const random = createRandom(5);
    const vectors = Array.from({ length: 240 }, (_, i) => {
      const v = Float64Array.from({ length: 6 }, (_, d) => (d === i % 6 ? 1 : 0) + 0.6 * (random() - 0.5));
      const len = Math.hypot(...v);
      return v.map((x) => x / len);
    });
    const bounds = { min: 2, max: 10 };
    const distances = silhouetteDistances(vectors, 3);
    const scoreWith = (k: number, restarts: number) =>
      silhouette(vectors, sphericalKmeans(vectors, k, { seed: deriveSeed(3, 1000 + k), restarts }).labels, k, 3, distances);
    const full = chooseK(vectors, bounds, { seed: 3, criterion: 'silhouette', refine: 100 });
    for (const s of full.scores) expect(s.score).toBe(scoreWith(s.k, 3));
    const quick = chooseK(vectors, bounds, { seed: 3, criterion: 'silhouette', refine: 3 });
    const oneStart = quick.scores.map((s) => ({ k: s.k, score: scoreWith(s.k, 1) }));
    const refined = [...oneStart].sort((a, b) => b.score - a.score || a.k - b.k).slice(0, 3).map((s) => s.k);
    for (const s of quick.scores) expect(s.score).toBe(scoreWith(s.k, refined.includes(s.k) ? 3 : 1));
    const best = Math.max(...quick.scores.map((s) => s.score));
    expect(quick.scores.find((s) => s.k === quick.k)!.score).toBe(best);
  });
});
