/**
 * Sparse TF-IDF: sublinear term frequency (1 + ln tf), smoothed inverse
 * document frequency (ln((1 + n) / (1 + df)) + 1), rows scaled to unit length.
 * The same weighting as scikit-learn's `TfidfVectorizer(sublinear_tf=True)`.
 */
import { csrFromRows, normalizeRows, type SparseMatrix } from './sparse';
import type { Vocabulary } from './vocabulary';

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
  const rows = docs.map((stems) => {
    const tf = new Map<number, number>();
    for (const stem of stems) {
      const col = vocabulary.index.get(stem);
      if (col !== undefined) tf.set(col, (tf.get(col) ?? 0) + 1);
    }
    for (const [col, count] of tf) tf.set(col, (1 + Math.log(count)) * idf[col]!);
    return tf;
  });
  return { matrix: normalizeRows(csrFromRows(rows, vocabulary.terms.length)), idf };
}
