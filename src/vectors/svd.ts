/**
 * Truncated SVD of a sparse matrix by the randomized range finder of
 * Halko, Martinsson & Tropp (2011): sample the range with a seeded Gaussian
 * block, sharpen it with power iterations, and solve the small problem
 * exactly. Only tall-skinny dense blocks (rows × (rank + oversample)) are
 * ever allocated; the sparse matrix is never densified.
 */
import { createSkippableRandom } from '../cluster/random';
import type { SparseMatrix } from './sparse';
import { allocate, inPieces, type Kernels, threadKernels, writePairs } from '../wasm/kernels';

/** A truncated SVD A ≈ U · diag(S) · Vᵀ. */
export interface TruncatedSvd {
  /** Number of components actually found (≤ the rank asked for; fewer when A has lower rank). */
  rank: number;
  /** Left singular vectors, rows × rank, row-major. */
  u: Float64Array;
  /** Singular values, descending. */
  s: Float64Array;
  /** Right singular vectors, cols × rank, row-major (column `j` of V in `v[c * rank + j]`). */
  v: Float64Array;
}

/** Options of {@link randomizedSvd}. */
export interface SvdOptions {
  /** Seed of the Gaussian test matrix. */
  seed: number;
  /** Extra sampled directions beyond `rank` (default 10). */
  oversample?: number;
  /** Power iterations (default 3); more sharpen slowly decaying spectra. */
  powerIterations?: number;
  /** Work on the used columns only (default true; the result is the same, only faster). */
  compactColumns?: boolean;
}

/**
 * The `rank` largest singular triplets of a CSR matrix.
 *
 * @param m - The sparse matrix (rows × cols).
 * @param rank - Components wanted (≥ 1).
 * @param options - Seed, oversampling and power iterations.
 * @returns U, S, V of the truncated SVD; deterministic for a seed.
 *
 * @example
 * ```ts
 * const { s } = randomizedSvd(matrix, 2, { seed: 1 });
 * s[0] >= s[1]; // true
 * ```
 */
export function randomizedSvd(m: SparseMatrix, rank: number, options: SvdOptions): TruncatedSvd {
  if (options.compactColumns === false) return svdOf(m, rank, options, undefined);
  const small = randomizedSvdOfUsedColumns(m, rank, options);
  if (small.columns.length === m.cols) return { rank: small.rank, u: small.u, s: small.s, v: small.v };
  const r = small.rank;
  const v = new Float64Array(m.cols * r);
  small.columns.forEach((c, j) => {
    v.set(small.v.subarray(j * r, (j + 1) * r), c * r);
  });
  return { rank: r, u: small.u, s: small.s, v };
}

/** A truncated SVD whose V has rows for the used columns only. */
export interface CompactSvd extends TruncatedSvd {
  /** The columns of the matrix with a stored value, ascending; row `j` of `v` belongs to `columns[j]` (other rows of V are zero). */
  columns: Int32Array;
}

/**
 * {@link randomizedSvd} with V kept to the used columns: the same numbers,
 * without a V as tall as the whole (wide, sparse) matrix.
 *
 * @param m - The sparse matrix (rows × cols).
 * @param rank - Components wanted (≥ 1).
 * @param options - Seed, oversampling and power iterations.
 * @returns U, S, the used columns and V's rows for them.
 *
 * @example
 * ```ts
 * const { columns, v, rank } = randomizedSvdOfUsedColumns(matrix, 2, { seed: 1 });
 * ```
 */
export function randomizedSvdOfUsedColumns(m: SparseMatrix, rank: number, options: SvdOptions): CompactSvd {
  // Columns without a stored value have zero rows in V and add nothing to
  // any product: the work runs on the used columns only (a sample of rows
  // of a wide matrix uses few), with the same random numbers and the same
  // sums as on the full matrix.
  const used = usedColumns(m);
  if (used.length === m.cols) return { ...svdOf(m, rank, options, undefined), columns: Int32Array.from(used) };
  const position = new Int32Array(m.cols).fill(-1);
  used.forEach((c, j) => {
    position[c] = j;
  });
  // A plain loop: `Int32Array.from` with a mapping function calls it once per entry (~60 ms for
  // the 413k entries of the 100k notes' sample, against ~1 ms).
  // The stored entries (the arrays may be longer: a view with room to spare).
  const nnz = m.indptr[m.rows]!;
  const indices = new Int32Array(nnz);
  for (let p = 0; p < nnz; p++) indices[p] = position[m.indices[p]!]!;
  const compact: SparseMatrix = { rows: m.rows, cols: used.length, indptr: m.indptr, indices, values: m.values };
  return { ...svdOf(compact, rank, options, { cols: m.cols, used }), columns: Int32Array.from(used) };
}

