/**
 * From the terms of each note to themes: deduplicate, build the features
 * (word stems, compound parts, character n-grams), reduce them by LSA
 * (randomized truncated SVD), cluster the unit rows by spherical k-means
 * (ml-kmeans, seeded k-means++ starts, restarts), choose k when asked, and
 * set notes aside that are too far from every theme centre.
 */
import { projectInParts } from '../parallel/parts';
import type { Runner } from '../parallel/runner';
import { compoundSplitter } from '../vectors/compounds';
import { type FeatureBlock, type FeaturePlan, featureRows, hasFeatures, planFeatures, planOfRows } from '../vectors/features';
import { ngramIds, type WordNumbers } from '../vectors/ngrams';
import type { SparseMatrix } from '../vectors/sparse';
import { randomizedSvdOfUsedColumns } from '../vectors/svd';
import { groupBags, rowsOfIds, type TermIds, termIds, type Vocabulary } from '../vectors/vocabulary';
import { chooseK, type KCriterion, type KFit, kRange } from './choose-k';
import { consensusClustering, consensusOfFits } from './consensus';
import { type Clustering, sphericalKmeans } from './kmeans';
import { seededSample as sampleIndices } from './random';
import { allocate, inPieces, threadKernels } from '../wasm/kernels';

/**
 * Below this many distinct notes the consensus is not used: its co-association
 * of a few partitions is too coarse on a handful of notes (5 notes, k = 2 split
 * an obvious pair), while k-means with restarts finds the optimum there.
 */
export const CONSENSUS_MIN_NOTES = 100;

/** How to represent and cluster the notes. */
export interface FitOptions {
  /** Number of themes, or `'auto'`. */
  k: number | 'auto';
  /** Seed of every random choice. */
  seed: number;
  /** k-means restarts. */
  restarts: number;
  /** Minimum document frequency (absolute), or `'auto'`: 2, or 1 below 20 distinct notes. */
  minDf: number | 'auto';
  /** Maximum document frequency: a share in (0, 1] or an absolute count. */
  maxDf: number;
  /** LSA dimensions; 0 clusters the TF-IDF rows themselves (dense, small inputs only). */
  dims: number;
  /** Character n-grams inside the content words, or null for none. */
  ngrams: { min: number; max: number; weight: number; maxFeatures?: number } | null;
  /** Weight of the compound-part block (0 = off). */
  compounds: number;
  /**
   * Long texts (mean content tokens per distinct note at least `minTokens`):
   * no character n-grams (they add little there and cost a lot) and `dims`
   * LSA dimensions instead of {@link FitOptions.dims}. null = same treatment as short notes.
   */
  longText: { minTokens: number; dims: number; ngramFeatures?: number } | null;
  /** Fit identical term bags once. */
  dedupe: boolean;
  /** Notes whose cosine to their theme centre is below this become outliers (0 = none). */
  outlierThreshold: number;
  /** Criterion of the automatic k. */
  kCriterion?: KCriterion;
  /** Range of the automatic k (default: {@link kRange} of the distinct notes). */
  kBounds?: { min: number; max: number };
  /**
   * Clustering of the embedded notes: spherical k-means, the consensus of many k-means
   * partitions, or a clustering function given by the caller (the evaluation passes the
   * losing variants this way, e.g. `spectralClustering`, so they stay out of the library's
   * bundle). Default: see {@link FitOptions.consensusUpTo}.
   */
  method?: 'kmeans' | 'consensus' | ((vectors: Float64Array[], k: number, options: { seed: number; restarts: number }) => Clustering);
  /**
   * When `method` is not given: short notes with at least {@link CONSENSUS_MIN_NOTES} and at most
   * this many distinct notes (with terms) are clustered by consensus (of {@link FitOptions.consensus} partitions), everything else (more
   * notes, long texts) by spherical k-means.
   * 0 or absent = always k-means.
   */
  consensusUpTo?: number;
  /**
   * Base partitions of the consensus method, and their k as a multiple of k. Not used with the
   * automatic k when it fitted all the notes: the consensus then takes its fits at every k tried.
   */
  consensus?: { partitions: number; overSplit: number };
  /** Power iterations of the randomized SVD (default 5). */
  powerIterations?: number;
  /**
   * A change of the embedded notes (unit rows) before clustering and the choice of k, given by
   * the caller (the evaluation's kNN smoothing, `knnSmooth`). Default: none.
   */
  transform?: (vectors: Float64Array[]) => Float64Array[];
}

