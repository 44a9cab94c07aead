/**
 * Spherical k-means on unit vectors with `ml-kmeans`: our own seeded
 * k-means++ start (fast on typed arrays), cosine distance (so centroids act
 * as if renormalised), several restarts, the best objective kept.
 */
import { kmeans as mlKmeans } from 'ml-kmeans';
import { newClaim, partsFor, type Runner, takeChunks } from '../parallel/runner';
import { allocate, type Kernels, threadKernels, writePairs } from '../wasm/kernels';
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
  /**
   * Leave out the closing step in `ml-kmeans` (it repeats the last typed-array step and gives
   * the same result, tests/perf-kmeans.test.ts): for internal runs (choice of k, consensus
   * partitions, stability) whose result only feeds another step.
   */
  typedOnly?: boolean;
  /** Runs some of the restarts on other threads (the same result; see parallel/runner.ts). */
  runner?: Runner;
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
  const maxIterations = options.maxIterations ?? 100;
  if (vectors.length > limit && k < limit) {
    // Large inputs: the restarts run on a seeded sample; one run on all
    // vectors then starts from the best sample centroids.
    const random = createRandom(deriveSeed(options.seed, 4242));
    const picked = vectors.filter(() => random() < limit / vectors.length);
    const fromSample = restartsOn(picked.length >= k ? picked : vectors.slice(0, limit), k, options);
    const final = lloydCosine(pack(vectors), fromSample.centroids, maxIterations, TOLERANCE);
    if (options.typedOnly) return { labels: final.labels, centroids: final.centroids, objective: objectiveOf(vectors, final.labels, final.centroids) };
    return lastStepInMlKmeans(vectors, k, final, options.seed);
  }
  const best = restartsOn(vectors, k, options);
  if (options.typedOnly) return { labels: best.labels, centroids: best.centroids, objective: best.objective };
  return lastStepInMlKmeans(vectors, k, best, options.seed);
}

/**
 * The restarts, each a seeded k-means++ start and Lloyd iterations
 * ({@link lloydCosine}); the lowest objective wins (first on ties).
 */
function restartsOn(vectors: Float64Array[], k: number, options: KmeansOptions): LloydResult & { objective: number } {
  const packed = pack(vectors);
  const restarts = Math.max(1, options.restarts);
  const maxIterations = options.maxIterations ?? 100;
  const parts = partsFor(options.runner, restarts, 1);
  if (parts === 1) return bestRestart(restartRange(vectors, packed, k, options.seed, 0, restarts, maxIterations));
  // Restarts are independent (each has its own derived seed): threads take them one by one, the best is chosen in order here.
  const { n, dim, data, norms } = packed;
  const claimed = { claim: newClaim(), chunks: restarts, size: 1 };
  const wait = options.runner!.post('restarts', new Array(parts - 1).fill({ ...claimed, data, norms, n, dim, k, seed: options.seed, maxIterations }));
  const results: Array<LloydResult & { objective: number }> = new Array(restarts);
  takeChunks(claimed, (r) => {
    results[r] = restartRange(vectors, packed, k, options.seed, r, r + 1, maxIterations)[0]!;
  });
  const rows = (flat: Float64Array) => Array.from({ length: k }, (_, j) => flat.slice(j * dim, (j + 1) * dim));
  for (const part of wait()) {
    for (const r of part) results[r.restart] = { ...r, centroids: rows(r.centroids), previous: rows(r.previous) };
  }
  return bestRestart(results);
}

/** The lowest objective (the first on ties, within 1e-12), in restart order: the restart {@link sphericalKmeans} keeps. */
export function bestRestart(results: Array<LloydResult & { objective: number }>): LloydResult & { objective: number } {
  let best: (LloydResult & { objective: number }) | undefined;
  for (const result of results) if (!best || result.objective < best.objective - 1e-12) best = result;
  return best!;
}

/**
 * Restarts `from` … `to - 1`: each a seeded k-means++ start and Lloyd
 * iterations ({@link lloydCosine}), with its objective.
 */