/** Columns of `m` with at least one stored value, ascending. */
function usedColumns(m: SparseMatrix): number[] {
  const seen = new Uint8Array(m.cols);
  const end = m.indptr[m.rows]!;
  for (let p = m.indptr[0]!; p < end; p++) seen[m.indices[p]!] = 1;
  const used: number[] = [];
  for (let c = 0; c < m.cols; c++) if (seen[c]) used.push(c);
  return used;
}

function svdOf(
  m: SparseMatrix,
  rank: number,
  options: SvdOptions,
  full: { cols: number; used: number[] } | undefined,
): TruncatedSvd {
  const oversample = options.oversample ?? 10;
  const q = options.powerIterations ?? 3;
  const l = Math.max(1, Math.min(rank + oversample, m.rows, full ? full.cols : m.cols));
  // Box–Muller Gaussians from the seeded stream (random.ts: `gaussians`).
  const { skip, gaussians } = createSkippableRandom(options.seed);
  // The Gaussian block of the full matrix (cols × l, row-major); only the used columns' rows are kept.
  const omega = new Float64Array(m.cols * l);
  if (full) {
    let next = 0;
    for (let c = 0; c < full.cols; c++) {
      if (next < full.used.length && full.used[next] === c) {
        gaussians(omega, next * l, l);
        next++;
      } else {
        // An unused column: its Gaussians are skipped (the stream stays that of the full matrix).
        skip(2 * l);
      }
    }
  } else gaussians(omega, 0, omega.length);

  // Power iterations re-orthonormalise the (short) row side only; in double
  // precision that is stable for the few iterations used here.
  // The products run column by column (CSC): the wide side (cols × width) is
  // then read and written in order, the short side stays in cache; every
  // sum adds the same terms in the same order as row by row.
  const t = transpose(m);
  const { byColumns, transposedByColumns, normalTimes, done } = sparseProducts(t, m.rows, l);
  let basis = orthonormalize(byColumns(omega, l), m.rows, l, 1);
  for (let it = 0; it < q; it++) {
    basis = orthonormalize(normalTimes(basis.q, basis.cols), m.rows, basis.cols, it === q - 1 ? 2 : 1);
  }
  // B = Qᵀ A; its Gram matrix B Bᵀ = Zᵀ Z with Z = Aᵀ Q, or Qᵀ (A Z) when the matrix is wide: one more
  // sparse product, but sums over the rows instead of the columns (the 100k notes' sample: 16 M
  // instead of 58 M multiply-adds; docs/scaling.md, session 5).
  const w = basis.cols;
  const nnz = m.indptr[m.rows]! - m.indptr[0]!;
  // The choices below count the used columns only, so the full-width and the compact computation
  // take the same branch (and give the same numbers).
  const used = full ? m.cols : usedColumns(m).length;
  const z = transposedByColumns(basis.q, w);
  const gram =
    nnz * w + m.rows * w * w < (used * w * w) / 2
      ? symmetrised(times(transposed(basis.q, m.rows, w), w, m.rows, transposed(byColumns(z, w), m.rows, w), w), w)
      : gramOf(z, m.cols, w);
  const { values, vectors } = symmetricEigen(gram, w);
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]! || a - b);
  const top = Math.max(0, Math.min(rank, w));
  const scale = values.reduce((a, b) => Math.max(a, b), 0);
  const kept = order.slice(0, top).filter((j) => values[j]! > scale * 1e-20 && values[j]! > 0);
  const r = kept.length;
  const s = Float64Array.from(kept, (j) => Math.sqrt(values[j]!));
  const picked = columnsOf(vectors, w, kept);
  const u = times(basis.q, m.rows, w, picked, r);
  // V = Z P / s = Aᵀ U / s: from the sparse matrix when that is fewer multiply-adds (nnz · r against cols · w · r).
  const v = nnz < used * w ? transposedByColumns(u, r) : times(z, m.cols, w, picked, r);
  done();
  scaleAndFixSigns(u, v, s, m.rows, m.cols, r);
  return { rank: r, u, s, v };
}