/** The defaults chosen on the evaluation sets (see QUALITY.md). */
export const DEFAULT_FIT: Readonly<Omit<FitOptions, 'k' | 'seed' | 'restarts' | 'minDf' | 'maxDf' | 'outlierThreshold'>> =
  Object.freeze({
    dims: 20,
    ngrams: { min: 3, max: 5, weight: 1.5 },
    longText: { minTokens: 30, dims: 50 },
    compounds: 0,
    dedupe: true,
    consensusUpTo: 5000,
    consensus: { partitions: 15, overSplit: 1 },
  });

/** The terms of the notes. */
export interface FitInput {
  /** Stems of each note, reading order. */
  stems: ReadonlyArray<ReadonlyArray<string>>;
  /** The same stems as interned ids (`termIds(stems)`, or any interning with the same rows), when the caller has them. */
  ids?: TermIds;
  /** Lowercased content words of each note, aligned with `stems` (for compound splitting). */
  words?: ReadonlyArray<ReadonlyArray<string>>;
  /**
   * A number per word of `words` (all notes' words one after another, note i's from `offsets[i]`), equal numbers
   * for equal words, below `count`: the n-gram stage looks each number's word up once.
   */
  wordNumbers?: { numbers: Int32Array; offsets: Int32Array; count: number };
  /** The stemmer (for compound parts). */
  stem?: (word: string) => string;
  /** Runs the parts that split by note on other threads (identical results; parallel/runner.ts). */
  runner?: Runner;
  /**
   * The unit TF-IDF rows of these notes' stems (`ids`), made already with `vocabulary` (its
   * `columnOfId`), counted over their distinct term sets within the document-frequency bounds
   * `minDf` and `maxDf`. Long texts whose notes are all distinct reuse them as their only
   * feature block instead of counting and weighting the same terms again.
   */
  wordRows?: { matrix: SparseMatrix; vocabulary: Vocabulary; columnOfId: Int32Array; minDf: number; maxDf: number };
}

/** The word numbers of the notes `rows`, one after another (for {@link ngramIds}): their rows picked as term ids are. */
function numbersOfRows({ numbers, offsets, count }: NonNullable<FitInput['wordNumbers']>, rows: readonly number[]): WordNumbers {
  return { of: rowsOfIds({ names: [], tokens: numbers, offsets }, rows).tokens, count };
}

/** Why a note has no theme. */
export type Unassigned = 'no-terms' | 'outlier';

/** The result of {@link fitThemes}. */
export interface ThemeFit {
  /** Cluster of each note (0 … k-1), or -1. */
  labels: Int32Array;
  /** For notes with label -1: why. */
  reasons: Array<Unassigned | undefined>;
  /** Number of clusters. */
  k: number;
  /** Each note's unit vector in the clustering space (length 0 for notes without features). */
  vectors: Float64Array[];
  /** Cosine of each note to its cluster centre (0 for none). */
  scores: Float64Array;
  /** Number of features before reduction. */
  features: number;
  /** The k tried and their criterion values, when k was automatic. */
  kScores?: Array<{ k: number; score: number }>;
  /**
   * The consensus's base partitions at k, a label per note in each (-1 without features), when the
   * consensus ran on new partitions (absent when it reused the automatic k's fits, which are at several k).
   */
  partitions?: Int32Array[];
}

/**
 * Finds the themes of notes given their terms.
 *
 * @param input - Stems (and words) of each note.
 * @param options - Representation and clustering choices.
 * @returns Labels, reasons, the vectors used and each note's cosine to its centre.
 *
 * @example
 * ```ts
 * const fit = fitThemes({ stems: [['digital'], ['digital', 'schul'], ['netzwerk'], ['netzwerk', 'kooperation']] },
 *   { ...DEFAULT_FIT, k: 2, seed: 1, restarts: 5, minDf: 1, maxDf: 1, outlierThreshold: 0 });
 * fit.labels; // e.g. Int32Array [0, 0, 1, 1]
 * ```
 */
