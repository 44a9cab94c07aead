/**
 * Spherical k-means on membership rows: row i is the concatenation of R
 * one-hot blocks (its cluster in each of R partitions with `kb` clusters),
 * every set entry equal to 1/√R. The rows are never built: a row's dot
 * product with a centre reads R entries instead of R·kb, and a mean adds R
 * entries. The floating-point operations that matter are the dense ones in
 * the same order (only additions of exact zeros are left out), so the
 * result is the result of {@link sphericalKmeans} on the dense rows
 * (tests/membership-kmeans.test.ts), at about 1/kb of its cost.
 */
import { type Clustering, cosineDistance, drawNext, type KmeansOptions } from './kmeans';
import { allocate, type Kernels, threadKernels } from '../wasm/kernels';
import { createRandom, deriveSeed, type Random } from './random';

/** Cluster labels of R partitions of the same n items. */
export interface Memberships {
  /** Number of items. */
  n: number;
  /** Clusters per partition (labels 0 … kb-1). */
  kb: number;
  /** One label array per partition, each of length n. */
  partitions: ArrayLike<number>[];
}

/** Convergence tolerance (as in kmeans.ts). */
const TOLERANCE = 1e-9;

/**
 * Clusters membership rows into `k` groups; the same labels as
 * `sphericalKmeans(denseRows, k, options)` on the rows written out.
 *
 * @param m - The partitions (R ≥ 1, every label in 0 … kb-1).
 * @param k - Number of clusters, 1 ≤ k ≤ n.
 * @param options - Seed, restarts, iteration cap, sample limit (as {@link sphericalKmeans}).
 * @returns Labels, centroids (in the R·kb membership space) and the objective.
 *
 * @example
 * ```ts
 * const { labels } = membershipKmeans({ n: 4, kb: 2, partitions: [[0, 0, 1, 1], [1, 1, 0, 0]] }, 2, { seed: 1, restarts: 3 });
 * ```
 */
export function membershipKmeans(m: Memberships, k: number, options: KmeansOptions): Clustering {
  const rows = toRows(m);
  const limit = options.sampleLimit ?? 4000;
  const maxIterations = options.maxIterations ?? 100;
  const all = Int32Array.from({ length: m.n }, (_, i) => i);
  let fit: { labels: Int32Array; centres: Float64Array };
  if (m.n > limit && k < limit) {
    const random = createRandom(deriveSeed(options.seed, 4242));
    const picked = all.filter(() => random() < limit / m.n);
    const fromSample = restartsOn(rows, picked.length >= k ? picked : all.slice(0, limit), k, options);
    fit = lloyd(rows, all, fromSample.centres, maxIterations);
  } else fit = restartsOn(rows, all, k, options);
  const centroids: Float64Array[] = [];
  for (let j = 0; j < k; j++) centroids.push(fit.centres.slice(j * rows.dim, (j + 1) * rows.dim));
  return { labels: fit.labels, centroids, objective: objectiveOf(rows, all, fit.labels, fit.centres) };
}

/** Membership rows as the positions of their set entries. */
interface Rows {
  n: number;
  /** Set entries per row (R). */
  r: number;
  /** Length of a dense row (R·kb). */
  dim: number;
  /** Value of a set entry (1/√R). */
  value: number;
  /** Squared norm of a row, summed as the dense loop sums it. */
  norm: number;
  /** Row i's set positions, ascending: at[i·r + p] = p·kb + label. */
  at: Int32Array;
}

function toRows(m: Memberships): Rows {
  const r = m.partitions.length;
  const at = new Int32Array(m.n * r);
  for (let i = 0; i < m.n; i++) for (let p = 0; p < r; p++) at[i * r + p] = p * m.kb + m.partitions[p]![i]!;
  const value = 1 / Math.sqrt(r);
  let norm = 0;
  for (let p = 0; p < r; p++) norm += value * value;
  return { n: m.n, r, dim: r * m.kb, value, norm, at };
}

/** Dot product of row i with the centre at offset o, in the dense order. */
function dotRow(rows: Rows, i: number, centres: Float64Array, o: number): number {
  let s = 0;
  const base = i * rows.r;
  for (let p = 0; p < rows.r; p++) s += rows.value * centres[o + rows.at[base + p]!]!;
  return s;
}