/** The sparse products of one SVD: A·B and Aᵀ·Q from the transpose `t` of A (A has `rows` rows). */
interface SparseProducts {
  /** A·B (B: cols × width), as {@link multiplyByColumns}. */
  byColumns: (b: Float64Array, width: number) => Float64Array;
  /** Aᵀ·Q (Q: rows × width), as {@link multiplyTransposedByColumns}. */
  transposedByColumns: (q: Float64Array, width: number) => Float64Array;
  /** A·(Aᵀ·Q): the two products of a power iteration, without handing out the wide Aᵀ·Q. */
  normalTimes: (q: Float64Array, width: number) => Float64Array;
  /** Ends the SVD's use of the kernels. */
  done: () => void;
}

/** Columns per call of the sparse WebAssembly products. */
const SPARSE_CALL_COLUMNS = 2048;

/**
 * The products of {@link svdOf}: in WebAssembly (the same sums in the same
 * order, two columns of the dense side per SIMD lane pair; wasm/kernels.wat)
 * when this engine has it, else the JavaScript kernels. The transpose is
 * copied into the kernels' memory once; an Aᵀ·Q result that is the next
 * product's B stays there.
 */
function sparseProducts(t: SparseMatrix, rows: number, maxWidth: number): SparseProducts {
  const kernels = threadKernels();
  if (!kernels) {
    return {
      byColumns: (b, width) => multiplyByColumns(t, rows, b, width),
      transposedByColumns: (q, width) => multiplyTransposedByColumns(t, q, width),
      normalTimes: (q, width) => multiplyByColumns(t, rows, multiplyTransposedByColumns(t, q, width), width),
      done: () => {},
    };
  }
  const cols = t.rows;
  const nnz = t.indptr[cols]!;
  const {
    at: [IP, IX, VX, WIDE, SHORT],
    free,
  } = allocate(kernels, [(cols + 1) * 4, nnz * 4, nnz * 8, cols * maxWidth * 8, rows * maxWidth * 8]);
  // The dense steps between the products take memory above this (and may grow it): views are made per call.
  const memory = () => kernels.memory.buffer;
  new Int32Array(memory(), IP, cols + 1).set(t.indptr.subarray(0, cols + 1));
  new Int32Array(memory(), IX, nnz).set(t.indices.subarray(0, nnz));
  new Float64Array(memory(), VX, nnz).set(t.values.subarray(0, nnz));
  // The last Aᵀ·Q handed out, still in WIDE.
  let wide: Float64Array | undefined;
  let wideWidth = 0;
  // The products run in pieces of SPARSE_CALL_COLUMNS columns, in column order as one call would (inPieces).
  const shortTimes = (width: number) => {
    new Float64Array(memory(), SHORT, rows * width).fill(0);
    inPieces(cols, (c, end) => kernels.sparseTimes(end - c, width, IP + 4 * c, IX, VX, WIDE + 8 * width * c, SHORT), SPARSE_CALL_COLUMNS);
    return new Float64Array(memory(), SHORT, rows * width).slice();
  };
  const wideTimes = (q: Float64Array, width: number) => {
    new Float64Array(memory(), SHORT, rows * width).set(q.subarray(0, rows * width));
    inPieces(cols, (c, end) => kernels.sparseTransposedTimes(end - c, width, IP + 4 * c, IX, VX, SHORT, WIDE + 8 * width * c), SPARSE_CALL_COLUMNS);
  };
  return {
    byColumns(b, width) {
      if (b !== wide || width !== wideWidth) new Float64Array(memory(), WIDE, cols * width).set(b.subarray(0, cols * width));
      return shortTimes(width);
    },
    transposedByColumns(q, width) {
      wideTimes(q, width);
      wide = new Float64Array(memory(), WIDE, cols * width).slice();
      wideWidth = width;
      return wide;
    },
    normalTimes(q, width) {
      wideTimes(q, width);
      wide = undefined;
      return shortTimes(width);
    },
    done: free,
  };
}

/** The transpose of a rows × w row-major block (w × rows): Qᵀ·Y is then `times(Qᵀ, w, rows, Yᵀ, w)`, sums over the rows in order. */
function transposed(y: Float64Array, rows: number, w: number): Float64Array {
  const out = new Float64Array(rows * w);
  for (let i = 0; i < rows; i++) for (let a = 0; a < w; a++) out[a * rows + i] = y[i * w + a]!;
  return out;
}

/** (G + Gᵀ) / 2 of a w × w row-major matrix, in place. */
function symmetrised(g: Float64Array, w: number): Float64Array {
  for (let a = 0; a < w; a++) {
    for (let b = a + 1; b < w; b++) {
      const mean = (g[a * w + b]! + g[b * w + a]!) / 2;
      g[a * w + b] = mean;
      g[b * w + a] = mean;
    }
  }
  return g;
}

