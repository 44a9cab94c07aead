// Correctness of the optimised k-means code: the typed-array Lloyd loop
// used for the sampled restarts must give exactly what ml-kmeans gives with
// the cosine distance from the same start (no timings here).
import fc from 'fast-check';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import {
  type Clustering,
  cosineDistance,
  kmeansPlusPlus,
  kmeansPlusPlusPacked,
  lloydCosine,
  objectiveOf,
  pack,
  sphericalKmeans,
} from '../src/cluster/kmeans';
import { createRandom, deriveSeed } from '../src/cluster/random';

function unitVectors(n: number, dim: number, seed: number, groups: number): Float64Array[] {
  const random = createRandom(seed);
  const centres = Array.from({ length: groups }, () => Float64Array.from({ length: dim }, () => random() - 0.5));
  return Array.from({ length: n }, (_, i) => {
    const c = centres[i % groups]!;
    const v = Float64Array.from(c, (x) => x + 0.4 * (random() - 0.5));
    // Some exact duplicates and a zero-free unit length, as the LSA rows.
    const len = Math.hypot(...v);
    return v.map((x) => x / len);
  });
}

function viaMl(vectors: Float64Array[], start: Float64Array[], maxIterations: number) {
  const result = mlKmeans(vectors as unknown as number[][], start.length, {
    initialization: start.map((c) => Array.from(c)),
    distanceFunction: cosineDistance as unknown as (p: number[], q: number[]) => number,
    maxIterations,
    tolerance: 1e-9,
  });
  return { labels: Int32Array.from(result.clusters), centroids: result.centroids.map((c) => Float64Array.from(c)) };
}

describe('lloydCosine (typed-array replica of ml-kmeans with cosine distance)', () => {
  it('gives identical labels and centroids on random data', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 60 }),
        (n, dim, kWanted, seed, maxIterations) => {
          const vectors = unitVectors(n, dim, seed, Math.max(1, kWanted - 1));
          // Duplicates make ties and empty clusters likely.
          for (let i = 0; i < n; i += 7) vectors[i] = vectors[0]!.slice();
          const k = Math.min(kWanted, n);
          const start = kmeansPlusPlus(vectors, k, createRandom(seed ^ 77));
          const mine = lloydCosine(pack(vectors), start, maxIterations, 1e-9);
          const theirs = viaMl(vectors, start, maxIterations);
          expect(Array.from(mine.labels)).toEqual(Array.from(theirs.labels));
          expect(mine.centroids.map((c) => Array.from(c))).toEqual(theirs.centroids.map((c) => Array.from(c)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives identical results on a larger set (distance bounds skip most vectors)', () => {
    const vectors = unitVectors(3000, 20, 11, 25);
    const start = kmeansPlusPlus(vectors, 20, createRandom(3));
    const mine = lloydCosine(pack(vectors), start, 100, 1e-9);
    const theirs = viaMl(vectors, start, 100);
    expect(mine.iterations).toBeGreaterThan(5);
    expect(Array.from(mine.labels)).toEqual(Array.from(theirs.labels));
    expect(mine.centroids.map((c) => Array.from(c))).toEqual(theirs.centroids.map((c) => Array.from(c)));
  });

  it('handles a start with duplicate centres (an empty cluster keeps its centre)', () => {
    const vectors = unitVectors(50, 4, 5, 3);
    const start = [vectors[0]!.slice(), vectors[0]!.slice(), vectors[1]!.slice()];
    const mine = lloydCosine(pack(vectors), start, 100, 1e-9);
    const theirs = viaMl(vectors, start, 100);
    expect(Array.from(mine.labels)).toEqual(Array.from(theirs.labels));
    expect(mine.centroids.map((c) => Array.from(c))).toEqual(theirs.centroids.map((c) => Array.from(c)));
  });
});

/** The straightforward spherical k-means: every run in ml-kmeans (as before the optimisation). */
function straightforward(vectors: Float64Array[], k: number, seed: number, restarts: number, limit: number): Clustering {
  const run = (vs: Float64Array[], start: Float64Array[]): Clustering => {
    const { labels, centroids } = viaMl(vs, start, 100);
    return { labels, centroids, objective: objectiveOf(vs, labels, centroids) };
  };
  const restartsOn = (vs: Float64Array[]): Clustering => {
    let best: Clustering | undefined;
    for (let r = 0; r < restarts; r++) {
      const result = run(vs, kmeansPlusPlus(vs, k, createRandom(deriveSeed(seed, r))));
      if (!best || result.objective < best.objective - 1e-12) best = result;
    }
    return best!;
  };
  if (vectors.length > limit && k < limit) {
    const random = createRandom(deriveSeed(seed, 4242));
    const picked = vectors.filter(() => random() < limit / vectors.length);
    return run(vectors, restartsOn(picked.length >= k ? picked : vectors.slice(0, limit)).centroids);
  }
  return restartsOn(vectors);
}

describe('sphericalKmeans (optimised) equals the all-ml-kmeans procedure', () => {
  it('on small and sampled (large-path) inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 300 }),
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 20, max: 400 }),
        (n, dim, kWanted, seed, restarts, limit) => {
          const vectors = unitVectors(n, dim, seed, Math.max(1, kWanted));
          const k = Math.min(kWanted, n);
          const mine = sphericalKmeans(vectors, k, { seed, restarts, sampleLimit: limit });
          const theirs = straightforward(vectors, k, seed, restarts, limit);
          expect(Array.from(mine.labels)).toEqual(Array.from(theirs.labels));
          expect(mine.centroids.map((c) => Array.from(c))).toEqual(theirs.centroids.map((c) => Array.from(c)));
          expect(mine.objective).toBe(theirs.objective);
          const typed = sphericalKmeans(vectors, k, { seed, restarts, sampleLimit: limit, typedOnly: true });
          expect(Array.from(typed.labels)).toEqual(Array.from(theirs.labels));
          expect(typed.centroids.map((c) => Array.from(c))).toEqual(theirs.centroids.map((c) => Array.from(c)));
          expect(typed.objective).toBe(theirs.objective);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('kmeansPlusPlusPacked equals kmeansPlusPlus', () => {
  it('the same draws and centres, with duplicates and zero rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (n, dim, kWanted, seed) => {
          const vectors = unitVectors(n, dim, seed, Math.max(1, kWanted - 2));
          for (let i = 0; i < n; i += 5) vectors[i] = vectors[0]!.slice();
          if (n > 3) vectors[3] = new Float64Array(dim);
          const k = Math.min(kWanted, n);
          const plain = kmeansPlusPlus(vectors, k, createRandom(seed));
          const packed = kmeansPlusPlusPacked(pack(vectors), k, createRandom(seed));
          expect(packed.map((c) => Array.from(c))).toEqual(plain.map((c) => Array.from(c)));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('when every point coincides with a chosen centre (the next unused index)', () => {
    const same = Array.from({ length: 6 }, () => Float64Array.of(1, 0));
    const plain = kmeansPlusPlus(same, 4, createRandom(9));
    const packed = kmeansPlusPlusPacked(pack(same), 4, createRandom(9));
    expect(packed.map((c) => Array.from(c))).toEqual(plain.map((c) => Array.from(c)));
  });
});