/** Restarts as in kmeans.ts: seeded k-means++ start and Lloyd steps; the lowest objective wins (first on ties). */
function restartsOn(rows: Rows, items: Int32Array, k: number, options: KmeansOptions): { labels: Int32Array; centres: Float64Array } {
  let best: { labels: Int32Array; centres: Float64Array; objective: number } | undefined;
  for (let r = 0; r < Math.max(1, options.restarts); r++) {
    const random = createRandom(deriveSeed(options.seed, r));
    const start = kmeansPlusPlus(rows, items, k, random);
    const result = lloyd(rows, items, start, options.maxIterations ?? 100);
    const objective = objectiveOf(rows, items, result.labels, result.centres);
    if (!best || objective < best.objective - 1e-12) best = { ...result, objective };
  }
  return best!;
}

/**
 * k-means++ as in kmeans.ts on the rows of `items`. The squared distance of
 * two rows is a sum of 2·(number of partitions where they differ) equal
 * terms, taken from a table summed in the same way.
 */
function kmeansPlusPlus(rows: Rows, items: Int32Array, k: number, random: Random): Float64Array {
  const n = items.length;
  const { r, at } = rows;
  const sq = rows.value * rows.value;
  const sums = new Float64Array(2 * r + 1);
  for (let t = 1; t <= 2 * r; t++) sums[t] = sums[t - 1]! + sq;
  const chosen: number[] = [Math.floor(random() * n)];
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  while (chosen.length < k) {
    const last = items[chosen[chosen.length - 1]!]! * r;
    let total = 0;
    for (let a = 0; a < n; a++) {
      const base = items[a]! * r;
      let differ = 0;
      for (let p = 0; p < r; p++) if (at[base + p] !== at[last + p]) differ++;
      const d = sums[2 * differ]!;
      if (d < nearest[a]!) nearest[a] = d;
      total += nearest[a]!;
    }
    chosen.push(drawNext(nearest, total, chosen, random));
  }
  const centres = new Float64Array(k * rows.dim);
  chosen.forEach((a, j) => {
    const base = items[a % n]! * r;
    for (let p = 0; p < r; p++) centres[j * rows.dim + at[base + p]!] = rows.value;
  });
  return centres;
}

/**
 * Lloyd steps with the cosine distance, as `lloydCosine` in kmeans.ts, with
 * its distance bounds (they only skip computations whose label is already
 * known): nearest centre (first on ties), means (an empty cluster keeps its
 * centre), stop when no centre moved more than the tolerance.
 */
function lloyd(rows: Rows, items: Int32Array, start: Float64Array, maxIterations: number): { labels: Int32Array; centres: Float64Array } {
  const n = items.length;
  const { dim, r, at, value } = rows;
  const k = start.length / dim;
  let centres = start.slice();
  let next = new Float64Array(k * dim);
  const centreNorms = new Float64Array(k);
  const sizes = new Int32Array(k);
  const kernels = threadKernels();
  const wasm = kernels && n > 0 ? wasmAssign(kernels, rows, items, k) : null;
  // With the WebAssembly kernel the labels live in its memory until the end.
  const labels = wasm ? wasm.labels : new Int32Array(n);
  const scaled = new Float64Array(dim * k);
  const dots = new Float64Array(k);
  // Distance bounds as in lloydCosine (kmeans.ts): they only skip rows whose label is already known.
  const bounds: Bounds = { upper: new Float64Array(n), lower: new Float64Array(n), shift: new Float64Array(k), maxShift: 0, maxShiftAt: -1, secondShift: 0, use: false };
  let unitNow = new Float64Array(k * dim);
  let unitBefore = new Float64Array(k * dim);
  let bounded = false;
  const iterations = maxIterations === 0 ? Number.MAX_VALUE : maxIterations;
  let converged = false;
  let step = 0;
  while (!converged && step < iterations) {
    step++;
    let zeroCentre = false;
    for (let j = 0; j < k; j++) {
      let s = 0;
      const o = j * dim;
      for (let d = 0; d < dim; d++) s += centres[o + d]! * centres[o + d]!;
      centreNorms[j] = s;
      if (s === 0) zeroCentre = true;
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let d = 0; d < dim; d++) unitNow[o + d] = centres[o + d]! * inv;
    }
    bounds.maxShift = 0;
    bounds.maxShiftAt = -1;
    bounds.secondShift = 0;
    if (bounded) {
      for (let j = 0; j < k; j++) {
        let s = 0;
        const o = j * dim;
        for (let d = 0; d < dim; d++) s += (unitNow[o + d]! - unitBefore[o + d]!) ** 2;
        const sh = Math.sqrt(s);
        bounds.shift[j] = sh;
        if (sh > bounds.maxShift) {
          bounds.secondShift = bounds.maxShift;
          bounds.maxShift = sh;
          bounds.maxShiftAt = j;
        } else if (sh > bounds.secondShift) bounds.secondShift = sh;
      }
    }
    bounds.use = bounded && !zeroCentre;
    if (wasm) wasm.assign(centres, centreNorms, bounds);
    else assignRows(rows, items, centres, centreNorms, k, labels, scaled, dots, bounds);
    bounded = !zeroCentre;
    const swapUnit = unitBefore;
    unitBefore = unitNow;
    unitNow = swapUnit;
    next.fill(0);
    sizes.fill(0);
    for (let a = 0; a < n; a++) {
      const c = labels[a]!;
      sizes[c]!++;
      const base = items[a]! * r;
      const o = c * dim;
      for (let p = 0; p < r; p++) next[o + at[base + p]!]! += value;
    }
    for (let j = 0; j < k; j++) {
      const o = j * dim;
      for (let d = 0; d < dim; d++) {
        if (sizes[j]) next[o + d]! /= sizes[j]!;
        else next[o + d] = centres[o + d]!;
      }
    }
    converged = true;
    for (let j = 0; j < k; j++) {
      if (cosineDistance(next.subarray(j * dim, (j + 1) * dim), centres.subarray(j * dim, (j + 1) * dim)) > TOLERANCE) {
        converged = false;
        break;
      }
    }
    const t = centres;
    centres = next;
    next = t;
  }
  if (wasm) {
    const copy = labels.slice();
    wasm.free();
    return { labels: copy, centres };
  }
  return { labels, centres };
}