/** A (rows × cols, sparse) times B (cols × width, row-major). */
export function multiply(m: SparseMatrix, b: Float64Array, width: number): Float64Array {
  const { rows, indptr, indices, values } = m;
  const out = new Float64Array(rows * width);
  for (let i = 0; i < rows; i++) {
    const o = i * width;
    const end = indptr[i + 1]!;
    for (let p = indptr[i]!; p < end; p++) {
      const val = values[p]!;
      const bo = indices[p]! * width;
      for (let j = 0; j < width; j++) out[o + j]! += val * b[bo + j]!;
    }
  }
  return out;
}

/** Aᵀ (cols × rows) times Q (rows × width, row-major). */
export function multiplyTransposed(m: SparseMatrix, q: Float64Array, width: number): Float64Array {
  const { rows, indptr, indices, values } = m;
  const out = new Float64Array(m.cols * width);
  for (let i = 0; i < rows; i++) {
    const qo = i * width;
    const end = indptr[i + 1]!;
    for (let p = indptr[i]!; p < end; p++) {
      const val = values[p]!;
      const o = indices[p]! * width;
      for (let j = 0; j < width; j++) out[o + j]! += val * q[qo + j]!;
    }
  }
  return out;
}

/**
 * The transpose of a CSR matrix as CSR (= the matrix in CSC form): row `c`
 * lists the rows of column `c`, ascending.
 */
function transpose(m: SparseMatrix): SparseMatrix {
  const { rows, cols, indptr, indices, values } = m;
  const nnz = indptr[rows]! - indptr[0]!;
  const colptr = new Int32Array(cols + 1);
  for (let p = indptr[0]!; p < indptr[rows]!; p++) colptr[indices[p]! + 1]!++;
  for (let c = 0; c < cols; c++) colptr[c + 1]! += colptr[c]!;
  const fill = colptr.slice(0, cols);
  const rowOf = new Int32Array(nnz);
  const vals = new Float64Array(nnz);
  for (let i = 0; i < rows; i++) {
    for (let p = indptr[i]!; p < indptr[i + 1]!; p++) {
      const at = fill[indices[p]!]!++;
      rowOf[at] = i;
      vals[at] = values[p]!;
    }
  }
  return { rows: cols, cols: rows, indptr: colptr, indices: rowOf, values: vals };
}

/**
 * {@link multiply} from the transpose `t` of A (A has `rows` rows); for sorted rows of A the same sums in the same order.
 * Ten columns of B at a time (then four, two, one: the default width 30 is three
 * blocks of ten) are held in registers while they are added to the rows of the
 * column's entries (each output entry still gets its terms in ascending column order).
 */
function multiplyByColumns(t: SparseMatrix, rows: number, b: Float64Array, width: number): Float64Array {
  const { indptr, indices, values } = t;
  const out = new Float64Array(rows * width);
  for (let c = 0; c < t.rows; c++) {
    const bo = c * width;
    const start = indptr[c]!;
    const end = indptr[c + 1]!;
    if (start === end) continue;
    let j = 0;
    for (; j + 10 <= width; j += 10) {
      const b0 = b[bo + j]!;
      const b1 = b[bo + j + 1]!;
      const b2 = b[bo + j + 2]!;
      const b3 = b[bo + j + 3]!;
      const b4 = b[bo + j + 4]!;
      const b5 = b[bo + j + 5]!;
      const b6 = b[bo + j + 6]!;
      const b7 = b[bo + j + 7]!;
      const b8 = b[bo + j + 8]!;
      const b9 = b[bo + j + 9]!;
      for (let p = start; p < end; p++) {
        const val = values[p]!;
        const o = indices[p]! * width + j;
        out[o]! += val * b0;
        out[o + 1]! += val * b1;
        out[o + 2]! += val * b2;
        out[o + 3]! += val * b3;
        out[o + 4]! += val * b4;
        out[o + 5]! += val * b5;
        out[o + 6]! += val * b6;
        out[o + 7]! += val * b7;
        out[o + 8]! += val * b8;
        out[o + 9]! += val * b9;
      }
    }
    for (; j + 4 <= width; j += 4) {
      const b0 = b[bo + j]!;
      const b1 = b[bo + j + 1]!;
      const b2 = b[bo + j + 2]!;
      const b3 = b[bo + j + 3]!;
      for (let p = start; p < end; p++) {
        const val = values[p]!;
        const o = indices[p]! * width + j;
        out[o]! += val * b0;
        out[o + 1]! += val * b1;
        out[o + 2]! += val * b2;
        out[o + 3]! += val * b3;
      }
    }
    for (; j + 2 <= width; j += 2) {
      const b0 = b[bo + j]!;
      const b1 = b[bo + j + 1]!;
      for (let p = start; p < end; p++) {
        const val = values[p]!;
        const o = indices[p]! * width + j;
        out[o]! += val * b0;
        out[o + 1]! += val * b1;
      }
    }
    for (; j < width; j++) {
      const bj = b[bo + j]!;
      for (let p = start; p < end; p++) out[indices[p]! * width + j]! += values[p]! * bj;
    }
  }
  return out;
}