export function restartRange(
  vectors: Float64Array[],
  packed: Packed,
  k: number,
  seed: number,
  from: number,
  to: number,
  maxIterations: number,
): Array<LloydResult & { objective: number }> {
  const out: Array<LloydResult & { objective: number }> = [];
  for (let r = from; r < to; r++) {
    const random = createRandom(deriveSeed(seed, r));
    const start = kmeansPlusPlusPacked(packed, k, random);
    const result = lloydCosine(packed, start, maxIterations, TOLERANCE);
    out.push({ ...result, objective: objectiveOf(vectors, result.labels, result.centroids) });
  }
  return out;
}

/**
 * `ml-kmeans` runs the last Lloyd step of a fit, from the centres that step
 * started from: it assigns every vector and computes the means itself, and
 * the result is exactly the run of `ml-kmeans` from the fit's start (the
 * earlier steps are the same operations on typed arrays, see
 * tests/perf-kmeans.test.ts).
 */
function lastStepInMlKmeans(vectors: Float64Array[], k: number, fit: LloydResult, seed: number): Clustering {
  return runOnce(vectors, k, fit.previous, seed, 1);
}

/** Convergence tolerance of every run (cosine distance a centre may still move). */
const TOLERANCE = 1e-9;

/**
 * Slack of the distance bounds (chord length): rounding errors are below
 * 1e-7 even for distances near zero, so a label kept by the bounds is the
 * label a full computation gives.
 */
const BOUND_MARGIN = 1e-5;

/**
 * Cosines computed as products with the inverse norms differ from the exact ones (a
 * division by the square root of the product of the squared norms) by a few ulp; centres
 * whose cosine is smaller than the largest by more than this are not the nearest.
 */
const COSINE_SLACK = 1e-9;

/** Vectors packed row-major into one typed array, with their squared norms. */
export interface Packed {
  n: number;
  dim: number;
  data: Float64Array;
  norms: Float64Array;
}

/**
 * Packs equal-length vectors row-major into one typed array.
 *
 * @example
 * ```ts
 * pack([Float64Array.of(1, 0), Float64Array.of(0, 1)]).data; // Float64Array [1, 0, 0, 1]
 * ```
 */
export function pack(vectors: readonly Float64Array[]): Packed {
  const n = vectors.length;
  const dim = vectors[0]?.length ?? 0;
  const data = new Float64Array(n * dim);
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = vectors[i]!;
    data.set(v, i * dim);
    let s = 0;
    for (let d = 0; d < dim; d++) s += v[d]! * v[d]!;
    norms[i] = s;
  }
  return { n, dim, data, norms };
}

/** The result of {@link lloydCosine}. */
export interface LloydResult {
  /** Cluster of each vector (by the last assignment step). */
  labels: Int32Array;
  /** The means of the last assignment. */
  centroids: Float64Array[];
  /** The centres the last assignment step used (one step before `centroids`). */
  previous: Float64Array[];
  /** Steps run. */
  iterations: number;
  /** Whether the last step moved no centre more than the tolerance. */
  converged: boolean;
}

/**
 * Lloyd iterations with the cosine distance on packed typed arrays: the
 * same steps and the same floating-point operations as `ml-kmeans` with
 * {@link cosineDistance} and given initial centres (nearest centre, first
 * on ties; means, an empty cluster keeps its centre; stop when no centre
 * moved more than `tolerance`), so the result is identical, without
 * per-call allocations or norm recomputation. Used for the sampled
 * restarts; the final fit runs in `ml-kmeans` itself.
 *
 * @example
 * ```ts
 * const { labels } = lloydCosine(pack(vectors), kmeansPlusPlus(vectors, 3, createRandom(1)), 100, 1e-9);
 * ```
 */
