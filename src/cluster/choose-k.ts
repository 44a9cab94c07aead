/**
 * Automatic choice of the number of themes: cluster a seeded sample for
 * every k in a range scaled to the number of notes and keep the k with the
 * best value of an internal criterion (validated on labelled sets, see
 * QUALITY.md).
 */
import { bestRestart, type Clustering, pack, restartRange, sphericalKmeans } from './kmeans';
import { kneeScores } from './knee';
import { createRandom, deriveSeed } from './random';

/** Internal criteria that {@link chooseK} can maximise. */
export type KCriterion = 'silhouette' | 'knee' | 'calinski' | 'davies-bouldin' | 'stability';

/**
 * The range of k tried for `n` notes with content: from 2 up to about
 * √(n/2), never more than 30 nor more than `n`.
 *
 * @example
 * ```ts
 * kRange(600); // { min: 2, max: 17 }
 * ```
 */
export function kRange(n: number): { min: number; max: number } {
  const max = Math.max(1, Math.min(30, n, Math.round(Math.sqrt(n / 2))));
  return { min: Math.min(2, max), max };
}

/** Options of {@link chooseK}. */
export interface ChooseKOptions {
  seed: number;
  criterion: KCriterion;
  /** Largest sample clustered per k (default 2000). */
  sample?: number;
  /** Restarts per k (default 3). */
  restarts?: number;
  /**
   * With the silhouette: every k is first fitted from one start, and only the
   * `refine` best k of that round are fitted again with all restarts
   * (default 3; ≥ the number of k tried = every k with all restarts). The
   * chosen k is the best over the refined scores and the unrefined ones.
   */
  refine?: number;
  /**
   * Also return the fit of every k tried ({@link KFit}), when they are fits of all the vectors
   * (no sample was drawn) and the silhouette's refine round ran; otherwise `fits` is absent.
   */
  keepFits?: boolean;
}

/** A clustering of all the vectors that {@link chooseK} made for one k. */
export interface KFit {
  k: number;
  /** The labels of the fit that was scored: the best restart for a refined k, else the single start. */
  labels: Int32Array;
}

/**
 * Picks k by an internal criterion on a seeded sample of the unit vectors.
 *
 * @param vectors - Unit vectors (the clustering space).
 * @param bounds - Smallest and largest k to try.
 * @param options - Seed, criterion, sample size.
 * @returns The chosen k and the criterion value of every k tried (higher is better).
 *
 * @example
 * ```ts
 * chooseK(vectors, { min: 2, max: 10 }, { seed: 1, criterion: 'silhouette' }).k;
 * ```
 */