export function fitThemes(input: FitInput, options: FitOptions): ThemeFit {
  const n = input.stems.length;
  // Dedupe: identical term bags (the same stems as often, in any order) are fitted once and share the result.
  const ids = input.ids ?? termIds(input.stems);
  // Rows counted over n distinct term sets (input.wordRows) are n distinct bags: nothing to group.
  const allDistinct = input.wordRows !== undefined && input.wordRows.vocabulary.documents === n && input.wordRows.matrix.rows === n;
  const { unique, owner } =
    options.dedupe && !allDistinct
      ? groupBags(ids, true)
      : { unique: Array.from({ length: n }, (_, i) => i), owner: Int32Array.from({ length: n }, (_, i) => i) };
  const m = unique.length;
  const minDf = options.minDf === 'auto' ? (m < 20 ? 1 : 2) : options.minDf;
  const maxDf = options.maxDf <= 1 ? Math.max(options.maxDf * m, Math.min(m, 1)) : options.maxDf;

  const stems = unique.map((i) => input.stems[i]!);
  const stemIds = rowsOfIds(ids, unique);
  const tokens = stemIds.tokens.length;
  const long = options.longText !== null && m > 0 && tokens / m >= options.longText.minTokens;
  const dims = long ? options.longText!.dims : options.dims;
  const blocks: FeatureBlock[] = [{ name: 'w', docs: stemIds, weight: 1 }];
  if (options.compounds > 0 && input.words && input.stem) {
    const split = compoundSplitter(input.words.flat(), input.stem);
    blocks.push({ name: 'c', docs: unique.map((i) => input.words![i]!.flatMap((w) => split(w))), weight: options.compounds });
  }
  const longGrams = long ? (options.longText!.ngramFeatures ?? 0) : 0;
  if (options.ngrams && options.ngrams.weight > 0 && (!long || longGrams > 0)) {
    const { min, max } = options.ngrams;
    const source = input.words ? unique.map((i) => input.words![i]!) : stems;
    const maxFeatures = long ? longGrams : options.ngrams.maxFeatures;
    blocks.push({
      name: 'g',
      docs: ngramIds(source, min, max, input.words && input.wordNumbers ? numbersOfRows(input.wordNumbers, unique) : undefined),
      weight: options.ngrams.weight,
      ...(maxFeatures ? { maxFeatures } : {}),
    });
  }
  // The word block of notes that are all distinct (as term sets and as bags, so the caller's
  // vocabulary was counted over exactly these rows) within the same bounds: the caller's rows.
  const given = input.wordRows;
  const reuse = given !== undefined && allDistinct && blocks.length === 1 && given.minDf === minDf && given.maxDf === maxDf;
  const plan = reuse ? planOfRows(stemIds, given.vocabulary, given.columnOfId, given.matrix) : planFeatures(blocks, { minDf, maxDf });

  // Rows with content are clustered.
  const content: number[] = [];
  for (let u = 0; u < m; u++) if (hasFeatures(plan, u)) content.push(u);
  const lsa = embed(plan, content, dims, options.seed, options.powerIterations ?? LSA_POWER_ITERATIONS, long, input.runner);
  const embedded = options.transform ? options.transform(lsa) : lsa;

  const distinct = content.length;
  let kScores: ThemeFit['kScores'];
  let k: number;
  let kFits: KFit[] | undefined;
  if (options.k === 'auto') {
    const bounds = options.kBounds ?? kRange(distinct);
    const choice = chooseK(embedded, bounds, {
      seed: options.seed,
      criterion: options.kCriterion ?? 'silhouette',
      keepFits: true,
    });
    k = choice.k;
    kScores = choice.scores;
    kFits = choice.fits;
  } else k = Math.min(options.k, distinct);

  let basePartitions: Int32Array[] | undefined;
  const uLabels = new Int32Array(m).fill(-1);
  const uScores = new Float64Array(m);
  const method =
    options.method ??
    (!long && distinct >= CONSENSUS_MIN_NOTES && distinct <= (options.consensusUpTo ?? 0) ? 'consensus' : 'kmeans');
  // With the automatic k, the consensus's base partitions are the fits chooseK made of all the notes
  // for every k tried (docs/scaling.md, 27 Nov): no new k-means runs at the chosen k.
  const reused = method === 'consensus' && kFits !== undefined && k >= 2 && k < distinct;
  if (k >= 1) {
    const clustering: Clustering & { partitions?: Int32Array[] } =
      typeof method === 'function'
        ? method(embedded, k, { seed: options.seed, restarts: options.restarts })
        : reused && kFits
          ? consensusOfFits(embedded, k, kFits, { seed: options.seed, restarts: options.restarts })
          : method === 'consensus'
          ? consensusClustering(embedded, k, { seed: options.seed, restarts: options.restarts, ...options.consensus })
          : sphericalKmeans(embedded, k, { seed: options.seed, restarts: options.restarts, runner: input.runner });
    // Partitions at several k (the automatic k's fits) are no re-clusterings at k: not returned, the
    // stability makes its own runs at k.
    basePartitions = reused ? undefined : clustering.partitions;
    const centres = clustering.centroids.map(unit);
    content.forEach((u, j) => {
      const c = clustering.labels[j]!;
      uLabels[u] = c;
      uScores[u] = dot(embedded[j]!, centres[c]!);
    });
  }

  const labels = new Int32Array(n).fill(-1);
  const reasons: Array<Unassigned | undefined> = new Array(n).fill(undefined);
  const scores = new Float64Array(n);
  const vectors: Float64Array[] = new Array(n);
  const contentPos = new Int32Array(m).fill(-1);
  content.forEach((u, j) => {
    contentPos[u] = j;
  });
  for (let i = 0; i < n; i++) {
    const u = owner[i]!;
    const j = contentPos[u]!;
    vectors[i] = j >= 0 ? embedded[j]! : new Float64Array(0);
    if (uLabels[u]! < 0) {
      reasons[i] = 'no-terms';
      continue;
    }
    scores[i] = uScores[u]!;
    if (options.outlierThreshold > 0 && uScores[u]! < options.outlierThreshold) {
      reasons[i] = 'outlier';
      continue;
    }
    labels[i] = uLabels[u]!;
  }
  const partitions = basePartitions?.map((p) => Int32Array.from(owner, (u) => (contentPos[u]! >= 0 ? p[contentPos[u]!]! : -1)));
  return { labels, reasons, k, vectors, scores, features: plan.cols, ...(kScores ? { kScores } : {}), ...(partitions ? { partitions } : {}) };
}

