/**
 * The feature matrix of the notes: TF-IDF blocks for several kinds of term
 * (word stems, compound parts, character n-grams), each block row-normalised,
 * weighted, side by side, and the whole row scaled to unit length.
 */
import { normalizeRows, pickRows, type SparseMatrix } from './sparse';
import { idfOfCounts, tfidfOfIds } from './tfidf';
import { rowsOfIds, type TermIds, termIds, type Vocabulary, vocabularyOfIds, type WordGrams } from './vocabulary';
import { allocate, inPieces, type Kernels, threadKernels } from '../wasm/kernels';
import { ONE_PLUS_LOG, onePlusLog } from './sublinear-tf';

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
  /**
   * The TF-IDF rows (unit length) of the plan's only block, when they were made already
   * ({@link planOfRows}): {@link featureRows} picks them instead of computing them again.
   */
  given?: SparseMatrix;
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
 * The plan of one block of weight 1 whose TF-IDF rows are made already: its
 * terms as ids, the vocabulary they were counted with and `matrix`, that
 * vocabulary's unit TF-IDF rows of the same notes (as `tfidfOfIds` makes
 * them). The same plan, and the same rows from {@link featureRows}, as
 * {@link planFeatures} of that block when its bounds give that vocabulary.
 *
 * @example
 * ```ts
 * const vocabulary = buildVocabulary(stems, bounds);
 * const plan = planOfRows(termIds(stems), vocabulary, tokensOf(vocabulary, stems)!.columnOfId, tfidf(stems, vocabulary).matrix);
 * ```
 */
export function planOfRows(ids: TermIds, vocabulary: Vocabulary, columnOfId: Int32Array, matrix: SparseMatrix): FeaturePlan {
  const block = { ids, columnOfId, vocabulary, idf: idfOf(vocabulary), offset: 0, weight: 1 };
  return { rows: matrix.rows, cols: vocabulary.terms.length, blocks: [block], given: matrix };
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
  // One block of weight 1: its rows times 1, normalised again (as below).
  if (plan.given) return normalizeRows(pickRows(plan.given, rows, plan.cols));
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
    const { words } = ids;
    if (words) {
      for (let x = words.offsets[i]!; x < words.offsets[i + 1]!; x++) {
        const s = words.slots[x]!;
        for (let t = words.starts[s]!; t < words.ends[s]!; t++) if (columnOfId[words.pool[t]!]! >= 0) return true;
      }
    } else for (let t = ids.offsets[i]!; t < ids.offsets[i + 1]!; t++) if (columnOfId[ids.tokens[t]!]! >= 0) return true;
  }
  return false;
}

/** As much of a {@link FeaturePlan} as {@link projectFeatures} reads (plain data: it travels to worker threads). */
export interface ProjectionPlan {
  blocks: ReadonlyArray<
    Pick<FeaturePlan['blocks'][number], 'columnOfId' | 'idf' | 'offset' | 'weight'> & { ids: Pick<TermIds, 'tokens' | 'offsets' | 'words'> }
  >;
}

/**
 * The given notes' feature rows times a dense matrix V, without building the
 * rows: `rows × width`, row `a` = (row `rows[a]` of {@link featureRows}) · V,
 * where column `c` of the features uses row `position[c]` of V (row-major,
 * `width` wide; -1 = a zero row). Equal to the product of the matrix up to
 * rounding (the terms are added in another order). The same as
 * `projectPrepared(prepareProjection(plan, position, v, width), rows)`.
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
  return projectPrepared(prepareProjection(plan, position, v, width), rows);
}

/** One block of a {@link Projection}: lookups by term id instead of by column. */
interface ProjectionBlockTables {
  tokens: Int32Array;
  offsets: Int32Array;
  /** `width` × the row of V of each id, -1 for a column without a row of V, -2 for an id that is no column. */
  rowAt: Int32Array;
  /** The idf of each id's column (0 for no column). */
  idfOf: Float64Array;
  offset: number;
  weight: number;
  /** For blocks made per word: the words and, per word type, its n-grams' sum (below). */
  words?: WordGrams;
  /** Per word type: the sum of idf · (row of V) over its n-grams, `width` wide. */
  sums?: Float64Array;
  /** Per word type: the sum of idf² over its n-grams that are columns. */
  squares?: Float64Array;
}

/** What {@link projectPrepared} reads: the blocks' lookup tables, built once for all rows. */
export interface Projection {
  blocks: ProjectionBlockTables[];
  v: Float64Array;
  width: number;
  /** Largest number of term ids of a block. */
  ids: number;
}