export function chooseK(
  vectors: Float64Array[],
  bounds: { min: number; max: number },
  options: ChooseKOptions,
): { k: number; scores: Array<{ k: number; score: number }>; fits?: KFit[] } {
  const n = vectors.length;
  const max = Math.min(bounds.max, n);
  const min = Math.min(bounds.min, max);
  if (max <= 1) return { k: Math.max(0, max), scores: [] };
  const sample = sampleOf(vectors, options.sample ?? 2000, options.seed);
  const scores: Array<{ k: number; score: number }> = [];
  // The silhouette's pairwise distances do not depend on k: computed once.
  const distances = options.criterion === 'silhouette' ? silhouetteDistances(sample, options.seed) : undefined;
  const restarts = options.restarts ?? 3;
  const refine = options.refine ?? 3;
  const tried = max - Math.max(min, 2) + 1;
  if (distances && restarts > 1 && refine < tried) {
    // One start per k (the first of the full restarts), then all restarts for the best few. The
    // restarts are those of sphericalKmeans (typedOnly, never the sampled path: the sample is at most
    // 2000): restart 0 of a refined k is the first round's, kept instead of run again.
    const packed = pack(sample);
    const run = (k: number, from: number, to: number) => restartRange(sample, packed, k, deriveSeed(options.seed, 1000 + k), from, to, 100);
    const first = new Map<number, ReturnType<typeof run>[number]>();
    for (let k = Math.max(min, 2); k <= max; k++) {
      const fit = run(k, 0, 1)[0]!;
      first.set(k, fit);
      scores.push({ k, score: silhouette(sample, fit.labels, k, options.seed, distances) });
    }
    const best = [...scores].sort((a, b) => b.score - a.score || a.k - b.k).slice(0, Math.max(0, refine));
    const labels = new Map<number, Int32Array>();
    for (const [k, fit] of first) labels.set(k, fit.labels);
    for (const s of best) {
      const fit = bestRestart([first.get(s.k)!, ...run(s.k, 1, restarts)]);
      labels.set(s.k, fit.labels);
      s.score = silhouette(sample, fit.labels, s.k, options.seed, distances);
    }
    const fits = options.keepFits && sample === vectors ? [...labels].map(([k, l]) => ({ k, labels: l })) : undefined;
    return { k: bestOf(scores).k, scores, ...(fits ? { fits } : {}) };
  }
  if (options.criterion === 'knee') {
    // The elbow of the within-theme spread (sum of cosine distances to the centres) over k.
    const ks: number[] = [];
    const spread: number[] = [];
    for (let k = Math.max(min, 2); k <= max; k++) {
      ks.push(k);
      spread.push(sphericalKmeans(sample, k, { seed: deriveSeed(options.seed, 1000 + k), restarts, typedOnly: true }).objective);
    }
    const knee = kneeScores(ks, spread);
    for (let i = 0; i < ks.length; i++) scores.push({ k: ks[i]!, score: knee[i]! });
    return { k: bestOf(scores).k, scores };
  }
  for (let k = Math.max(min, 2); k <= max; k++) {
    const fit = sphericalKmeans(sample, k, { seed: deriveSeed(options.seed, 1000 + k), restarts, typedOnly: true });
    let score: number;
    switch (options.criterion) {
      case 'silhouette':
        score = silhouette(sample, fit.labels, k, options.seed, distances);
        break;
      case 'calinski':
        score = calinskiHarabasz(sample, fit);
        break;
      case 'davies-bouldin':
        score = -daviesBouldin(sample, fit);
        break;
      case 'stability': {
        const other = sphericalKmeans(sample, k, { seed: deriveSeed(options.seed, 5000 + k), restarts: 1, typedOnly: true });
        score = agreement(fit.labels, other.labels);
        break;
      }
    }
    scores.push({ k, score });
  }
  return { k: bestOf(scores).k, scores };
}

/** The first entry with the highest score (later ones must beat it by more than 1e-12). */
function bestOf(scores: Array<{ k: number; score: number }>): { k: number; score: number } {
  let best = scores[0]!;
  for (const s of scores) if (s.score > best.score + 1e-12) best = s;
  return best;
}

function sampleOf(vectors: Float64Array[], size: number, seed: number): Float64Array[] {
  if (vectors.length <= size) return vectors;
  const random = createRandom(deriveSeed(seed, 999));
  const idx = Array.from(vectors.keys());
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((i) => vectors[i]!);
}

/**
 * Mean silhouette with cosine distance on at most 600 points (O(s²)).
 *
 * @example
 * ```ts
 * silhouette(vectors, labels, 3, 1); // in [-1, 1]
 * ```
 */
export function silhouette(
  vectors: Float64Array[],
  labels: Int32Array,
  k: number,
  seed: number,
  distances: SilhouetteDistances = silhouetteDistances(vectors, seed),
): number {
  const { idx, d } = distances;
  const m = idx.length;
  const sizes = new Int32Array(k);
  for (const i of idx) sizes[labels[i]!]!++;
  // Labels in the order of the distance rows (one lookup instead of two per pair).
  const lab = Int32Array.from(idx, (i) => labels[i]!);
  // The rows grouped by cluster, ascending within each: the sum of a row's distances to a
  // cluster adds the same terms in the same order as one pass over all rows b ≠ a. Row a itself
  // is not left out: its distance to itself is +0 (the diagonal of silhouetteDistances), and +0
  // added to a sum that starts at +0 leaves it as it is (such a sum is never −0).
  const starts = new Int32Array(k + 1);
  for (let b = 0; b < m; b++) starts[lab[b]! + 1]!++;
  for (let c = 0; c < k; c++) starts[c + 1]! += starts[c]!;
  const members = new Int32Array(m);
  const fill = starts.slice(0, k);
  for (let b = 0; b < m; b++) members[fill[lab[b]!]!++] = b;
  const sums = new Float64Array(4 * k);
  let total = 0;
  for (let a0 = 0; a0 < m; a0 += 4) {
    clusterSums(d, m, a0, Math.min(4, m - a0), members, starts, k, sums);
    for (let a = a0; a < Math.min(m, a0 + 4); a++) {
      const so = (a - a0) * k;
      const own = lab[a]!;
      if (sizes[own]! <= 1) continue;
      const aa = sums[so + own]! / (sizes[own]! - 1);
      let bb = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) bb = Math.min(bb, sums[so + c]! / sizes[c]!);
      if (!Number.isFinite(bb)) continue;
      total += (bb - aa) / Math.max(aa, bb, 1e-12);
    }
  }
  return total / m;
}