/**
 * {@link multiplyTransposed} from the transpose `t` of A: the same sums in the same order
 * (each output row over its column's entries, ascending), ten columns at a time in registers
 * (then four, two, one).
 */
function multiplyTransposedByColumns(t: SparseMatrix, q: Float64Array, width: number): Float64Array {
  const { indptr, indices, values } = t;
  const out = new Float64Array(t.rows * width);
  for (let c = 0; c < t.rows; c++) {
    const o = c * width;
    const start = indptr[c]!;
    const end = indptr[c + 1]!;
    if (start === end) continue;
    let j = 0;
    for (; j + 10 <= width; j += 10) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      let s7 = 0;
      let s8 = 0;
      let s9 = 0;
      for (let p = start; p < end; p++) {
        const val = values[p]!;
        const qo = indices[p]! * width + j;
        s0 += val * q[qo]!;
        s1 += val * q[qo + 1]!;
        s2 += val * q[qo + 2]!;
        s3 += val * q[qo + 3]!;
        s4 += val * q[qo + 4]!;
        s5 += val * q[qo + 5]!;
        s6 += val * q[qo + 6]!;
        s7 += val * q[qo + 7]!;
        s8 += val * q[qo + 8]!;
        s9 += val * q[qo + 9]!;
      }
      out[o + j] = s0;
      out[o + j + 1] = s1;
      out[o + j + 2] = s2;
      out[o + j + 3] = s3;
      out[o + j + 4] = s4;
      out[o + j + 5] = s5;
      out[o + j + 6] = s6;
      out[o + j + 7] = s7;
      out[o + j + 8] = s8;
      out[o + j + 9] = s9;
    }
    for (; j + 4 <= width; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = start; p < end; p++) {
        const val = values[p]!;
        const qo = indices[p]! * width + j;
        s0 += val * q[qo]!;
        s1 += val * q[qo + 1]!;
        s2 += val * q[qo + 2]!;
        s3 += val * q[qo + 3]!;
      }
      out[o + j] = s0;
      out[o + j + 1] = s1;
      out[o + j + 2] = s2;
      out[o + j + 3] = s3;
    }
    for (; j + 2 <= width; j += 2) {
      let s0 = 0;
      let s1 = 0;
      for (let p = start; p < end; p++) {
        const val = values[p]!;
        const qo = indices[p]! * width + j;
        s0 += val * q[qo]!;
        s1 += val * q[qo + 1]!;
      }
      out[o + j] = s0;
      out[o + j + 1] = s1;
    }
    for (; j < width; j++) {
      let s = 0;
      for (let p = start; p < end; p++) s += values[p]! * q[indices[p]! * width + j]!;
      out[o + j] = s;
    }
  }
  return out;
}

/** {@link gramOf} in WebAssembly (wasm/kernels.wat `gram`): the same sums in the same order. */
function gramInWasm(kernels: Kernels, y: Float64Array, rows: number, width: number): Float64Array {
  const {
    at: [Y, G],
    free,
  } = allocate(kernels, [rows * width * 8, width * width * 8]);
  const buffer = kernels.memory.buffer;
  new Float64Array(buffer, Y, rows * width).set(y.subarray(0, rows * width));
  new Float64Array(buffer, G, width * width).fill(0);
  kernels.gram(rows, width, Y, G);
  const g = new Float64Array(buffer, G, width * width).slice();
  free();
  for (let a = 0; a < width; a++) for (let b = 0; b < a; b++) g[a * width + b] = g[b * width + a]!;
  return g;
}