export function lloydCosine(
  packed: Packed,
  start: readonly Float64Array[],
  maxIterations: number,
  tolerance: number,
): LloydResult {
  const { n, dim } = packed;
  const k = start.length;
  // Plain loops only: a closure over `centres` would move it out of registers in the hot loop.
  let centres = new Float64Array(k * dim);
  for (let j = 0; j < k; j++) centres.set(start[j]!.subarray(0, dim), j * dim);
  let next = new Float64Array(k * dim);
  const centreNorms = new Float64Array(k);
  const sizes = new Int32Array(k);
  const labels = new Int32Array(n);
  const iterations = maxIterations === 0 ? Number.MAX_VALUE : maxIterations;
  // Hamerly-style bounds on the chord distance ‖x̂ − ĉ‖ = √(2 · cosine distance):
  // a vector whose bound to its own centre stays below its bound to every
  // other centre (by a margin far above rounding) keeps its label without
  // computing distances; all others are computed in full as before.
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  let unitNow = new Float64Array(k * dim);
  let unitBefore = new Float64Array(k * dim);
  const shift = new Float64Array(k);
  const dots = new Float64Array(k);
  const inverseNorms = new Float64Array(k);
  const cosines = new Float64Array(k);
  let bounded = false;
  let converged = false;
  let step = 0;
  const wasm = wasmLloyd(packed, k);
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
      inverseNorms[j] = inv;
      for (let d = 0; d < dim; d++) unitNow[o + d] = centres[o + d]! * inv;
    }
    let maxShift = 0;
    let maxShiftAt = -1;
    let secondShift = 0;
    if (bounded) {
      for (let j = 0; j < k; j++) {
        let s = 0;
        const o = j * dim;
        for (let d = 0; d < dim; d++) s += (unitNow[o + d]! - unitBefore[o + d]!) ** 2;
        shift[j] = Math.sqrt(s);
        if (shift[j]! > maxShift) {
          secondShift = maxShift;
          maxShift = shift[j]!;
          maxShiftAt = j;
        } else if (shift[j]! > secondShift) secondShift = shift[j]!;
      }
    }
    const useBounds = bounded && !zeroCentre;
    if (wasm) wasm.assign(centres, centreNorms, inverseNorms, shift, useBounds, maxShiftAt, maxShift, secondShift, zeroCentre);
    else assignStep(packed, centres, centreNorms, k, labels, upper, lower, dots, useBounds, shift, maxShiftAt, maxShift, secondShift, inverseNorms, zeroCentre, cosines);
    bounded = !zeroCentre;
    const swapUnit = unitBefore;
    unitBefore = unitNow;
    unitNow = swapUnit;
    if (wasm) wasm.means(centres, next, sizes);
    else meansStep(packed, labels, centres, next, sizes, k);
    converged = true;
    for (let j = 0; j < k; j++) {
      if (cosineDistance(next.subarray(j * dim, (j + 1) * dim), centres.subarray(j * dim, (j + 1) * dim)) > tolerance) {
        converged = false;
        break;
      }
    }
    const t = centres;
    centres = next;
    next = t;
  }
  if (wasm) wasm.done(labels);
  const centroids: Float64Array[] = [];
  // After the swap `next` holds the centres the last assignment was made with.
  const previous: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    centroids.push(centres.slice(j * dim, (j + 1) * dim));
    previous.push(next.slice(j * dim, (j + 1) * dim));
  }
  return { labels, centroids, previous, iterations: step, converged };
}

/** The WebAssembly kernels of one {@link lloydCosine} run, its arrays in the kernels' memory. */
interface WasmLloyd {
  /** The assignment step (as {@link assignStep}); labels and bounds stay in the kernels' memory. */
  assign: (
    centres: Float64Array,
    centreNorms: Float64Array,
    inverseNorms: Float64Array,
    shift: Float64Array,
    useBounds: boolean,
    maxShiftAt: number,
    maxShift: number,
    secondShift: number,
    zeroCentre: boolean,
  ) => void;
  /** The update step (as {@link meansStep}) from the labels in the kernels' memory. */
  means: (centres: Float64Array, next: Float64Array, sizes: Int32Array) => void;
  /** Copies the labels out and gives the memory back. */
  done: (labels: Int32Array) => void;
}

