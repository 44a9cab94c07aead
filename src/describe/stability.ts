/**
 * Stability of themes (Hennig 2007, "Cluster-wise assessment of cluster
 * stability"): per theme, the Jaccard similarity of its notes with the
 * best-matching cluster of each other clustering, averaged. The other
 * clusterings are seeded subsamples re-clustered with the same k, or
 * partitions made anyway (the consensus's). Deterministic for a seed.
 */
import { createRandom, deriveSeed } from '../cluster/random';

/** Runs used when `stability: true`. */
export const DEFAULT_STABILITY_RUNS = 8;
/** Above this many notes `stability: true` is skipped (pass a number to force it). */
export const STABILITY_AUTO_LIMIT = 5000;
/** Share of notes in each subsample. */
export const SUBSAMPLE_FRACTION = 0.8;

/**
 * The number of resampling runs for the option value and the number of notes.
 *
 * @param option - `true`, `false` or a number of runs.
 * @param n - Number of notes.
 * @returns 0 for off.
 *
 * @example
 * ```ts
 * stabilityRuns(true, 300); // 8
 * stabilityRuns(true, 20_000); // 0
 * stabilityRuns(5, 20_000); // 5
 * ```
 */
export function stabilityRuns(option: boolean | number, n: number): number {
  if (option === false) return 0;
  if (option === true) return n <= STABILITY_AUTO_LIMIT ? DEFAULT_STABILITY_RUNS : 0;
  return option;
}

/** Clusters vectors into k groups with a seed; returns a label per vector. */
export type ClusterFunction = (vectors: Float64Array[], k: number, seed: number) => ArrayLike<number>;

/**
 * Cluster-wise stability: for each of `runs` seeded subsamples (80 % of
 * the items, without replacement) re-cluster with the same k and take, for
 * each original cluster, the best Jaccard similarity of its sampled members
 * with a new cluster; the mean over runs is the cluster's stability.
 * Costs `runs` clusterings of 0.8·n items: O(runs · n · k) besides them.
 *
 * @param vectors - The clustered items.
 * @param labels - Their cluster (0 … k-1).
 * @param k - Number of clusters.
 * @param options - Runs, seed and the clustering to repeat.
 * @returns Stability in [0, 1] of each cluster (NaN for an empty one).
 *
 * @example
 * ```ts
 * const cluster = (v, k, seed) => sphericalKmeans(v, k, { seed, restarts: 1 }).labels;
 * clusterStability(vectors, labels, 3, { runs: 10, seed: 42, cluster }); // e.g. [0.97, 0.81, 0.44]
 * ```
 */
export function clusterStability(
  vectors: Float64Array[],
  labels: ArrayLike<number>,
  k: number,
  options: { runs: number; seed: number; cluster: ClusterFunction },
): number[] {
  const n = vectors.length;
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  const m = Math.max(1, Math.round(n * SUBSAMPLE_FRACTION));
  for (let r = 0; r < options.runs; r++) {
    const random = createRandom(deriveSeed(options.seed ^ 0x5eed, r));
    const sample = subsample(n, m, random);
    const kr = Math.min(k, m);
    const newLabels = options.cluster(
      sample.map((i) => vectors[i]!),
      kr,
      deriveSeed(options.seed, 1000 + r),
    );
    const jaccards = bestJaccard(
      sample.map((i) => labels[i]!),
      newLabels,
      k,
      kr,
    );
    jaccards.forEach((j, c) => {
      if (!Number.isNaN(j)) {
        sums[c]! += j;
        counts[c]! += 1;
      }
    });
  }
  return Array.from(sums, (s, c) => (counts[c]! > 0 ? s / counts[c]! : Number.NaN));
}

/**
 * Cluster-wise stability from partitions made anyway (the consensus's base
 * partitions: seeded k-means starts on all items): for each cluster, the best
 * Jaccard similarity of its items with a cluster of each partition, averaged
 * over the partitions. The same measure as {@link clusterStability} with
 * other seeds of the clustering as the perturbation instead of subsamples,
 * and no clustering of its own: O(partitions · n · k).
 *
 * @param labels - The cluster of each item (0 … k-1).
 * @param k - Number of clusters.
 * @param partitions - Labels of each item in each partition (negative = not in it).
 * @returns Stability in [0, 1] of each cluster (NaN for an empty one or without partitions).
 *
 * @example
 * ```ts
 * partitionStability([0, 0, 1, 1], 2, [[1, 1, 0, 0], [0, 1, 1, 1]]); // [0.75, 0.833…]
 * ```
 */