/**
 * {@link assignRows} in WebAssembly (wasm/membership.wat: two centres per SIMD lane pair, each
 * sum in the same order; the same labels and bounds), its arrays in the kernels' memory.
 */
function wasmAssign(
  kernels: Kernels,
  rows: Rows,
  items: Int32Array,
  k: number,
): { labels: Int32Array; assign: (centres: Float64Array, centreNorms: Float64Array, bounds: Bounds) => void; free: () => void } {
  const { dim, r, at, value, norm } = rows;
  const n = items.length;
  const kp = 2 * ((k + 1) >> 1);
  const {
    at: [AT, ITEMS, SC, CN, L, U, LO, S, DT],
    free,
  } = allocate(kernels, [at.length * 4, n * 4, dim * kp * 8, k * 8, n * 4, n * 8, n * 8, k * 8, kp * 8]);
  const buffer = kernels.memory.buffer;
  new Int32Array(buffer, AT, at.length).set(at);
  new Int32Array(buffer, ITEMS, n).set(items);
  const sc = new Float64Array(buffer, SC, dim * kp);
  sc.fill(0);
  const cn = new Float64Array(buffer, CN, k);
  const s = new Float64Array(buffer, S, k);
  return {
    labels: new Int32Array(buffer, L, n),
    assign(centres, centreNorms, bounds) {
      for (let j = 0; j < k; j++) {
        const o = j * dim;
        for (let d = 0; d < dim; d++) sc[d * kp + j] = value * centres[o + d]!;
      }
      cn.set(centreNorms);
      s.set(bounds.shift);
      kernels.assignMembership(n, r, k, AT, ITEMS, SC, CN, L, U, LO, S, DT, norm, bounds.use ? 1 : 0, bounds.maxShiftAt, bounds.maxShift, bounds.secondShift);
    },
    free,
  };
}

/**
 * The assignment step of {@link lloyd}: each row to its nearest centre (first on ties).
 * The centres are first written position-major and multiplied by the entry value
 * (`scaled[d·k + j] = value · centre_j[d]`, the product {@link dotRow} forms), so a row's
 * dot products with all k centres are k independent sums over its R positions, each
 * adding the same terms in the same order as {@link dotRow}.
 */