/**
 * Sums of the distances of rows a0 … a0 + count - 1 (count ≤ 4) to the members of each
 * cluster, into `sums[(a - a0) · k + c]`: four rows at a time, four independent sums, each
 * over the cluster's members in ascending order.
 */
function clusterSums(
  d: Float64Array,
  m: number,
  a0: number,
  count: number,
  members: Int32Array,
  starts: Int32Array,
  k: number,
  sums: Float64Array,
): void {
  const r0 = a0 * m;
  if (count === 4) {
    const r1 = r0 + m;
    const r2 = r1 + m;
    const r3 = r2 + m;
    for (let c = 0; c < k; c++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      const end = starts[c + 1]!;
      for (let q = starts[c]!; q < end; q++) {
        const b = members[q]!;
        s0 += d[r0 + b]!;
        s1 += d[r1 + b]!;
        s2 += d[r2 + b]!;
        s3 += d[r3 + b]!;
      }
      sums[c] = s0;
      sums[k + c] = s1;
      sums[2 * k + c] = s2;
      sums[3 * k + c] = s3;
    }
    return;
  }
  for (let t = 0; t < count; t++) {
    const row = r0 + t * m;
    for (let c = 0; c < k; c++) {
      let s = 0;
      const end = starts[c + 1]!;
      for (let q = starts[c]!; q < end; q++) s += d[row + members[q]!]!;
      sums[t * k + c] = s;
    }
  }
}

/** The points the silhouette uses and their pairwise cosine distances (m × m). */
export interface SilhouetteDistances {
  idx: number[];
  d: Float64Array;
}

/**
 * The silhouette's seeded subset of at most about 600 points and the cosine
 * distance of every pair (the same for every k, so computed once).
 *
 * @example
 * ```ts
 * const distances = silhouetteDistances(vectors, 1);
 * silhouette(vectors, labels, 3, 1, distances);
 * ```
 */
export function silhouetteDistances(vectors: Float64Array[], seed: number): SilhouetteDistances {
  let idx = Array.from(vectors.keys());
  if (idx.length > 600) {
    const random = createRandom(deriveSeed(seed, 777));
    idx = idx.filter(() => random() < 600 / vectors.length);
  }
  const m = idx.length;
  const d = new Float64Array(m * m);
  const dim = vectors[0]?.length ?? 0;
  // The chosen rows packed; four pairs at a time, each dot product summed in order (as `dot`).
  const rows = new Float64Array(m * dim);
  idx.forEach((i, a) => {
    rows.set(vectors[i]!.subarray(0, dim), a * dim);
  });
  for (let a = 0; a < m; a++) {
    const ao = a * dim;
    let b = a + 1;
    for (; b + 4 <= m; b += 4) {
      const b0 = b * dim;
      const b1 = b0 + dim;
      const b2 = b1 + dim;
      const b3 = b2 + dim;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let t = 0; t < dim; t++) {
        const x = rows[ao + t]!;
        s0 += x * rows[b0 + t]!;
        s1 += x * rows[b1 + t]!;
        s2 += x * rows[b2 + t]!;
        s3 += x * rows[b3 + t]!;
      }
      const x0 = 1 - s0;
      const x1 = 1 - s1;
      const x2 = 1 - s2;
      const x3 = 1 - s3;
      d[a * m + b] = x0;
      d[b * m + a] = x0;
      d[a * m + b + 1] = x1;
      d[(b + 1) * m + a] = x1;
      d[a * m + b + 2] = x2;
      d[(b + 2) * m + a] = x2;
      d[a * m + b + 3] = x3;
      d[(b + 3) * m + a] = x3;
    }
    for (; b < m; b++) {
      let s = 0;
      const bo = b * dim;
      for (let t = 0; t < dim; t++) s += rows[ao + t]! * rows[bo + t]!;
      const x = 1 - s;
      d[a * m + b] = x;
      d[b * m + a] = x;
    }
  }
  return { idx, d };
}