const NO_TOKENS = new Int32Array(0);

/**
 * The lookup tables of {@link projectFeatures} (one per block): the row of V
 * and the idf of every term id, and for blocks made per word
 * ({@link WordGrams}: the character n-grams) each word type's n-grams
 * summed once, so that a note adds one sum per word instead of a row of V
 * per n-gram.
 *
 * @example
 * ```ts
 * const projection = prepareProjection(plan, position, v, 20);
 * projectPrepared(projection, [0, 1, 2]);
 * ```
 */
export function prepareProjection(plan: ProjectionPlan, position: Int32Array, v: Float64Array, width: number): Projection {
  let most = 0;
  const blocks = plan.blocks.map(({ ids, columnOfId, idf, offset, weight }): ProjectionBlockTables => {
    const n = columnOfId.length;
    most = Math.max(most, n);
    const rowAt = new Int32Array(n);
    const idfOf = new Float64Array(n);
    for (let id = 0; id < n; id++) {
      const col = columnOfId[id]!;
      if (col < 0) {
        rowAt[id] = -2;
        continue;
      }
      idfOf[id] = idf[col]!;
      const at = position[offset + col]!;
      rowAt[id] = at < 0 ? -1 : at * width;
    }
    const words = ids.words;
    // A block read by word never reads its tokens (for n-grams they are made only when asked for).
    const block: ProjectionBlockTables = { tokens: words ? NO_TOKENS : ids.tokens, offsets: ids.offsets, rowAt, idfOf, offset, weight };
    if (words) {
      const { pool, starts, ends } = words;
      const types = starts.length;
      const kernels = threadKernels();
      if (kernels) {
        Object.assign(block, { words, ...ngramSumsInWasm(kernels, words, rowAt, idfOf, v, width) });
        return block;
      }
      const sums = new Float64Array(types * width);
      const squares = new Float64Array(types);
      for (let s = 0; s < types; s++) {
        const o = s * width;
        let sq = 0;
        for (let p = starts[s]!; p < ends[s]!; p++) {
          const id = pool[p]!;
          const bo = rowAt[id]!;
          if (bo === -2) continue;
          const value = idfOf[id]!;
          sq += value * value;
          if (bo < 0) continue;
          for (let j = 0; j < width; j++) sums[o + j]! += value * v[bo + j]!;
        }
        squares[s] = sq;
      }
      Object.assign(block, { words, sums, squares });
    }
    return block;
  });
  return { blocks, v, width, ids: most };
}

/** The per-word-type n-gram sums of {@link prepareProjection} in WebAssembly (wasm/projection.wat): the same sums in the same order. */
function ngramSumsInWasm(
  kernels: Kernels,
  words: WordGrams,
  rowAt: Int32Array,
  idfOf: Float64Array,
  v: Float64Array,
  width: number,
): { sums: Float64Array; squares: Float64Array } {
  const { pool, starts, ends } = words;
  const types = starts.length;
  const {
    at: [POOL, STARTS, ENDS, ROWAT, IDF, V, SUMS, SQUARES],
    free,
  } = allocate(kernels, [pool.length * 4, types * 4, types * 4, rowAt.length * 4, idfOf.length * 8, v.length * 8, types * width * 8, types * 8]);
  const buffer = kernels.memory.buffer;
  new Int32Array(buffer, POOL, pool.length).set(pool);
  new Int32Array(buffer, STARTS, types).set(starts);
  new Int32Array(buffer, ENDS, types).set(ends);
  new Int32Array(buffer, ROWAT, rowAt.length).set(rowAt);
  new Float64Array(buffer, IDF, idfOf.length).set(idfOf);
  new Float64Array(buffer, V, v.length).set(v);
  new Float64Array(buffer, SUMS, types * width).fill(0);
  inPieces(types, (t, end) => {
    kernels.ngramSums(end - t, width, POOL, STARTS + 4 * t, ENDS + 4 * t, ROWAT, IDF, V, SUMS + 8 * width * t, SQUARES + 8 * t);
  });
  const sums = new Float64Array(buffer, SUMS, types * width).slice();
  const squares = new Float64Array(buffer, SQUARES, types).slice();
  free();
  return { sums, squares };
}