/** The WebAssembly kernels laid out for a run on `packed` with `k` centres, or null (JavaScript kernels). */
function wasmLloyd(packed: Packed, k: number): WasmLloyd | null {
  const kernels = threadKernels();
  if (!kernels || k === 0) return null;
  const { n, dim } = packed;
  const pairs = (k + 1) >> 1;
  const {
    at: [D, N, P, CN, IN, L, U, LO, S, DT, CS, NX, SZ],
    free,
  } = allocate(kernels, [n * dim * 8, n * 8, pairs * dim * 16, k * 8, k * 8, n * 4, n * 8, n * 8, k * 8, pairs * 16, pairs * 16, k * dim * 8, k * 4]);
  const buffer = kernels.memory.buffer;
  new Float64Array(buffer, D, n * dim).set(packed.data.subarray(0, n * dim));
  new Float64Array(buffer, N, n).set(packed.norms.subarray(0, n));
  const p = new Float64Array(buffer, P, pairs * dim * 2);
  const cn = new Float64Array(buffer, CN, k);
  const inv = new Float64Array(buffer, IN, k);
  const s = new Float64Array(buffer, S, k);
  const nx = new Float64Array(buffer, NX, k * dim);
  const sz = new Int32Array(buffer, SZ, k);
  return {
    assign(centres, centreNorms, inverseNorms, shift, useBounds, maxShiftAt, maxShift, secondShift, zeroCentre) {
      writePairs(p, centres, k, dim);
      cn.set(centreNorms.subarray(0, k));
      inv.set(inverseNorms.subarray(0, k));
      s.set(shift.subarray(0, k));
      kernels.assign(n, dim, k, D, N, P, CN, IN, L, U, LO, S, DT, CS, useBounds ? 1 : 0, maxShiftAt, maxShift, secondShift, zeroCentre ? 1 : 0);
    },
    means(centres, next, sizes) {
      nx.fill(0);
      sz.fill(0);
      kernels.sums(n, dim, D, L, NX, SZ);
      sizes.set(sz);
      for (let j = 0; j < k; j++) {
        const o = j * dim;
        for (let d = 0; d < dim; d++) {
          if (sizes[j]) next[o + d] = nx[o + d]! / sizes[j]!;
          else next[o + d] = centres[o + d]!;
        }
      }
    },
    done(labels) {
      labels.set(new Int32Array(buffer, L, n));
      free();
    },
  };
}

/**
 * The assignment step of {@link lloydCosine}: each vector to its nearest
 * centre, skipped by the distance bounds where they decide. A function of
 * its own so that V8 optimises it as a whole after the first calls (one big
 * loop run once is compiled piecewise, with deoptimisations in between).
 */
