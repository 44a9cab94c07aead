/**
 * Spherical k-means on unit vectors with `ml-kmeans`: our own seeded
 * k-means++ start (fast on typed arrays), cosine distance (so centroids act
 * as if renormalised), several restarts, the best objective kept.
 */
import { kmeans as mlKmeans } from 'ml-kmeans';
import { createRandom, deriveSeed, type Random } from './random';

/** A clustering of vectors. */
export interface Clustering {
  /** Cluster index of each vector. */
  labels: Int32Array;
  /** Mean vector of each cluster (not normalised). */
  centroids: Float64Array[];
  /** Sum over vectors of (1 - cosine to its centroid): lower is tighter. */
  objective: number;
}

/** Options of {@link sphericalKmeans}. */
export interface KmeansOptions {
  /** Seed of the starts. */
  seed: number;
  /** Number of seeded starts; the lowest objective wins. */
  restarts: number;
  /** Iteration cap per start. */
  maxIterations?: number;
  /** Above this many vectors the restarts run on a seeded sample of about this size (default 4000). */
  sampleLimit?: number;
}

/**
 * Clusters unit-length vectors into `k` groups by cosine similarity.
 *
 * @param vectors - Vectors of equal dimension, unit length (zero rows are allowed but should be filtered).
 * @param k - Number of clusters, 1 ≤ k ≤ vectors.length.
 * @param options - Seed and restarts.
 * @returns Labels, centroids and the objective of the best start.
 *
 * @example
 * ```ts
 * const { labels } = sphericalKmeans([a, b, c, d], 2, { seed: 1, restarts: 5 });
 * ```
 */
export function sphericalKmeans(vectors: Float64Array[], k: number, options: KmeansOptions): Clustering {
  const limit = options.sampleLimit ?? 4000;
  if (vectors.length > limit && k < limit) {
    // Large inputs: the restarts run on a seeded sample; one run on all
    // vectors then starts from the best sample centroids.
    const random = createRandom(deriveSeed(options.seed, 4242));
    const picked = vectors.filter(() => random() < limit / vectors.length);
    const fromSample = restartsOn(picked.length >= k ? picked : vectors.slice(0, limit), k, options);
    return runOnce(vectors, k, fromSample.centroids, options.seed, options.maxIterations);
  }
  return restartsOn(vectors, k, options);
}

function restartsOn(vectors: Float64Array[], k: number, options: KmeansOptions): Clustering {
  let best: Clustering | undefined;
  for (let r = 0; r < Math.max(1, options.restarts); r++) {
    const random = createRandom(deriveSeed(options.seed, r));
    const start = kmeansPlusPlus(vectors, k, random);
    const result = runOnce(vectors, k, start, deriveSeed(options.seed, r), options.maxIterations);
    if (!best || result.objective < best.objective - 1e-12) best = result;
  }
  return best!;
}

/** One ml-kmeans run from the given centres with the cosine distance. */
function runOnce(vectors: Float64Array[], k: number, start: Float64Array[], seed: number, maxIterations?: number): Clustering {
  const result = mlKmeans(vectors as unknown as number[][], k, {
    initialization: start.map((c) => Array.from(c)),
    distanceFunction: cosineDistance as unknown as (p: number[], q: number[]) => number,
    maxIterations: maxIterations ?? 100,
    tolerance: 1e-9,
    seed,
  });
  const labels = Int32Array.from(result.clusters);
  const centroids = result.centroids.map((c) => Float64Array.from(c));
  return { labels, centroids, objective: objectiveOf(vectors, labels, centroids) };
}

/** Cosine distance 1 - cos(a, b); 1 when either vector is zero. */
export function cosineDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 1;
  return 1 - dot / Math.sqrt(na * nb);
}

/** Sum of cosine distances of each vector to its centroid. */
export function objectiveOf(vectors: Float64Array[], labels: Int32Array, centroids: Float64Array[]): number {
  let sum = 0;
  for (let i = 0; i < vectors.length; i++) sum += cosineDistance(vectors[i]!, centroids[labels[i]!]!);
  return sum;
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007) on unit vectors: the first
 * centre uniformly, each next one with probability proportional to its
 * squared distance from the nearest chosen centre.
 */
export function kmeansPlusPlus(vectors: Float64Array[], k: number, random: Random): Float64Array[] {
  const n = vectors.length;
  const chosen: number[] = [Math.floor(random() * n)];
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  while (chosen.length < k) {
    const last = vectors[chosen[chosen.length - 1]!]!;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = squaredDistance(vectors[i]!, last);
      if (d < nearest[i]!) nearest[i] = d;
      total += nearest[i]!;
    }
    let pick = -1;
    if (total > 0) {
      let target = random() * total;
      for (let i = 0; i < n; i++) {
        target -= nearest[i]!;
        if (target < 0) {
          pick = i;
          break;
        }
      }
      if (pick < 0) pick = lastPositive(nearest);
    } else {
      // All remaining points coincide with a centre: take the next unused index.
      pick = firstUnused(chosen, n);
    }
    chosen.push(pick);
  }
  return chosen.map((i) => vectors[i % n]!.slice());
}

function squaredDistance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    s += d * d;
  }
  return s;
}

function lastPositive(values: Float64Array): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i]! > 0) return i;
  return 0;
}

function firstUnused(chosen: number[], n: number): number {
  const used = new Set(chosen);
  for (let i = 0; i < n; i++) if (!used.has(i)) return i;
  return 0;
}
