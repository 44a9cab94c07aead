/**
 * The feature matrix of the notes: TF-IDF blocks for several kinds of term
 * (word stems, compound parts, character n-grams), each block row-normalised,
 * weighted, side by side, and the whole row scaled to unit length.
 */
import { normalizeRows, type SparseMatrix } from './sparse';
import { tfidfOfIds } from './tfidf';
import { type TermIds, termIds, vocabularyOfIds } from './vocabulary';

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
  const first = blocks[0]?.docs;
  const n = first === undefined ? 0 : isTermIds(first) ? first.offsets.length - 1 : first.length;
  const parts: Array<{ matrix: SparseMatrix; offset: number; weight: number }> = [];
  const columns: string[] = [];
  const blockSizes: number[] = [];
  for (const block of blocks) {
    if (block.weight <= 0) {
      blockSizes.push(0);
      continue;
    }
    const ids = isTermIds(block.docs) ? block.docs : termIds(block.docs);
    const { vocabulary, columnOfId } = vocabularyOfIds(ids, bounds, undefined, block.maxFeatures);
    const { matrix } = tfidfOfIds(ids, columnOfId, vocabulary);
    const offset = columns.length;
    for (const term of vocabulary.terms) columns.push(`${block.name}:${term}`);
    blockSizes.push(vocabulary.terms.length);
    parts.push({ matrix, offset, weight: block.weight });
  }
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
  return { matrix: normalizeRows({ rows: n, cols: columns.length, indptr, indices, values }), columns, blockSizes };
}

function isTermIds(docs: FeatureBlock['docs']): docs is TermIds {
  return !Array.isArray(docs);
}
