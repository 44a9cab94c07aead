/**
 * The feature matrix of the notes: TF-IDF blocks for several kinds of term
 * (word stems, compound parts, character n-grams), each block row-normalised,
 * weighted, side by side, and the whole row scaled to unit length.
 */
import { normalizeRows, type SparseMatrix } from './sparse';
import { tfidfOfIds } from './tfidf';
import { rowsOfIds, type TermIds, termIds, type Vocabulary, vocabularyOfIds } from './vocabulary';

/** One kind of term: its bag per note and the weight of its block. */
export interface FeatureBlock {
  /** A short name; columns are named `${name}:${term}`. */
  name: string;
  /** The terms of each note (repeats count), as strings or as interned ids. */
  docs: ReadonlyArray<ReadonlyArray<string>> | TermIds;
  /** Weight of the block relative to the others (1 = equal). */
  weight: number;
  /** Keep at most this many terms, the most frequent (by document frequency) first. */
  maxFeatures?: number;
}

/** Document-frequency bounds, absolute counts. */
export interface DfBounds {
  minDf: number;
  maxDf: number;
}

/** The combined feature matrix. */
export interface Features {
  /** Notes × features, rows of unit length (or zero). */
  matrix: SparseMatrix;
  /** Column names, `${block}:${term}`. */
  columns: string[];
  /** Number of columns of each block, in order. */
  blockSizes: number[];
}

/**
 * Builds the weighted, row-normalised TF-IDF matrix of several term blocks.
 *
 * @param blocks - The term blocks (all with the same number of notes).
 * @param bounds - Document-frequency bounds applied to every block.
 * @returns The matrix and its column names.
 *
 * @example
 * ```ts
 * const { matrix } = buildFeatures([{ name: 'w', docs: [['a', 'b'], ['a']], weight: 1 }], { minDf: 1, maxDf: 2 });
 * ```
 */
export function buildFeatures(blocks: readonly FeatureBlock[], bounds: DfBounds): Features {
  const plan = planFeatures(blocks, bounds);
  const all = Array.from({ length: plan.rows }, (_, i) => i);
  const columns: string[] = [];
  const blockSizes: number[] = [];
  let at = 0;
  for (const block of blocks) {
    const part = block.weight > 0 ? plan.blocks[at++] : undefined;
    blockSizes.push(part ? part.vocabulary.terms.length : 0);
    if (part) for (const term of part.vocabulary.terms) columns.push(`${block.name}:${term}`);
  }
  return { matrix: featureRows(plan, all), columns, blockSizes };
}

/** The feature blocks' vocabularies, before any matrix is built (see {@link planFeatures}). */
export interface FeaturePlan {
  /** Number of notes. */
  rows: number;
  /** Number of feature columns, all blocks. */
  cols: number;
  /** The blocks of positive weight, in order. */
  blocks: Array<{
    /** The block's terms of each note as ids. */
    ids: TermIds;
    /** Column (within the block) of each id, or -1. */
    columnOfId: Int32Array;
    /** The block's vocabulary (terms in column order, document frequencies). */
    vocabulary: Vocabulary;
    /** Inverse document frequency of each of its columns. */
    idf: Float64Array;
    /** Its first column in the combined matrix. */
    offset: number;
    /** Its weight. */
    weight: number;
  }>;
}

/**
 * The vocabularies and idf of the blocks of {@link buildFeatures}, so that
 * rows of its matrix can be built for some notes only ({@link featureRows})
 * or projected without the matrix ({@link projectFeatures}).
 *
 * @example
 * ```ts
 * const plan = planFeatures([{ name: 'w', docs: [['a', 'b'], ['a']], weight: 1 }], { minDf: 1, maxDf: 2 });
 * featureRows(plan, [1]); // row 1 of buildFeatures(…).matrix
 * ```
 */
export function planFeatures(blocks: readonly FeatureBlock[], bounds: DfBounds): FeaturePlan {
  const first = blocks[0]?.docs;
  const rows = first === undefined ? 0 : isTermIds(first) ? first.offsets.length - 1 : first.length;
  const parts: FeaturePlan['blocks'] = [];
  let cols = 0;
  for (const block of blocks) {
    if (block.weight <= 0) continue;
    const ids = isTermIds(block.docs) ? block.docs : termIds(block.docs);
    const { vocabulary, columnOfId } = vocabularyOfIds(ids, bounds, undefined, block.maxFeatures);
    const idf = idfOf(vocabulary);
    parts.push({ ids, columnOfId, vocabulary, idf, offset: cols, weight: block.weight });
    cols += vocabulary.terms.length;
  }
  return { rows, cols, blocks: parts };
}

/**
 * Rows of the combined feature matrix for the given notes, exactly as in
 * {@link buildFeatures}' matrix.
 *
 * @example
 * ```ts
 * featureRows(planFeatures(blocks, bounds), [0, 5, 9]).rows; // 3
 * ```
 */