/** {@link times} in WebAssembly (wasm/kernels.wat `denseTimes`): two outputs per lane pair, each summed in order. */
function timesInWasm(kernels: Kernels, y: Float64Array, rows: number, w: number, p: Float64Array, r: number): Float64Array {
  const pairs = (r + 1) >> 1;
  const {
    at: [Y, PP, OUT],
    free,
  } = allocate(kernels, [rows * w * 8, pairs * w * 16, rows * r * 8]);
  const buffer = kernels.memory.buffer;
  new Float64Array(buffer, Y, rows * w).set(y.subarray(0, rows * w));
  writePairs(new Float64Array(buffer, PP, pairs * w * 2), p, r, w);
  kernels.denseTimes(rows, w, r, Y, PP, OUT);
  const out = new Float64Array(buffer, OUT, rows * r).slice();
  free();
  return out;
}

/** Columns `which` of a w × w row-major matrix, as rows of a which.length × w array. */
function columnsOf(vectors: Float64Array, w: number, which: number[]): Float64Array {
  const out = new Float64Array(which.length * w);
  which.forEach((j, a) => {
    for (let c = 0; c < w; c++) out[a * w + c] = vectors[c * w + j]!;
  });
  return out;
}

/**
 * Y (rows × w, row-major) times Pᵀ where P is r × w row-major: rows × r.
 * Two rows and four outputs at a time: eight independent sums in registers,
 * each over c in ascending order as one at a time.
 */
function times(y: Float64Array, rows: number, w: number, p: Float64Array, r: number): Float64Array {
  const kernels = threadKernels();
  if (kernels) return timesInWasm(kernels, y, rows, w, p, r);
  const out = new Float64Array(rows * r);
  let i = 0;
  for (; i + 2 <= rows; i += 2) {
    const o = i * w;
    const o2 = o + w;
    const oo = i * r;
    const oo2 = oo + r;
    let a = 0;
    for (; a + 4 <= r; a += 4) {
      const p0 = a * w;
      const p1 = p0 + w;
      const p2 = p1 + w;
      const p3 = p2 + w;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let c = 0; c < w; c++) {
        const x = y[o + c]!;
        const z = y[o2 + c]!;
        const q0 = p[p0 + c]!;
        const q1 = p[p1 + c]!;
        const q2 = p[p2 + c]!;
        const q3 = p[p3 + c]!;
        s0 += x * q0;
        s1 += x * q1;
        s2 += x * q2;
        s3 += x * q3;
        t0 += z * q0;
        t1 += z * q1;
        t2 += z * q2;
        t3 += z * q3;
      }
      out[oo + a] = s0;
      out[oo + a + 1] = s1;
      out[oo + a + 2] = s2;
      out[oo + a + 3] = s3;
      out[oo2 + a] = t0;
      out[oo2 + a + 1] = t1;
      out[oo2 + a + 2] = t2;
      out[oo2 + a + 3] = t3;
    }
    for (; a < r; a++) {
      const po = a * w;
      let s = 0;
      let t = 0;
      for (let c = 0; c < w; c++) {
        s += y[o + c]! * p[po + c]!;
        t += y[o2 + c]! * p[po + c]!;
      }
      out[oo + a] = s;
      out[oo2 + a] = t;
    }
  }
  for (; i < rows; i++) {
    const o = i * w;
    for (let a = 0; a < r; a++) {
      const po = a * w;
      let sum = 0;
      for (let c = 0; c < w; c++) sum += y[o + c]! * p[po + c]!;
      out[i * r + a] = sum;
    }
  }
  return out;
}

/** Rows of Y per block of the Gram product: a block stays in the L1 cache while its sums run. */
const GRAM_BLOCK = 64;

/**
 * Yᵀ Y of a rows × width row-major block. Each entry adds its rows in
 * ascending order (blocks in order, rows in order within a block), two rows
 * by four columns of entries at a time in registers: the same sums as one row
 * at a time. (A zero y[i][a], which the plain loop may skip, adds ±0 and
 * leaves every partial sum as it is.)
 */