function means(vectors: Float64Array[], labels: Int32Array, k: number): { centres: Float64Array[]; sizes: Int32Array } {
  const dim = vectors[0]?.length ?? 0;
  const centres = Array.from({ length: k }, () => new Float64Array(dim));
  const sizes = new Int32Array(k);
  vectors.forEach((v, i) => {
    const c = labels[i]!;
    sizes[c]!++;
    for (let d = 0; d < dim; d++) centres[c]![d]! += v[d]!;
  });
  centres.forEach((c, j) => {
    if (sizes[j]! > 0) for (let d = 0; d < dim; d++) c[d]! /= sizes[j]!;
  });
  return { centres, sizes };
}

function sqDist(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += (a[d]! - b[d]!) ** 2;
  return s;
}

/** Calinski–Harabasz index of a clustering (Euclidean on unit vectors). */
export function calinskiHarabasz(vectors: Float64Array[], fit: Clustering): number {
  const k = fit.centroids.length;
  const n = vectors.length;
  const { centres, sizes } = means(vectors, fit.labels, k);
  const overall = new Float64Array(vectors[0]?.length ?? 0);
  for (const v of vectors) for (let d = 0; d < v.length; d++) overall[d]! += v[d]! / n;
  let between = 0;
  centres.forEach((c, j) => {
    between += sizes[j]! * sqDist(c, overall);
  });
  let within = 0;
  vectors.forEach((v, i) => {
    within += sqDist(v, centres[fit.labels[i]!]!);
  });
  if (within === 0 || k <= 1) return 0;
  return (between / (k - 1)) / (within / (n - k));
}

/** Davies–Bouldin index (lower is better). */
export function daviesBouldin(vectors: Float64Array[], fit: Clustering): number {
  const k = fit.centroids.length;
  const { centres, sizes } = means(vectors, fit.labels, k);
  const spread = new Float64Array(k);
  vectors.forEach((v, i) => {
    spread[fit.labels[i]!]! += Math.sqrt(sqDist(v, centres[fit.labels[i]!]!));
  });
  for (let j = 0; j < k; j++) if (sizes[j]! > 0) spread[j]! /= sizes[j]!;
  let total = 0;
  let used = 0;
  for (let a = 0; a < k; a++) {
    if (sizes[a] === 0) continue;
    let worst = 0;
    for (let b = 0; b < k; b++) {
      if (a === b || sizes[b] === 0) continue;
      const d = Math.sqrt(sqDist(centres[a]!, centres[b]!));
      worst = Math.max(worst, d > 0 ? (spread[a]! + spread[b]!) / d : 0);
    }
    total += worst;
    used++;
  }
  return used ? total / used : 0;
}

/** Adjusted Rand index of two labelings (for the stability criterion). */
function agreement(a: Int32Array, b: Int32Array): number {
  const n = a.length;
  const cells = new Map<number, number>();
  const ra = new Map<number, number>();
  const rb = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = a[i]! * 65536 + b[i]!;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    ra.set(a[i]!, (ra.get(a[i]!) ?? 0) + 1);
    rb.set(b[i]!, (rb.get(b[i]!) ?? 0) + 1);
  }
  const c2 = (x: number) => (x * (x - 1)) / 2;
  let sc = 0;
  for (const v of cells.values()) sc += c2(v);
  let sa = 0;
  for (const v of ra.values()) sa += c2(v);
  let sb = 0;
  for (const v of rb.values()) sb += c2(v);
  const expected = (sa * sb) / c2(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (sc - expected) / (max - expected);
}
