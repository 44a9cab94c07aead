/**
 * A compressed sparse row (CSR) matrix of float weights: the note × term
 * matrix never exists densely.
 */
export interface SparseMatrix {
  /** Number of rows (notes). */
  rows: number;
  /** Number of columns (terms). */
  cols: number;
  /** Row `i` spans `indices[indptr[i]] … indices[indptr[i + 1] - 1]`. */
  indptr: Int32Array;
  /** Column index of each stored value, ascending within a row. */
  indices: Int32Array;
  /** The stored values. */
  values: Float64Array;
}

/** Builds a CSR matrix from per-row maps of column → value. */
export function csrFromRows(rows: ReadonlyArray<ReadonlyMap<number, number>>, cols: number): SparseMatrix {
  let nnz = 0;
  for (const row of rows) nnz += row.size;
  const indptr = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  rows.forEach((row, i) => {
    const cols = [...row.keys()].sort((a, b) => a - b);
    for (const c of cols) {
      indices[p] = c;
      values[p] = row.get(c)!;
      p++;
    }
    indptr[i + 1] = p;
  });
  return { rows: rows.length, cols, indptr, indices, values };
}

/** Scales every row to unit Euclidean length (rows of zeros stay zero). */
export function normalizeRows(m: SparseMatrix): SparseMatrix {
  const values = m.values.slice();
  for (let i = 0; i < m.rows; i++) {
    let sum = 0;
    for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++) sum += values[p]! * values[p]!;
    if (sum > 0) {
      const inv = 1 / Math.sqrt(sum);
      for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++) values[p]! *= inv;
    }
  }
  return { ...m, values };
}

/** Row `i` as a dense array of length `m.cols`. */
export function denseRow(m: SparseMatrix, i: number): Float64Array {
  const out = new Float64Array(m.cols);
  for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++) out[m.indices[p]!] = m.values[p]!;
  return out;
}

/** Dot product of sparse row `i` with a dense vector. */
export function rowDot(m: SparseMatrix, i: number, v: ArrayLike<number>): number {
  let s = 0;
  for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++) s += m.values[p]! * v[m.indices[p]!]!;
  return s;
}

/** Number of stored values in row `i`. */
export function rowLength(m: SparseMatrix, i: number): number {
  return m.indptr[i + 1]! - m.indptr[i]!;
}

/**
 * The given rows of a CSR matrix, in the given order, copied.
 *
 * @param m - The matrix.
 * @param rows - Row numbers of `m`.
 * @param cols - Number of columns of the result.
 * @returns A matrix of `rows.length` rows.
 *
 * @example
 * ```ts
 * pickRows(m, [2, 0], m.cols).rows; // 2
 * ```
 */
export function pickRows(m: SparseMatrix, rows: readonly number[], cols: number): SparseMatrix {
  let nnz = 0;
  for (const r of rows) nnz += m.indptr[r + 1]! - m.indptr[r]!;
  const indptr = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let q = 0;
  rows.forEach((r, i) => {
    const from = m.indptr[r]!;
    const to = m.indptr[r + 1]!;
    indices.set(m.indices.subarray(from, to), q);
    values.set(m.values.subarray(from, to), q);
    q += to - from;
    indptr[i + 1] = q;
  });
  return { rows: rows.length, cols, indptr, indices, values };
}