function assignRows(
  rows: Rows,
  items: Int32Array,
  centres: Float64Array,
  centreNorms: Float64Array,
  k: number,
  labels: Int32Array,
  scaled: Float64Array,
  dots: Float64Array,
  bounds: Bounds,
): void {
  const { dim, r, at, value, norm } = rows;
  const { upper, lower, shift, maxShift, maxShiftAt, secondShift, use } = bounds;
  for (let j = 0; j < k; j++) {
    const o = j * dim;
    for (let d = 0; d < dim; d++) scaled[d * k + j] = value * centres[o + d]!;
  }
  const n = items.length;
  for (let a = 0; a < n; a++) {
    if (use) {
      const own = labels[a]!;
      upper[a]! += shift[own]!;
      lower[a]! -= own === maxShiftAt ? secondShift : maxShift;
      if (upper[a]! + BOUND_MARGIN < lower[a]!) continue;
    }
    const base = items[a]! * r;
    // Eight, then four centres at a time, each sum in a register.
    let j = 0;
    for (; j + 8 <= k; j += 8) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      let s7 = 0;
      for (let p = 0; p < r; p++) {
        const so = at[base + p]! * k + j;
        s0 += scaled[so]!;
        s1 += scaled[so + 1]!;
        s2 += scaled[so + 2]!;
        s3 += scaled[so + 3]!;
        s4 += scaled[so + 4]!;
        s5 += scaled[so + 5]!;
        s6 += scaled[so + 6]!;
        s7 += scaled[so + 7]!;
      }
      dots[j] = s0;
      dots[j + 1] = s1;
      dots[j + 2] = s2;
      dots[j + 3] = s3;
      dots[j + 4] = s4;
      dots[j + 5] = s5;
      dots[j + 6] = s6;
      dots[j + 7] = s7;
    }
    for (; j + 4 <= k; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0; p < r; p++) {
        const so = at[base + p]! * k + j;
        s0 += scaled[so]!;
        s1 += scaled[so + 1]!;
        s2 += scaled[so + 2]!;
        s3 += scaled[so + 3]!;
      }
      dots[j] = s0;
      dots[j + 1] = s1;
      dots[j + 2] = s2;
      dots[j + 3] = s3;
    }
    for (; j < k; j++) {
      let s = 0;
      for (let p = 0; p < r; p++) s += scaled[at[base + p]! * k + j]!;
      dots[j] = s;
    }
    let best = -1;
    let bestDist = Number.MAX_VALUE;
    let secondDist = Number.MAX_VALUE;
    for (let j = 0; j < k; j++) {
      const nb = centreNorms[j]!;
      const dist = norm === 0 || nb === 0 ? 1 : 1 - dots[j]! / Math.sqrt(norm * nb);
      if (dist < bestDist) {
        secondDist = bestDist;
        bestDist = dist;
        best = j;
      } else if (dist < secondDist) secondDist = dist;
    }
    labels[a] = best;
    upper[a] = Math.sqrt(Math.max(0, 2 * bestDist));
    lower[a] = secondDist === Number.MAX_VALUE ? Number.POSITIVE_INFINITY : Math.sqrt(Math.max(0, 2 * secondDist));
  }
}

/**
 * Hamerly-style bounds on the chord distance ‖x̂ − ĉ‖ = √(2 · cosine distance) of each row
 * (upper: to its centre; lower: to every other centre), and the centres' shifts since the last
 * step. A row whose upper bound stays below its lower bound by a margin far above rounding
 * keeps its label; every other row is computed in full, so the labels are those of the full
 * computation. Not used in a step after one with an empty (zero) centre.
 */
interface Bounds {
  upper: Float64Array;
  lower: Float64Array;
  shift: Float64Array;
  maxShift: number;
  maxShiftAt: number;
  secondShift: number;
  use: boolean;
}

/** Slack of the distance bounds (as in kmeans.ts). */
const BOUND_MARGIN = 1e-5;

/** Sum over `items` of the cosine distance of each row to its centre (as objectiveOf in kmeans.ts). */
function objectiveOf(rows: Rows, items: Int32Array, labels: Int32Array, centres: Float64Array): number {
  const { dim, norm } = rows;
  const k = centres.length / dim;
  const centreNorms = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += centres[j * dim + d]! * centres[j * dim + d]!;
    centreNorms[j] = s;
  }
  let sum = 0;
  for (let a = 0; a < items.length; a++) {
    const c = labels[a]!;
    const nb = centreNorms[c]!;
    sum += norm === 0 || nb === 0 ? 1 : 1 - dotRow(rows, items[a]!, centres, c * dim) / Math.sqrt(norm * nb);
  }
  return sum;
}