/**
 * {@link projectFeatures} with its tables built ({@link prepareProjection}).
 *
 * A block of plain tokens adds, per distinct column of the note, (1 + ln count) · idf
 * times the column's row of V, in order of first occurrence (as the matrix row would).
 * A block made per word adds each word's sum and then corrects the n-grams that occur
 * more than once in the note (count c: ((1 + ln c) − c) · idf times the row of V),
 * which is the same sum in another order (equal up to rounding).
 *
 * @example
 * ```ts
 * projectPrepared(prepareProjection(plan, position, v, 20), [0, 1, 2]);
 * ```
 */
export function projectPrepared(projection: Projection, rows: ArrayLike<number>): Float64Array {
  const kernels = threadKernels();
  if (kernels && rows.length > 0) return projectInWasm(kernels, projection, rows);
  const { blocks, v, width } = projection;
  const out = new Float64Array(rows.length * width);
  const part = new Float64Array(width);
  // Token blocks: counts per id, back to 0 after each note. Word blocks: counts valid where `seen` has the visit's stamp.
  const count = new Int32Array(projection.ids);
  const gramCount = new Int32Array(projection.ids);
  const seen = new Int32Array(projection.ids);
  const repeats = new Int32Array(projection.ids);
  let stamp = 0;
  let touched = new Int32Array(64);
  for (let a = 0; a < rows.length; a++) {
    const i = rows[a]!;
    const o = a * width;
    let total = 0;
    for (let b = 0; b < blocks.length; b++) {
      const { tokens, offsets, rowAt, idfOf, weight, words, sums, squares } = blocks[b]!;
      let sq = 0;
      if (words) {
        const { pool, starts, ends, slots } = words;
        const first = words.offsets[i]!;
        const last = words.offsets[i + 1]!;
        for (let w = first; w < last; w++) sq += squares![slots[w]!]!;
        // Every n-gram that is a column has idf ≥ 1: no column at all is a sum of 0.
        if (sq === 0) continue;
        part.fill(0);
        let repeated = 0;
        stamp++;
        for (let w = first; w < last; w++) {
          const s = slots[w]!;
          const so = s * width;
          for (let j = 0; j < width; j++) part[j]! += sums![so + j]!;
          for (let p = starts[s]!; p < ends[s]!; p++) {
            const id = pool[p]!;
            if (seen[id] !== stamp) {
              seen[id] = stamp;
              gramCount[id] = 1;
            } else if (++gramCount[id]! === 2) repeats[repeated++] = id;
          }
        }
        for (let r = 0; r < repeated; r++) {
          const id = repeats[r]!;
          const bo = rowAt[id]!;
          if (bo === -2) continue;
          const c = gramCount[id]!;
          const idf = idfOf[id]!;
          const l = onePlusLog(c);
          sq += (l * l - c) * idf * idf;
          if (bo < 0) continue;
          const value = (l - c) * idf;
          for (let j = 0; j < width; j++) part[j]! += value * v[bo + j]!;
        }
      } else {
        const from = offsets[i]!;
        const end = offsets[i + 1]!;
        if (end - from > touched.length) touched = new Int32Array(Math.max(end - from, 2 * touched.length));
        let distinct = 0;
        for (let t = from; t < end; t++) {
          const id = tokens[t]!;
          if (rowAt[id] === -2) continue;
          if (count[id] === 0) touched[distinct++] = id;
          count[id]!++;
        }
        if (distinct === 0) continue;
        part.fill(0);
        for (let d = 0; d < distinct; d++) {
          const id = touched[d]!;
          const value = onePlusLog(count[id]!) * idfOf[id]!;
          count[id] = 0;
          sq += value * value;
          const bo = rowAt[id]!;
          if (bo < 0) continue;
          for (let j = 0; j < width; j++) part[j]! += value * v[bo + j]!;
        }
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

/**
 * {@link projectPrepared} in WebAssembly (wasm/projection.wat), block by block over all rows: each
 * row's sums are the same operations in the same order, so the same bits.
 */
function projectInWasm(kernels: Kernels, projection: Projection, rows: ArrayLike<number>): Float64Array {
  const { blocks, v, width, ids } = projection;
  const n = rows.length;
  const {
    at: [OUT, TOTAL, ROWS, OPL, PART, V, MARKS, GRAMS, COUNTS, LIST],
    free,
  } = allocate(kernels, [n * width * 8, n * 8, n * 4, ONE_PLUS_LOG.byteLength, width * 8, v.length * 8, ids * 4, ids * 4, ids * 4, ids * 4]);
  let buffer = kernels.memory.buffer;
  new Float64Array(buffer, OUT, n * width).fill(0);
  new Float64Array(buffer, TOTAL, n).fill(0);
  const rowsAt = new Int32Array(buffer, ROWS, n);
  for (let a = 0; a < n; a++) rowsAt[a] = rows[a]!;
  new Float64Array(buffer, OPL, ONE_PLUS_LOG.length).set(ONE_PLUS_LOG);
  new Float64Array(buffer, V, v.length).set(v);
  // Stamps (word blocks) and counts (token blocks) start at zero.
  new Int32Array(buffer, MARKS, ids).fill(0);
  new Int32Array(buffer, COUNTS, ids).fill(0);
  let stamp = 0;
  for (const { tokens, offsets, rowAt, idfOf, weight, words, sums, squares } of blocks) {
    const lookups = allocate(kernels, [rowAt.length * 4, idfOf.length * 8]);
    const [ROWAT, IDF] = lookups.at;
    if (words) {
      const { pool, starts, ends, slots } = words;
      const types = starts.length;
      const tables = allocate(kernels, [words.offsets.length * 4, slots.length * 4, pool.length * 4, types * 4, types * 4, types * width * 8, types * 8]);
      const [WOFFSETS, SLOTS, POOL, STARTS, ENDS, SUMS, SQUARES] = tables.at;
      buffer = kernels.memory.buffer;
      copyLookups(buffer, ROWAT, rowAt, IDF, idfOf);
      new Int32Array(buffer, WOFFSETS, words.offsets.length).set(words.offsets);
      new Int32Array(buffer, SLOTS, slots.length).set(slots);
      new Int32Array(buffer, POOL, pool.length).set(pool);
      new Int32Array(buffer, STARTS, types).set(starts);
      new Int32Array(buffer, ENDS, types).set(ends);
      new Float64Array(buffer, SUMS, types * width).set(sums!);
      new Float64Array(buffer, SQUARES, types).set(squares!);
      inPieces(n, (a, end) => {
        stamp = kernels.projectWords(
          end - a,
          width,
          ROWS + 4 * a,
          WOFFSETS,
          SLOTS,
          POOL,
          STARTS,
          ENDS,
          SUMS,
          SQUARES,
          ROWAT,
          IDF,
          V,
          OPL,
          MARKS,
          GRAMS,
          LIST,
          PART,
          weight,
          OUT + 8 * width * a,
          TOTAL + 8 * a,
          stamp,
        );
      });
      tables.free();
    } else {
      const tokenTable = allocate(kernels, [tokens.length * 4, offsets.length * 4]);
      const [TOKENS, OFFSETS] = tokenTable.at;
      buffer = kernels.memory.buffer;
      copyLookups(buffer, ROWAT, rowAt, IDF, idfOf);
      new Int32Array(buffer, TOKENS, tokens.length).set(tokens);
      new Int32Array(buffer, OFFSETS, offsets.length).set(offsets);
      inPieces(n, (a, end) => {
        kernels.projectTokens(end - a, width, ROWS + 4 * a, OFFSETS, TOKENS, ROWAT, IDF, V, OPL, COUNTS, LIST, PART, weight, OUT + 8 * width * a, TOTAL + 8 * a);
      });
      tokenTable.free();
    }
    lookups.free();
  }
  buffer = kernels.memory.buffer;
  const out = new Float64Array(buffer, OUT, n * width).slice();
  const totals = new Float64Array(buffer, TOTAL, n);
  // The combined row has unit length.
  for (let a = 0; a < n; a++) {
    const total = totals[a]!;
    if (total > 0) {
      const inv = 1 / Math.sqrt(total);
      const o = a * width;
      for (let j = 0; j < width; j++) out[o + j]! *= inv;
    }
  }
  free();
  return out;
}

function copyLookups(buffer: ArrayBufferLike, ROWAT: number, rowAt: Int32Array, IDF: number, idfOf: Float64Array): void {
  new Int32Array(buffer, ROWAT, rowAt.length).set(rowAt);
  new Float64Array(buffer, IDF, idfOf.length).set(idfOf);
}

/** Inverse document frequency of each column, as in {@link tfidf}. */
function idfOf(vocabulary: Vocabulary): Float64Array {
  const n = vocabulary.documents;
  return idfOfCounts(vocabulary.df, n);
}

function isTermIds(docs: FeatureBlock['docs']): docs is TermIds {
  return !Array.isArray(docs);
}