export function partitionStability(labels: ArrayLike<number>, k: number, partitions: readonly ArrayLike<number>[]): number[] {
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (const partition of partitions) {
    let kp = 0;
    for (let i = 0; i < partition.length; i++) kp = Math.max(kp, partition[i]! + 1);
    bestJaccard(labels, partition, k, kp).forEach((j, c) => {
      if (!Number.isNaN(j)) {
        sums[c]! += j;
        counts[c]! += 1;
      }
    });
  }
  return Array.from(sums, (s, c) => (counts[c]! > 0 ? s / counts[c]! : Number.NaN));
}

/**
 * For each old cluster the best Jaccard similarity with a new cluster,
 * over the same items. NaN for an old cluster with no items.
 *
 * @example
 * ```ts
 * bestJaccard([0, 0, 1, 1], [1, 1, 0, 0], 2, 2); // [1, 1]
 * ```
 */
export function bestJaccard(oldLabels: ArrayLike<number>, newLabels: ArrayLike<number>, kOld: number, kNew: number): number[] {
  const table = new Float64Array(kOld * kNew);
  const oldSize = new Float64Array(kOld);
  const newSize = new Float64Array(kNew);
  for (let i = 0; i < oldLabels.length; i++) {
    const a = oldLabels[i]!;
    const b = newLabels[i]!;
    if (a < 0 || b < 0) continue;
    table[a * kNew + b]! += 1;
    oldSize[a]! += 1;
    newSize[b]! += 1;
  }
  const out: number[] = [];
  for (let a = 0; a < kOld; a++) {
    if (oldSize[a] === 0) {
      out.push(Number.NaN);
      continue;
    }
    let best = 0;
    for (let b = 0; b < kNew; b++) {
      const both = table[a * kNew + b]!;
      const j = both / (oldSize[a]! + newSize[b]! - both);
      if (j > best) best = j;
    }
    out.push(best);
  }
  return out;
}

/** `m` distinct indices of 0 … n-1 in ascending order (partial Fisher-Yates). */
function subsample(n: number, m: number, random: () => number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx.slice(0, m).sort((a, b) => a - b);
}

/**
 * Stability of guided themes: in each run every theme term is dropped with
 * probability 0.2 and the notes are assigned again; a theme's stability is
 * the mean Jaccard similarity of its notes with its notes in the run. A
 * theme held up by one frequent term is fragile; one whose notes match
 * many different terms is solid.
 *
 * @param assign - Assigns notes again, skipping the terms for which `skip(theme, term)` is true; returns a theme per note.
 * @param original - The theme of each note in the real run (-1 for none).
 * @param termCounts - Number of terms of each guided theme.
 * @param options - Runs and seed.
 * @returns Stability of each guided theme (NaN for an empty one).
 *
 * @example
 * ```ts
 * guidedStability((skip) => assignGuided(words, compiled, { threshold, skip }).theme, assignment.theme, [28, 23], { runs: 10, seed: 42 });
 * ```
 */
export function guidedStability(
  assign: (skip: (theme: number, term: number) => boolean) => ArrayLike<number>,
  original: ArrayLike<number>,
  termCounts: readonly number[],
  options: { runs: number; seed: number },
): number[] {
  const g = termCounts.length;
  const sums = new Float64Array(g);
  for (let r = 0; r < options.runs; r++) {
    const random = createRandom(deriveSeed(options.seed ^ 0x6d1d, r));
    const dropped = termCounts.map((count) => Array.from({ length: count }, () => random() < 0.2));
    const labels = assign((theme, term) => dropped[theme]![term]!);
    const both = new Float64Array(g);
    const sizeOld = new Float64Array(g);
    const sizeNew = new Float64Array(g);
    for (let i = 0; i < original.length; i++) {
      const a = original[i]!;
      const b = labels[i]!;
      if (a >= 0) sizeOld[a]! += 1;
      if (b >= 0) sizeNew[b]! += 1;
      if (a >= 0 && a === b) both[a]! += 1;
    }
    for (let t = 0; t < g; t++) {
      if (sizeOld[t]! > 0) sums[t]! += both[t]! / (sizeOld[t]! + sizeNew[t]! - both[t]!);
    }
  }
  const sizes = new Float64Array(g);
  for (let i = 0; i < original.length; i++) if (original[i]! >= 0) sizes[original[i]!]! += 1;
  return Array.from(sums, (s, t) => (sizes[t]! > 0 && options.runs > 0 ? s / options.runs : Number.NaN));
}