function assignStep(
  packed: Packed,
  centres: Float64Array,
  centreNorms: Float64Array,
  k: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  dots: Float64Array,
  useBounds: boolean,
  shift: Float64Array,
  maxShiftAt: number,
  maxShift: number,
  secondShift: number,
  inverseNorms: Float64Array,
  zeroCentre: boolean,
  cosines: Float64Array,
): void {
  const { n, dim, data, norms } = packed;
  for (let i = 0; i < n; i++) {
    const io = i * dim;
    const na = norms[i]!;
    if (useBounds) {
      const own = labels[i]!;
      upper[i]! += shift[own]!;
      lower[i]! -= own === maxShiftAt ? secondShift : maxShift;
      if (upper[i]! + BOUND_MARGIN < lower[i]!) continue;
    }
    // Dot products with eight, then four, then the rest of the centres at a time: independent sums, each
    // in the same order as one at a time (the same values, less waiting on additions).
    let j = 0;
    for (; j + 8 <= k; j += 8) {
      const o0 = j * dim;
      const o1 = o0 + dim;
      const o2 = o1 + dim;
      const o3 = o2 + dim;
      const o4 = o3 + dim;
      const o5 = o4 + dim;
      const o6 = o5 + dim;
      const o7 = o6 + dim;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      let s7 = 0;
      for (let d = 0; d < dim; d++) {
        const x = data[io + d]!;
        s0 += x * centres[o0 + d]!;
        s1 += x * centres[o1 + d]!;
        s2 += x * centres[o2 + d]!;
        s3 += x * centres[o3 + d]!;
        s4 += x * centres[o4 + d]!;
        s5 += x * centres[o5 + d]!;
        s6 += x * centres[o6 + d]!;
        s7 += x * centres[o7 + d]!;
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
      const o0 = j * dim;
      const o1 = o0 + dim;
      const o2 = o1 + dim;
      const o3 = o2 + dim;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let d = 0; d < dim; d++) {
        const x = data[io + d]!;
        s0 += x * centres[o0 + d]!;
        s1 += x * centres[o1 + d]!;
        s2 += x * centres[o2 + d]!;
        s3 += x * centres[o3 + d]!;
      }
      dots[j] = s0;
      dots[j + 1] = s1;
      dots[j + 2] = s2;
      dots[j + 3] = s3;
    }
    // The last one to three centres together as well (a lone sum waits on each addition).
    if (k - j === 3) {
      const o0 = j * dim;
      const o1 = o0 + dim;
      const o2 = o1 + dim;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let d = 0; d < dim; d++) {
        const x = data[io + d]!;
        s0 += x * centres[o0 + d]!;
        s1 += x * centres[o1 + d]!;
        s2 += x * centres[o2 + d]!;
      }
      dots[j] = s0;
      dots[j + 1] = s1;
      dots[j + 2] = s2;
    } else if (k - j === 2) {
      const o0 = j * dim;
      const o1 = o0 + dim;
      let s0 = 0;
      let s1 = 0;
      for (let d = 0; d < dim; d++) {
        const x = data[io + d]!;
        s0 += x * centres[o0 + d]!;
        s1 += x * centres[o1 + d]!;
      }
      dots[j] = s0;
      dots[j + 1] = s1;
    } else if (k - j === 1) {
      const o = j * dim;
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += data[io + d]! * centres[o + d]!;
      dots[j] = dot;
    }
    let best = -1;
    let bestDist = Number.MAX_VALUE;
    let secondDist = Number.MAX_VALUE;
    if (na === 0 || zeroCentre) {
      for (let j = 0; j < k; j++) {
        const nb = centreNorms[j]!;
        const dist = na === 0 || nb === 0 ? 1 : 1 - dots[j]! / Math.sqrt(na * nb);
        if (dist < bestDist) {
          secondDist = bestDist;
          bestDist = dist;
          best = j;
        } else if (dist < secondDist) secondDist = dist;
      }
    } else {
      // The cosines first by multiplications (within a few ulp of the exact ones); the exact
      // distance only for the centres within COSINE_SLACK of the largest: every other centre is
      // farther than that one by far more than rounding, so it can neither win nor tie. The
      // second distance (only a bound) from the approximate cosines, made smaller by the slack.
      const invA = 1 / Math.sqrt(na);
      let top = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < k; j++) {
        const c = dots[j]! * inverseNorms[j]! * invA;
        cosines[j] = c;
        if (c > top) top = c;
      }
      const floor = top - COSINE_SLACK;
      for (let j = 0; j < k; j++) {
        if (cosines[j]! < floor) continue;
        const dist = 1 - dots[j]! / Math.sqrt(na * centreNorms[j]!);
        if (dist < bestDist) {
          bestDist = dist;
          best = j;
        }
      }
      let second = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < k; j++) if (j !== best && cosines[j]! > second) second = cosines[j]!;
      if (second > Number.NEGATIVE_INFINITY) secondDist = 1 - (second + COSINE_SLACK);
    }
    labels[i] = best;
    if (na === 0) {
      upper[i] = Number.POSITIVE_INFINITY;
      lower[i] = 0;
    } else {
      upper[i] = Math.sqrt(Math.max(0, 2 * bestDist));
      lower[i] = secondDist === Number.MAX_VALUE ? Number.POSITIVE_INFINITY : Math.sqrt(Math.max(0, 2 * secondDist));
    }
  }
}

/** The update step of {@link lloydCosine}: each centre the mean of its vectors (an empty cluster keeps its centre). */
function meansStep(packed: Packed, labels: Int32Array, centres: Float64Array, next: Float64Array, sizes: Int32Array, k: number): void {
  const { n, dim, data } = packed;
  next.fill(0);
  sizes.fill(0);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    sizes[c]!++;
    const io = i * dim;
    const o = c * dim;
    for (let d = 0; d < dim; d++) next[o + d]! += data[io + d]!;
  }
  for (let j = 0; j < k; j++) {
    const o = j * dim;
    for (let d = 0; d < dim; d++) {
      if (sizes[j]) next[o + d]! /= sizes[j]!;
      else next[o + d] = centres[o + d]!;
    }
  }
}