/** Rows used to fit the LSA basis; every row is then projected onto it (O(nnz · dims)). */
const SVD_SAMPLE = 4000;

/** Power iterations of the LSA's randomized SVD: 5 gave a more exact basis and +0.005–0.01 NMI over 3 (QUALITY.md). */
const LSA_POWER_ITERATIONS = 5;

/**
 * Unit rows of the clustering space for the given notes: LSA, or the TF-IDF rows themselves.
 * The LSA basis is fitted on a seeded sample of the rows; above the sample the rows are
 * projected straight from the notes' terms, without building their feature matrix
 * (`exact`: from the matrix, as below the sample).
 */
function embed(
  plan: FeaturePlan,
  rows: number[],
  dims: number,
  seed: number,
  powerIterations: number,
  exact: boolean,
  runner?: Runner,
): Float64Array[] {
  if (dims <= 0 || rows.length === 0) {
    const sub = featureRows(plan, rows);
    return rows.map((_, i) => {
      const v = new Float64Array(sub.cols);
      for (let p = sub.indptr[i]!; p < sub.indptr[i + 1]!; p++) v[sub.indices[p]!] = sub.values[p]!;
      return v;
    });
  }
  const fitRows = seededSample(rows.length, SVD_SAMPLE, seed);
  const sampled = fitRows.length < rows.length;
  const sub = sampled && !exact ? undefined : featureRows(plan, rows);
  const basis = sub && !sampled ? sub : featureRows(plan, fitRows.map((j) => rows[j]!));
  const rank = Math.max(1, Math.min(dims, basis.rows - 1, basis.cols));
  const svd = randomizedSvdOfUsedColumns(basis, rank, { seed, powerIterations });
  const r = svd.rank;
  if (r === 0) return rows.map(() => Float64Array.of(1)); // nothing kept: all rows coincide
  // Rows of the fitted rows' unused columns of V are zero: only used columns add to the projection (= U·S on the fitted rows).
  const position = new Int32Array(plan.cols).fill(-1);
  svd.columns.forEach((c, j) => {
    position[c] = j;
  });
  const projected = sub ? projectRows(sub, position, svd.v, r) : projectInParts(plan, rows, position, svd.v, r, runner);
  // Unit rows as views of one buffer (no backing store per row).
  const out: Float64Array[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const o = i * r;
    let sq = 0;
    for (let a = 0; a < r; a++) sq += projected[o + a]! * projected[o + a]!;
    const len = Math.sqrt(sq);
    if (len > 1e-12) for (let a = 0; a < r; a++) projected[o + a]! /= len;
    else {
      projected.fill(0, o, o + r);
      projected[o] = 1; // orthogonal to every kept component: all such rows coincide
    }
    out[i] = projected.subarray(o, o + r);
  }
  return out;
}

