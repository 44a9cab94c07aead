/**
 * Sparse TF-IDF: sublinear term frequency (1 + ln tf), smoothed inverse
 * document frequency (ln((1 + n) / (1 + df)) + 1), rows scaled to unit length.
 * The same weighting as scikit-learn's `TfidfVectorizer(sublinear_tf=True)`.
 */
import { normalizeRows, type SparseMatrix } from './sparse';
import { tokensOf, type Vocabulary } from './vocabulary';

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
  const n = vocabulary.documents;
  const idf = Float64Array.from(vocabulary.df, (df) => Math.log((1 + n) / (1 + df)) + 1);
  const cols = vocabulary.terms.length;
  // Counts per column in a dense scratch array, the touched columns listed,
  // sorted and written straight into CSR (no Map per note).
  const count = new Int32Array(cols);
  const touched: number[] = [];
  const indptr = new Int32Array(docs.length + 1);
  let capacity = 1024;
  let indices = new Int32Array(capacity);
  let values = new Float64Array(capacity);
  let p = 0;
  // Tokens already read as ids while building this vocabulary: map ids to columns once.
  const known = tokensOf(vocabulary, docs);
  const colOfId = known ? Int32Array.from(known.names, (name) => vocabulary.index.get(name) ?? -1) : undefined;
  for (let i = 0; i < docs.length; i++) {
    touched.length = 0;
    if (known && colOfId) {
      for (let t = known.offsets[i]!; t < known.offsets[i + 1]!; t++) {
        const col = colOfId[known.tokens[t]!]!;
        if (col < 0) continue;
        if (count[col] === 0) touched.push(col);
        count[col]!++;
      }
    } else {
      const stems = docs[i]!;
      for (let t = 0; t < stems.length; t++) {
        const col = vocabulary.index.get(stems[t]!);
        if (col === undefined) continue;
        if (count[col] === 0) touched.push(col);
        count[col]!++;
      }
    }
    if (touched.length > 1) touched.sort((a, b) => a - b);
    if (p + touched.length > capacity) {
      while (p + touched.length > capacity) capacity *= 2;
      indices = resize(indices, capacity);
      values = resize(values, capacity);
    }
    for (const col of touched) {
      indices[p] = col;
      values[p] = (1 + Math.log(count[col]!)) * idf[col]!;
      count[col] = 0;
      p++;
    }
    indptr[i + 1] = p;
  }
  const matrix: SparseMatrix = { rows: docs.length, cols, indptr, indices: indices.slice(0, p), values: values.slice(0, p) };
  return { matrix: normalizeRows(matrix), idf };
}

function resize<T extends Float64Array | Int32Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a.subarray(0, Math.min(a.length, size)));
  return out;
}