function gramOf(y: Float64Array, rows: number, width: number): Float64Array {
  const kernels = threadKernels();
  if (kernels) return gramInWasm(kernels, y, rows, width);
  const g = new Float64Array(width * width);
  for (let i0 = 0; i0 < rows; i0 += GRAM_BLOCK) {
    const i1 = Math.min(rows, i0 + GRAM_BLOCK);
    let a = 0;
    for (; a + 2 <= width; a += 2) {
      const ga = a * width;
      const gb = ga + width;
      // The 2 × 2 corner on and beside the diagonal: (a, a), (a, a+1), (a+1, a+1).
      let d0 = g[ga + a]!;
      let d1 = g[ga + a + 1]!;
      let d2 = g[gb + a + 1]!;
      for (let i = i0; i < i1; i++) {
        const o = i * width;
        const x0 = y[o + a]!;
        const x1 = y[o + a + 1]!;
        d0 += x0 * x0;
        d1 += x0 * x1;
        d2 += x1 * x1;
      }
      g[ga + a] = d0;
      g[ga + a + 1] = d1;
      g[gb + a + 1] = d2;
      let b = a + 2;
      for (; b + 4 <= width; b += 4) {
        let s0 = g[ga + b]!;
        let s1 = g[ga + b + 1]!;
        let s2 = g[ga + b + 2]!;
        let s3 = g[ga + b + 3]!;
        let t0 = g[gb + b]!;
        let t1 = g[gb + b + 1]!;
        let t2 = g[gb + b + 2]!;
        let t3 = g[gb + b + 3]!;
        for (let i = i0; i < i1; i++) {
          const o = i * width;
          const x0 = y[o + a]!;
          const x1 = y[o + a + 1]!;
          const y0 = y[o + b]!;
          const y1 = y[o + b + 1]!;
          const y2 = y[o + b + 2]!;
          const y3 = y[o + b + 3]!;
          s0 += x0 * y0;
          s1 += x0 * y1;
          s2 += x0 * y2;
          s3 += x0 * y3;
          t0 += x1 * y0;
          t1 += x1 * y1;
          t2 += x1 * y2;
          t3 += x1 * y3;
        }
        g[ga + b] = s0;
        g[ga + b + 1] = s1;
        g[ga + b + 2] = s2;
        g[ga + b + 3] = s3;
        g[gb + b] = t0;
        g[gb + b + 1] = t1;
        g[gb + b + 2] = t2;
        g[gb + b + 3] = t3;
      }
      for (; b < width; b++) {
        let s = g[ga + b]!;
        let t = g[gb + b]!;
        for (let i = i0; i < i1; i++) {
          const o = i * width;
          s += y[o + a]! * y[o + b]!;
          t += y[o + a + 1]! * y[o + b]!;
        }
        g[ga + b] = s;
        g[gb + b] = t;
      }
    }
    for (; a < width; a++) {
      const ga = a * width;
      for (let b = a; b < width; b++) {
        let s = g[ga + b]!;
        for (let i = i0; i < i1; i++) s += y[i * width + a]! * y[i * width + b]!;
        g[ga + b] = s;
      }
    }
  }
  for (let a = 0; a < width; a++) for (let b = 0; b < a; b++) g[a * width + b] = g[b * width + a]!;
  return g;
}

/**
 * An orthonormal basis of the column space of Y (rows × width), by the
 * eigen-decomposition of its Gram matrix, done twice for accuracy; columns of
 * (numerically) zero weight are dropped, so rank-deficient blocks are fine.
 */
function orthonormalize(y: Float64Array, rows: number, width: number, passes: number): { q: Float64Array; cols: number } {
  let cur = y;
  let w = width;
  for (let pass = 0; pass < passes; pass++) {
    const { values, vectors } = symmetricEigen(gramOf(cur, rows, w), w);
    const max = values.reduce((a, b) => Math.max(a, b), 0);
    const keep = [...values.keys()].filter((j) => values[j]! > max * 1e-24 && values[j]! > 0);
    keep.sort((a, b) => values[b]! - values[a]! || a - b);
    const nw = keep.length;
    const picked = columnsOf(vectors, w, keep);
    keep.forEach((j, a) => {
      const sc = 1 / Math.sqrt(values[j]!);
      for (let c = 0; c < w; c++) picked[a * w + c]! *= sc;
    });
    cur = times(cur, rows, w, picked, nw);
    w = nw;
  }
  return { q: cur, cols: w };
}

/**
 * Eigen-decomposition of a symmetric matrix: Householder reduction to
 * tridiagonal form and the implicit QL algorithm (tred2/tql2 of EISPACK, as
 * in JAMA), O(n³).
 *
 * @param a - n × n symmetric, row-major (not modified).
 * @param n - Order.
 * @returns Eigenvalues (ascending) and eigenvectors (column `j` in `vectors[c * n + j]`).
 *
 * @example
 * ```ts
 * symmetricEigen(Float64Array.of(2, 0, 0, 1), 2).values; // [1, 2]
 * ```
 */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const kernels = n > 0 ? threadKernels() : null;
  if (kernels) return eigenInWasm(kernels, a, n);
  const V = a.slice();
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n === 0) return { values: d, vectors: V };
  tred2(V, d, e, n);
  tql2(V, d, e, n);
  return { values: d, vectors: V };
}