/** Sparse rows times the rows of V at each column's position (-1: a zero row of V, skipped), rows × width. */
export function projectRows(m: SparseMatrix, position: Int32Array, v: Float64Array, width: number): Float64Array {
  const { rows, indptr, indices, values } = m;
  const kernels = threadKernels();
  if (kernels) {
    // The same sums in the same order in WebAssembly (wasm/kernels.wat `projectRows`).
    const nnz = indptr[rows]!;
    const {
      at: [RP, CX, VX, POS, V, OUT],
      free,
    } = allocate(kernels, [(rows + 1) * 4, nnz * 4, nnz * 8, position.length * 4, v.length * 8, rows * width * 8]);
    const buffer = kernels.memory.buffer;
    new Int32Array(buffer, RP, rows + 1).set(indptr.subarray(0, rows + 1));
    new Int32Array(buffer, CX, nnz).set(indices.subarray(0, nnz));
    new Float64Array(buffer, VX, nnz).set(values.subarray(0, nnz));
    new Int32Array(buffer, POS, position.length).set(position);
    new Float64Array(buffer, V, v.length).set(v);
    const out = new Float64Array(buffer, OUT, rows * width);
    out.fill(0);
    // In about eight pieces (inPieces): few long rows (whole texts) are as much work as many notes.
    const step = Math.max(64, Math.ceil(rows / 8));
    inPieces(rows, (i, end) => kernels.projectRows(end - i, width, RP + 4 * i, CX, VX, POS, V, OUT + 8 * width * i), step);
    const result = out.slice();
    free();
    return result;
  }
  const out = new Float64Array(rows * width);
  for (let i = 0; i < rows; i++) {
    const o = i * width;
    const end = indptr[i + 1]!;
    for (let p = indptr[i]!; p < end; p++) {
      const at = position[indices[p]!]!;
      if (at < 0) continue;
      const val = values[p]!;
      const bo = at * width;
      for (let j = 0; j < width; j++) out[o + j]! += val * v[bo + j]!;
    }
  }
  return out;
}

/** Up to `size` of the indices 0 … n-1, chosen by the seed, ascending (the SVD's sample). */
export function seededSample(n: number, size: number, seed: number): number[] {
  return sampleIndices(n, size, seed, 31337);
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
}

function unit(v: Float64Array): Float64Array {
  let s = 0;
  for (let d = 0; d < v.length; d++) s += v[d]! * v[d]!;
  const out = v.slice();
  if (s > 0) for (let d = 0; d < v.length; d++) out[d]! /= Math.sqrt(s);
  return out;
}
