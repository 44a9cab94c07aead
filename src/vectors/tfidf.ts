/**
 * Sparse TF-IDF: sublinear term frequency (1 + ln tf), smoothed inverse
 * document frequency (ln((1 + n) / (1 + df)) + 1), rows scaled to unit length.
 * The same weighting as scikit-learn's `TfidfVectorizer(sublinear_tf=True)`.
 */
import type { SparseMatrix } from './sparse';
import { sortSmall, type TermIds, termIds, tokensOf, type Vocabulary } from './vocabulary';
import { ONE_PLUS_LOG, onePlusLog } from './sublinear-tf';
import { allocate, inPieces, type Kernels, threadKernels } from '../wasm/kernels';

/** The TF-IDF matrix and the idf of each feature. */
export interface TfidfResult {
  /** Notes × features, rows of unit length (or all zero). */
  matrix: SparseMatrix;
  /** Inverse document frequency of each feature. */
  idf: Float64Array;
}

/**
 * Weighs the stems of each note against the vocabulary.
 *
 * @param docs - The stems of each note (stems outside the vocabulary are ignored).
 * @param vocabulary - The features.
 * @returns The sparse TF-IDF matrix and the idf vector.
 *
 * @example
 * ```ts
 * const vocabulary = buildVocabulary(docs, { minDf: 1, maxDf: docs.length });
 * const { matrix } = tfidf(docs, vocabulary);
 * ```
 */
export function tfidf(docs: ReadonlyArray<ReadonlyArray<string>>, vocabulary: Vocabulary): TfidfResult {
  // Tokens already read as ids while building this vocabulary: no Map lookup per token.
  const known = tokensOf(vocabulary, docs);
  if (known) return tfidfOfIds(known, known.columnOfId, vocabulary);
  const ids = termIds(docs);
  const columnOfId = Int32Array.from(ids.names, (name) => vocabulary.index.get(name) ?? -1);
  return tfidfOfIds(ids, columnOfId, vocabulary);
}

/**
 * {@link tfidf} of interned terms: the column of each id given (-1 = not a feature).
 *
 * @param ids - The notes' terms as ids.
 * @param columnOfId - Column of each id in `vocabulary`, or -1.
 * @param vocabulary - The features (document frequencies, number of documents).
 * @returns The sparse TF-IDF matrix and the idf vector.
 *
 * @example
 * ```ts
 * const ids = termIds(docs);
 * const { vocabulary, columnOfId } = vocabularyOfIds(ids, { minDf: 1, maxDf: docs.length });
 * const { matrix } = tfidfOfIds(ids, columnOfId, vocabulary);
 * ```
 */
export function tfidfOfIds(ids: TermIds, columnOfId: Int32Array, vocabulary: Vocabulary): TfidfResult {
  const n = vocabulary.documents;
  const idf = idfOfCounts(vocabulary.df, n);
  const cols = vocabulary.terms.length;
  const { tokens, offsets } = ids;
  const rows = offsets.length - 1;
  const kernels = threadKernels();
  if (kernels && rows > 0) return { matrix: rowsInWasm(kernels, ids, columnOfId, idf, cols), idf };
  // Counts per column in a dense scratch array, the touched columns listed,
  // sorted and written straight into CSR (no Map per note).
  const count = new Int32Array(cols);
  // The distinct columns of a note, sorted in place (sortSmall).
  let touched = new Int32Array(64);
  const indptr = new Int32Array(rows + 1);
  // A note has at most as many distinct columns as tokens: room for all, no growing and no copy at the end.
  const indices = new Int32Array(tokens.length);
  const values = new Float64Array(tokens.length);
  let p = 0;
  for (let i = 0; i < rows; i++) {
    let distinct = 0;
    const end = offsets[i + 1]!;
    if (end - offsets[i]! > touched.length) touched = new Int32Array(Math.max(end - offsets[i]!, touched.length * 2));
    for (let t = offsets[i]!; t < end; t++) {
      const col = columnOfId[tokens[t]!]!;
      if (col < 0) continue;
      if (count[col] === 0) touched[distinct++] = col;
      count[col]!++;
    }
    if (distinct > 1) sortSmall(touched, distinct);
    const from = p;
    for (let d = 0; d < distinct; d++) {
      const col = touched[d]!;
      indices[p] = col;
      values[p] = onePlusLog(count[col]!) * idf[col]!;
      count[col] = 0;
      p++;
    }
    // Unit length, as normalizeRows computes it (in place: these values are this function's own).
    let sum = 0;
    for (let q = from; q < p; q++) sum += values[q]! * values[q]!;
    if (sum > 0) {
      const inv = 1 / Math.sqrt(sum);
      for (let q = from; q < p; q++) values[q]! *= inv;
    }
    indptr[i + 1] = p;
  }
  const matrix: SparseMatrix = { rows, cols, indptr, indices: indices.subarray(0, p), values: values.subarray(0, p) };
  return { matrix, idf };
}

/**
 * The rows of {@link tfidfOfIds} by wasm/counts.wat (`tfidfRows`: the same operations in the same
 * order, so the same bits), its arrays copied into the kernels' memory.
 */
function rowsInWasm(kernels: Kernels, ids: TermIds, columnOfId: Int32Array, idf: Float64Array, cols: number): SparseMatrix {
  const { tokens, offsets } = ids;
  const rows = offsets.length - 1;
  const {
    at: [OFFSETS, TOKENS, COLUMNS, IDF, OPL, COUNT, TOUCHED, INDPTR, INDICES, VALUES],
    free,
  } = allocate(kernels, [
    4 * (rows + 1),
    4 * tokens.length,
    4 * columnOfId.length,
    8 * cols,
    ONE_PLUS_LOG.byteLength,
    4 * cols,
    4 * cols,
    4 * (rows + 1),
    4 * tokens.length,
    8 * tokens.length,
  ]);
  const buffer = kernels.memory.buffer;
  new Int32Array(buffer, OFFSETS, rows + 1).set(offsets);
  new Int32Array(buffer, TOKENS, tokens.length).set(tokens);
  new Int32Array(buffer, COLUMNS, columnOfId.length).set(columnOfId);
  new Float64Array(buffer, IDF, cols).set(idf);
  new Float64Array(buffer, OPL, ONE_PLUS_LOG.length).set(ONE_PLUS_LOG);
  new Int32Array(buffer, COUNT, cols).fill(0);
  new Int32Array(buffer, INDPTR, 1)[0] = 0;
  let p = 0;
  inPieces(rows, (first, end) => {
    p = kernels.tfidfRows(first, end, OFFSETS, TOKENS, COLUMNS, IDF, OPL, COUNT, TOUCHED, INDPTR, INDICES, VALUES, p);
  });
  const matrix: SparseMatrix = {
    rows,
    cols,
    indptr: new Int32Array(buffer, INDPTR, rows + 1).slice(),
    indices: new Int32Array(buffer, INDICES, p).slice(),
    values: new Float64Array(buffer, VALUES, p).slice(),
  };
  free();
  return matrix;
}

/**
 * ln((1 + n) / (1 + df)) + 1 of each document frequency, by a plain loop (`Float64Array.from` with a mapping
 * function calls it per entry: ~25 ms for the 100k notes' vocabulary).
 */
export function idfOfCounts(df: Float64Array, n: number): Float64Array {
  const idf = new Float64Array(df.length);
  for (let c = 0; c < df.length; c++) idf[c] = Math.log((1 + n) / (1 + df[c]!)) + 1;
  return idf;
}