export function featureRows(plan: FeaturePlan, rows: readonly number[]): SparseMatrix {
  const n = rows.length;
  const parts = plan.blocks.map((block) => {
    const { matrix } = tfidfOfIds(rowsOfIds(block.ids, rows), block.columnOfId, block.vocabulary);
    return { matrix, offset: block.offset, weight: block.weight };
  });
  // Blocks side by side: each block's row is sorted and the offsets ascend,
  // so concatenating the rows keeps every row sorted (CSR, no Map per row).
  let nnz = 0;
  for (const part of parts) nnz += part.matrix.indptr[part.matrix.rows]!;
  const indptr = new Int32Array(n + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let q = 0;
  for (let i = 0; i < n; i++) {
    for (const { matrix, offset, weight } of parts) {
      for (let p = matrix.indptr[i]!; p < matrix.indptr[i + 1]!; p++) {
        indices[q] = offset + matrix.indices[p]!;
        values[q] = matrix.values[p]! * weight;
        q++;
      }
    }
    indptr[i + 1] = q;
  }
  return normalizeRows({ rows: n, cols: plan.cols, indptr, indices, values });
}

/**
 * Whether note `i` has at least one feature (a non-empty row of the matrix).
 *
 * @example
 * ```ts
 * hasFeatures(planFeatures([{ name: 'w', docs: [['a'], []], weight: 1 }], { minDf: 1, maxDf: 2 }), 1); // false
 * ```
 */
export function hasFeatures(plan: FeaturePlan, i: number): boolean {
  for (const { ids, columnOfId } of plan.blocks) {
    for (let t = ids.offsets[i]!; t < ids.offsets[i + 1]!; t++) if (columnOfId[ids.tokens[t]!]! >= 0) return true;
  }
  return false;
}

/** As much of a {@link FeaturePlan} as {@link projectFeatures} reads (plain data: it travels to worker threads). */
export interface ProjectionPlan {
  blocks: ReadonlyArray<
    Pick<FeaturePlan['blocks'][number], 'columnOfId' | 'idf' | 'offset' | 'weight'> & { ids: Pick<TermIds, 'tokens' | 'offsets'> }
  >;
}

/**
 * The given notes' feature rows times a dense matrix V, without building the
 * rows: `rows × width`, row `a` = (row `rows[a]` of {@link featureRows}) · V,
 * where column `c` of the features uses row `position[c]` of V (row-major,
 * `width` wide; -1 = a zero row). Equal to the product of the matrix up to
 * rounding (the terms are added in another order).
 *
 * @example
 * ```ts
 * const projected = projectFeatures(plan, [0, 1, 2], position, v, 20);
 * ```
 */
export function projectFeatures(
  plan: ProjectionPlan,
  rows: ArrayLike<number>,
  position: Int32Array,
  v: Float64Array,
  width: number,
): Float64Array {
  const out = new Float64Array(rows.length * width);
  const part = new Float64Array(width);
  const maxCols = plan.blocks.reduce((m, b) => Math.max(m, b.idf.length), 0);
  const count = new Int32Array(maxCols);
  let touched = new Int32Array(64);
  for (let a = 0; a < rows.length; a++) {
    const i = rows[a]!;
    const o = a * width;
    let total = 0;
    for (const { ids, columnOfId, idf, offset, weight } of plan.blocks) {
      const { tokens, offsets } = ids;
      const from = offsets[i]!;
      const end = offsets[i + 1]!;
      if (end - from > touched.length) touched = new Int32Array(Math.max(end - from, 2 * touched.length));
      let distinct = 0;
      for (let t = from; t < end; t++) {
        const col = columnOfId[tokens[t]!]!;
        if (col < 0) continue;
        if (count[col] === 0) touched[distinct++] = col;
        count[col]!++;
      }
      if (distinct === 0) continue;
      part.fill(0);
      let sq = 0;
      for (let d = 0; d < distinct; d++) {
        const col = touched[d]!;
        const value = (1 + Math.log(count[col]!)) * idf[col]!;
        count[col] = 0;
        sq += value * value;
        const at = position[offset + col]!;
        if (at < 0) continue;
        const bo = at * width;
        for (let j = 0; j < width; j++) part[j]! += value * v[bo + j]!;
      }
      // The block's row has unit length, times its weight.
      const scale = weight / Math.sqrt(sq);
      for (let j = 0; j < width; j++) out[o + j]! += scale * part[j]!;
      total += weight * weight;
    }
    // The combined row has unit length.
    if (total > 0) {
      const inv = 1 / Math.sqrt(total);
      for (let j = 0; j < width; j++) out[o + j]! *= inv;
    }
  }
  return out;
}

/** Inverse document frequency of each column, as in {@link tfidf}. */
function idfOf(vocabulary: Vocabulary): Float64Array {
  const n = vocabulary.documents;
  return Float64Array.from(vocabulary.df, (df) => Math.log((1 + n) / (1 + df)) + 1);
}

function isTermIds(docs: FeatureBlock['docs']): docs is TermIds {
  return !Array.isArray(docs);
}
