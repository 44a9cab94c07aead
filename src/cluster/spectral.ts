/**
 * Spectral clustering (Ng, Jordan & Weiss 2002) on a k-nearest-neighbour
 * graph of unit vectors: cosine kNN graph → symmetric normalised affinity
 * D^-1/2 W D^-1/2 → its top eigenvectors (randomized SVD of the shifted,
 * positive semi-definite sparse matrix (I + A) / 2) → rows scaled to unit
 * length → spherical k-means (ml-kmeans). Above `sampleLimit` vectors the
 * graph is built on a seeded sample and every vector then joins the theme
 * whose centre (in the original space) is nearest, refined by one ml-kmeans
 * run on all vectors; so the cost stays O(sample² · dims + n · k · dims).
 */
import type { SparseMatrix } from '../vectors/sparse';
import { randomizedSvd } from '../vectors/svd';
import { type Clustering, sphericalKmeans } from './kmeans';
import { deriveSeed, seededSample } from './random';

/** Options of {@link spectralClustering}. */
export interface SpectralOptions {
  /** Seed of every random choice. */
  seed: number;
  /** Restarts of the k-means on the embedding. */
  restarts: number;
  /** Neighbours per vector in the graph (default 15). */
  neighbours?: number;
  /** Largest number of vectors the graph is built on (default 2500). */
  sampleLimit?: number;
  /** Eigenvectors beyond k kept in the embedding (default 0). */
  extra?: number;
}

/**
 * Clusters unit vectors into `k` groups by spectral clustering on their
 * cosine kNN graph.
 *
 * @param vectors - Unit vectors of equal dimension.
 * @param k - Number of clusters, 1 ≤ k ≤ vectors.length.
 * @param options - Seed, restarts, neighbours, sample limit.
 * @returns Labels and the centroids (in the space of `vectors`) of the clusters.
 *
 * @example
 * ```ts
 * const { labels } = spectralClustering(unitVectors, 3, { seed: 1, restarts: 5 });
 * ```
 */
export function spectralClustering(vectors: Float64Array[], k: number, options: SpectralOptions): Clustering {
  const n = vectors.length;
  const limit = options.sampleLimit ?? 2500;
  const knn = Math.max(1, Math.min(options.neighbours ?? 15, n - 1));
  if (k <= 1 || n <= k + 1 || knn < 2) return sphericalKmeans(vectors, Math.max(1, Math.min(k, n)), options);
  const sample = n > limit ? seededSample(n, limit, options.seed, 9091) : null;
  const points = sample ? sample.map((i) => vectors[i]!) : vectors;
  const embedding = spectralEmbedding(points, k + (options.extra ?? 0), knn, options.seed);
  const clustered = sphericalKmeans(embedding, k, { seed: options.seed, restarts: options.restarts });
  const centroids = centresOf(points, clustered.labels, k);
  if (!sample) return { labels: clustered.labels, centroids, objective: objective(vectors, clustered.labels, centroids) };
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = nearest(vectors[i]!, centroids);
  const all = centresOf(vectors, labels, k);
  return { labels, centroids: all, objective: objective(vectors, labels, all) };
}

/**
 * The spectral embedding of unit vectors: rows of the top `dims`
 * eigenvectors of the normalised kNN affinity, scaled to unit length.
 *
 * @example
 * ```ts
 * const rows = spectralEmbedding(unitVectors, 5, 10, 1);
 * ```
 */
export function spectralEmbedding(points: Float64Array[], dims: number, knn: number, seed: number): Float64Array[] {
  const graph = knnGraph(points, knn);
  const n = points.length;
  const r = Math.max(1, Math.min(dims, n - 1));
  const svd = randomizedSvd(graph, r, { seed: deriveSeed(seed, 777), powerIterations: 12, oversample: 10 });
  const w = svd.rank;
  return Array.from({ length: n }, (_, i) => {
    const v = new Float64Array(Math.max(w, 1));
    let sq = 0;
    for (let a = 0; a < w; a++) {
      v[a] = svd.u[i * w + a]!;
      sq += v[a]! * v[a]!;
    }
    const len = Math.sqrt(sq);
    if (len > 1e-12) for (let a = 0; a < w; a++) v[a]! /= len;
    else v[0] = 1;
    return v;
  });
}