/** One ml-kmeans run from the given centres with the cosine distance. */
function runOnce(vectors: Float64Array[], k: number, start: Float64Array[], seed: number, maxIterations?: number): Clustering {
  const result = mlKmeans(vectors as unknown as number[][], k, {
    initialization: start.map((c) => Array.from(c)),
    distanceFunction: cosineDistance as unknown as (p: number[], q: number[]) => number,
    maxIterations: maxIterations ?? 100,
    tolerance: TOLERANCE,
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
    chosen.push(drawNext(nearest, total, chosen, random));
  }
  return chosen.map((i) => vectors[i % n]!.slice());
}

/**
 * {@link kmeansPlusPlus} on the packed rows: the same random draws, the same
 * squared distances (each summed over the dimensions in order) and the same
 * picks, without a typed-array view per row.
 */
export function kmeansPlusPlusPacked(packed: Packed, k: number, random: Random): Float64Array[] {
  const { n, dim, data } = packed;
  const kernels = threadKernels();
  if (kernels && n > 0 && k > 1) return kmeansPlusPlusInWasm(kernels, packed, k, random);
  const chosen: number[] = [Math.floor(random() * n)];
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  while (chosen.length < k) {
    const lo = chosen[chosen.length - 1]! * dim;
    let total = 0;
    let i = 0;
    // Four rows at a time: four independent sums, each over the dimensions in order.
    for (; i + 4 <= n; i += 4) {
      const i0 = i * dim;
      const i1 = i0 + dim;
      const i2 = i1 + dim;
      const i3 = i2 + dim;
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let a = 0; a < dim; a++) {
        const c = data[lo + a]!;
        const x0 = data[i0 + a]! - c;
        const x1 = data[i1 + a]! - c;
        const x2 = data[i2 + a]! - c;
        const x3 = data[i3 + a]! - c;
        d0 += x0 * x0;
        d1 += x1 * x1;
        d2 += x2 * x2;
        d3 += x3 * x3;
      }
      if (d0 < nearest[i]!) nearest[i] = d0;
      total += nearest[i]!;
      if (d1 < nearest[i + 1]!) nearest[i + 1] = d1;
      total += nearest[i + 1]!;
      if (d2 < nearest[i + 2]!) nearest[i + 2] = d2;
      total += nearest[i + 2]!;
      if (d3 < nearest[i + 3]!) nearest[i + 3] = d3;
      total += nearest[i + 3]!;
    }
    for (; i < n; i++) {
      const io = i * dim;
      let d = 0;
      for (let a = 0; a < dim; a++) {
        const x = data[io + a]! - data[lo + a]!;
        d += x * x;
      }
      if (d < nearest[i]!) nearest[i] = d;
      total += nearest[i]!;
    }
    chosen.push(drawNext(nearest, total, chosen, random));
  }
  return chosen.map((i) => data.slice((i % n) * dim, ((i % n) + 1) * dim));
}

/**
 * {@link kmeansPlusPlusPacked} with the distances in WebAssembly (wasm/kernels.wat `nearest`:
 * two vectors per f64x2, each summed over the dimensions in order; the sum of the nearest
 * distances in order): the same draws and picks.
 */
function kmeansPlusPlusInWasm(kernels: Kernels, packed: Packed, k: number, random: Random): Float64Array[] {
  const { n, dim, data } = packed;
  const pairs = (n + 1) >> 1;
  const {
    at: [DP, C, NEAR],
    free,
  } = allocate(kernels, [pairs * dim * 16, dim * 8, n * 8]);
  const buffer = kernels.memory.buffer;
  writePairs(new Float64Array(buffer, DP, pairs * dim * 2), data, n, dim);
  const c = new Float64Array(buffer, C, dim);
  const nearest = new Float64Array(buffer, NEAR, n);
  nearest.fill(Number.POSITIVE_INFINITY);
  const chosen: number[] = [Math.floor(random() * n)];
  while (chosen.length < k) {
    const lo = chosen[chosen.length - 1]! * dim;
    c.set(data.subarray(lo, lo + dim));
    const total = kernels.nearest(n, dim, DP, C, NEAR);
    chosen.push(drawNext(nearest, total, chosen, random));
  }
  free();
  return chosen.map((i) => data.slice((i % n) * dim, ((i % n) + 1) * dim));
}

function squaredDistance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    s += d * d;
  }
  return s;
}

/**
 * The k-means++ draw of the next centre: an index with probability
 * proportional to `nearest` (each point's squared distance to its nearest
 * chosen centre; `total` their sum), the last positive one if rounding
 * leaves the target unspent, or the first index not yet chosen when every
 * point coincides with a centre.
 */
export function drawNext(nearest: Float64Array, total: number, chosen: number[], random: Random): number {
  if (!(total > 0)) return firstUnused(chosen, nearest.length);
  let target = random() * total;
  for (let i = 0; i < nearest.length; i++) {
    target -= nearest[i]!;
    if (target < 0) return i;
  }
  return lastPositive(nearest);
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