/**
 * {@link symmetricEigen} in WebAssembly (wasm/eigen.wat: the same operations in the same order, so
 * the same bits): a fresh process calls it a few times only, and would otherwise run tred2 and tql2
 * in the interpreter while V8 compiles them (docs/scaling.md, session 7).
 */
function eigenInWasm(kernels: Kernels, a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const {
    at: [V, D, E],
    free,
  } = allocate(kernels, [8 * n * n, 8 * n, 8 * n]);
  const buffer = kernels.memory.buffer;
  new Float64Array(buffer, V, n * n).set(a.subarray(0, n * n));
  kernels.eigen(n, V, D, E);
  const values = new Float64Array(buffer, D, n).slice();
  const vectors = new Float64Array(buffer, V, n * n).slice();
  free();
  return { values, vectors };
}

/**
 * The two halves of {@link symmetricEigen} and its rotation as functions of
 * their own: V8 optimises each after its first calls instead of compiling one
 * long function piecewise while the first decomposition runs (the first call
 * took ~70-100 ms instead of a few). The same operations in the same order.
 */
function tred2(V: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = V[(n - 1) * n + j]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = V[(i - 1) * n + j]!;
        V[i * n + j] = 0;
        V[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k]! /= scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        V[j * n + i] = f;
        g = e[j]! + V[j * n + j]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k * n + j]! * d[k]!;
          e[k]! += V[k * n + j]! * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j]! /= h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j]! -= hh * d[j]!;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        for (let k = j; k <= i - 1; k++) V[k * n + j]! -= f * e[k]! + g * d[k]!;
        d[j] = V[(i - 1) * n + j]!;
        V[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    V[(n - 1) * n + i] = V[i * n + i]!;
    V[i * n + i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[k * n + i + 1]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k * n + i + 1]! * V[k * n + j]!;
        for (let k = 0; k <= i; k++) V[k * n + j]! -= g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) V[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[(n - 1) * n + j]!;
    V[(n - 1) * n + j] = 0;
  }
  V[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** The implicit QL iterations of {@link symmetricEigen} (tql2). */
function tql2(V: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]!) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      for (let iter = 0; iter < 100; iter++) {
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        f += h;
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          rotateColumns(V, n, i, c, s);
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (Math.abs(e[l]!) <= eps * tst1) break;
      }
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
}

/** Applies the plane rotation (c, s) to columns i and i + 1 of V (n × n). */
function rotateColumns(V: Float64Array, n: number, i: number, c: number, s: number): void {
  for (let k = 0; k < n; k++) {
    const h = V[k * n + i + 1]!;
    V[k * n + i + 1] = s * V[k * n + i]! + c * h;
    V[k * n + i] = c * V[k * n + i]! - s * h;
  }
}

/**
 * Divides each component of V by its singular value and makes its largest |V| entry positive (as
 * scikit-learn's svd_flip on V), flipping U's component with it.
 */
function scaleAndFixSigns(u: Float64Array, v: Float64Array, sv: Float64Array, rows: number, cols: number, r: number): void {
  // One pass over V's rows for all components (each component still sees its entries in column
  // order), dividing and looking for the largest at once.
  const best = new Float64Array(r);
  for (let c = 0; c < cols; c++) {
    const o = c * r;
    for (let a = 0; a < r; a++) {
      const x = v[o + a]! / sv[a]!;
      v[o + a] = x;
      if (Math.abs(x) > Math.abs(best[a]!)) best[a] = x;
    }
  }
  let flip = false;
  for (let a = 0; a < r; a++) if (best[a]! < 0) flip = true;
  if (!flip) return;
  for (let c = 0; c < cols; c++) {
    const o = c * r;
    for (let a = 0; a < r; a++) if (best[a]! < 0) v[o + a] = -v[o + a]!;
  }
  for (let i = 0; i < rows; i++) {
    const o = i * r;
    for (let a = 0; a < r; a++) if (best[a]! < 0) u[o + a] = -u[o + a]!;
  }
}

/** @internal For the tests: the SVD's dense and sparse kernels (tests/perf-svd.test.ts compares them with plain loops). */
export const svdKernels = { transpose, multiplyByColumns, multiplyTransposedByColumns, times, gramOf };
