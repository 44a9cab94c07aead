/**
 * Consensus clustering (evidence accumulation, Fred & Jain 2005) without
 * the n × n co-association matrix: every note becomes the concatenation of
 * its one-hot memberships in R seeded k-means partitions (the dot product of
 * two such rows is R times their co-association), and these rows are
 * clustered once more by spherical k-means, on the rows' set positions only
 * (cluster/membership-kmeans.ts). Cost O(R · n · k · dims).
 */
import { type Clustering, sphericalKmeans } from './kmeans';
import { membershipKmeans } from './membership-kmeans';
import { deriveSeed } from './random';

/** Options of {@link consensusClustering}. */
export interface ConsensusOptions {
  /** Seed of every random choice. */
  seed: number;
  /** Restarts of the final k-means on the membership rows. */
  restarts: number;
  /** Number of base partitions (default 20). */
  partitions?: number;
  /** Clusters of each base partition, as a multiple of k (default 1). */
  overSplit?: number;
}

/**
 * Clusters unit vectors into `k` groups by the consensus of many seeded
 * spherical k-means partitions.
 *
 * @param vectors - Unit vectors of equal dimension.
 * @param k - Number of clusters, 1 ≤ k ≤ vectors.length.
 * @param options - Seed, restarts, number of base partitions.
 * @returns Labels and centroids (in the space of `vectors`), and the base partitions (absent when k-means ran alone).
 *
 * @example
 * ```ts
 * const { labels } = consensusClustering(unitVectors, 3, { seed: 1, restarts: 5 });
 * ```
 */
export function consensusClustering(vectors: Float64Array[], k: number, options: ConsensusOptions): Clustering & { partitions?: Int32Array[] } {
  const n = vectors.length;
  const r = Math.max(1, options.partitions ?? 20);
  const kb = Math.max(k, Math.min(n, Math.round(k * (options.overSplit ?? 1))));
  if (k <= 1 || n <= kb) return sphericalKmeans(vectors, Math.max(1, Math.min(k, n)), options);
  const memberships: Int32Array[] = [];
  for (let p = 0; p < r; p++) {
    memberships.push(sphericalKmeans(vectors, kb, { seed: deriveSeed(options.seed, 7000 + p), restarts: 1, typedOnly: true }).labels);
  }
  return consensusOfPartitions(vectors, k, memberships, kb, options);
}

/**
 * The final step of the consensus: spherical k-means on the one-hot memberships of given
 * partitions, with centroids in the space of `vectors`.
 *
 * @param vectors - Unit vectors of equal dimension.
 * @param k - Number of clusters, 2 ≤ k ≤ vectors.length.
 * @param memberships - Labels of every vector in each partition (0 … kb-1).
 * @param kb - Largest number of clusters of a partition.
 * @param options - Seed and restarts of the final k-means.
 */
function consensusOfPartitions(
  vectors: Float64Array[],
  k: number,
  memberships: Int32Array[],
  kb: number,
  options: { seed: number; restarts: number },
): Clustering & { partitions: Int32Array[] } {
  const n = vectors.length;
  const final = membershipKmeans({ n, kb, partitions: memberships }, k, { seed: options.seed, restarts: options.restarts });
  const d = vectors[0]?.length ?? 0;
  const centroids = Array.from({ length: k }, () => new Float64Array(d));
  vectors.forEach((v, i) => {
    const c = centroids[final.labels[i]!]!;
    for (let a = 0; a < d; a++) c[a]! += v[a]!;
  });
  return { labels: final.labels, centroids, objective: final.objective, partitions: memberships };
}

/**
 * The consensus at `k` of partitions already made at several k (evidence accumulation over
 * several k, Fred & Jain 2005): with the automatic k, the fits {@link chooseK} made of all the
 * vectors for every k tried, instead of new k-means runs at the chosen k.
 *
 * @param vectors - Unit vectors of equal dimension (those the fits labelled).
 * @param k - Number of clusters, 2 ≤ k < vectors.length.
 * @param fits - Labels of every vector in each base partition, with the partition's k.
 * @param options - Seed and restarts of the final k-means.
 * @returns Labels and centroids, and the base partitions (the fits' labels, in the order given).
 *
 * @example
 * ```ts
 * const choice = chooseK(vectors, kRange(vectors.length), { seed: 1, criterion: 'silhouette', keepFits: true });
 * consensusOfFits(vectors, choice.k, choice.fits!, { seed: 1, restarts: 5 });
 * ```
 */
export function consensusOfFits(
  vectors: Float64Array[],
  k: number,
  fits: ReadonlyArray<{ k: number; labels: Int32Array }>,
  options: { seed: number; restarts: number },
): Clustering & { partitions: Int32Array[] } {
  const kb = Math.max(...fits.map((f) => f.k));
  return consensusOfPartitions(vectors, k, fits.map((f) => f.labels), kb, options);
}