/** (I + D^-1/2 W D^-1/2) / 2 of the symmetrised cosine kNN graph, as CSR. */
function knnGraph(points: Float64Array[], knn: number): SparseMatrix {
  const n = points.length;
  const d = points[0]?.length ?? 0;
  const flat = new Float64Array(n * d);
  points.forEach((p, i) => {
    flat.set(p, i * d);
  });
  const edges: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  const sims = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    for (let j = 0; j < n; j++) {
      let s = 0;
      const oj = j * d;
      for (let a = 0; a < d; a++) s += flat[oi + a]! * flat[oj + a]!;
      sims[j] = j === i ? Number.NEGATIVE_INFINITY : s;
    }
    const top = topIndices(sims, knn);
    for (const j of top) {
      const s = Math.max(sims[j]!, 0);
      if (s <= 0) continue;
      edges[i]!.set(j, Math.max(edges[i]!.get(j) ?? 0, s));
      edges[j]!.set(i, Math.max(edges[j]!.get(i) ?? 0, s));
    }
  }
  const degree = new Float64Array(n);
  for (let i = 0; i < n; i++) for (const s of edges[i]!.values()) degree[i]! += s;
  const indptr = new Int32Array(n + 1);
  let nnz = 0;
  for (let i = 0; i < n; i++) nnz += edges[i]!.size + 1;
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const cols = [...edges[i]!.keys(), i].sort((a, b) => a - b);
    for (const j of cols) {
      const wij = j === i ? 0 : edges[i]!.get(j)!;
      const norm = degree[i]! > 0 && degree[j]! > 0 ? wij / Math.sqrt(degree[i]! * degree[j]!) : 0;
      indices[p] = j;
      values[p] = (norm + (j === i ? 1 : 0)) / 2;
      p++;
    }
    indptr[i + 1] = p;
  }
  return { rows: n, cols: n, indptr, indices, values };
}

/** Indices of the `m` largest values (ties by index), by partial selection. */
function topIndices(values: Float64Array, m: number): number[] {
  const n = values.length;
  const heap: number[] = [];
  for (let j = 0; j < n; j++) {
    const v = values[j]!;
    if (heap.length < m) {
      heap.push(j);
      if (heap.length === m) heap.sort((a, b) => values[a]! - values[b]! || b - a);
    } else if (v > values[heap[0]!]!) {
      // insert keeping ascending order (m is small)
      heap.shift();
      let pos = 0;
      while (pos < heap.length && (values[heap[pos]!]! < v || (values[heap[pos]!]! === v && heap[pos]! > j))) pos++;
      heap.splice(pos, 0, j);
    }
  }
  return heap;
}

function centresOf(points: Float64Array[], labels: Int32Array, k: number): Float64Array[] {
  const d = points[0]?.length ?? 0;
  const centres = Array.from({ length: k }, () => new Float64Array(d));
  points.forEach((p, i) => {
    const c = centres[labels[i]!]!;
    for (let a = 0; a < d; a++) c[a]! += p[a]!;
  });
  return centres;
}

function nearest(v: Float64Array, centres: Float64Array[]): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  centres.forEach((c, j) => {
    let s = 0;
    let nc = 0;
    for (let a = 0; a < v.length; a++) {
      s += v[a]! * c[a]!;
      nc += c[a]! * c[a]!;
    }
    const cos = nc > 0 ? s / Math.sqrt(nc) : Number.NEGATIVE_INFINITY;
    if (cos > bestScore) {
      bestScore = cos;
      best = j;
    }
  });
  return best;
}

function objective(vectors: Float64Array[], labels: Int32Array, centres: Float64Array[]): number {
  let sum = 0;
  vectors.forEach((v, i) => {
    const c = centres[labels[i]!]!;
    let s = 0;
    let nc = 0;
    for (let a = 0; a < v.length; a++) {
      s += v[a]! * c[a]!;
      nc += c[a]! * c[a]!;
    }
    sum += 1 - (nc > 0 ? s / Math.sqrt(nc) : 0);
  });
  return sum;
}
