/**
 * The WebAssembly (SIMD) versions of the numeric kernels (kernels.wat): the
 * k-means steps (cluster/kmeans.ts), the SVD's sparse and dense products
 * (vectors/svd.ts), the LSA projection (cluster/fit.ts, vectors/features.ts),
 * with the same results bit for bit as the JavaScript kernels there, which
 * stay as the fallback where WebAssembly or its SIMD is missing.
 */
import { onePlusLog } from '../vectors/sublinear-tf';
import { COUNTS_WASM, EIGEN_WASM, KERNELS_WASM, MEMBERSHIP_WASM, PROJECTION_WASM } from './kernels-wasm';

/** The exports of kernels.wat. */
export interface Kernels {
  memory: WebAssembly.Memory;
  assign: (
    n: number,
    dim: number,
    k: number,
    D: number,
    N: number,
    P: number,
    CN: number,
    IN: number,
    L: number,
    U: number,
    LO: number,
    S: number,
    DT: number,
    CS: number,
    useBounds: number,
    maxShiftAt: number,
    maxShift: number,
    secondShift: number,
    zeroCentre: number,
  ) => void;
  sums: (n: number, dim: number, D: number, L: number, NX: number, SZ: number) => void;
  sparseTimes: (cols: number, w: number, IP: number, IX: number, VX: number, B: number, OUT: number) => void;
  sparseTransposedTimes: (cols: number, w: number, IP: number, IX: number, VX: number, Q: number, OUT: number) => void;
  gram: (rows: number, w: number, Y: number, G: number) => void;
  denseTimes: (rows: number, w: number, r: number, Y: number, PP: number, OUT: number) => void;
  projectRows: (rows: number, w: number, RP: number, CX: number, VX: number, POS: number, V: number, OUT: number) => void;
  nearest: (n: number, dim: number, DP: number, C: number, NEAR: number) => number;
  /** From membership.wat (a second module on the same memory). */
  assignMembership: (
    n: number,
    r: number,
    k: number,
    AT: number,
    ITEMS: number,
    SC: number,
    CN: number,
    L: number,
    U: number,
    LO: number,
    S: number,
    DT: number,
    norm: number,
    useBounds: number,
    maxShiftAt: number,
    maxShift: number,
    secondShift: number,
  ) => void;
  /** From projection.wat (a third module on the same memory). */
  ngramSums: (types: number, w: number, POOL: number, STARTS: number, ENDS: number, ROWAT: number, IDF: number, V: number, SUMS: number, SQUARES: number) => void;
  /** From projection.wat: the n-gram block of the LSA projection for `count` notes; returns the last stamp used. */
  projectWords: (
    count: number,
    w: number,
    ROWS: number,
    WOFFSETS: number,
    SLOTS: number,
    POOL: number,
    STARTS: number,
    ENDS: number,
    SUMS: number,
    SQUARES: number,
    ROWAT: number,
    IDF: number,
    V: number,
    OPL: number,
    SEEN: number,
    GRAMS: number,
    REPEATS: number,
    PART: number,
    weight: number,
    OUT: number,
    TOTAL: number,
    stamp: number,
  ) => number;
  /** From projection.wat: a block of term ids of the LSA projection for `count` notes. */
  projectTokens: (
    count: number,
    w: number,
    ROWS: number,
    OFFSETS: number,
    TOKENS: number,
    ROWAT: number,
    IDF: number,
    V: number,
    OPL: number,
    COUNT: number,
    TOUCHED: number,
    PART: number,
    weight: number,
    OUT: number,
    TOTAL: number,
  ) => void;
  /** From eigen.wat (a fourth module on the same memory): `symmetricEigen` in place (V n × n, D and E n each). */
  eigen: (n: number, V: number, D: number, E: number) => void;
  /** From counts.wat (a fifth module on the same memory): document frequencies of term ids, of the notes `first` … `rows` − 1. */
  documentFrequencies: (first: number, rows: number, OFFSETS: number, TOKENS: number, WEIGHTS: number, LAST: number, COUNTS: number) => void;
  /** From counts.wat: the unit TF-IDF rows of notes `first` … `rows` − 1, from entry `p` on; returns the next free entry. */
  tfidfRows: (
    first: number,
    rows: number,
    OFFSETS: number,
    TOKENS: number,
    COLUMNS: number,
    IDF: number,
    OPL: number,
    COUNT: number,
    TOUCHED: number,
    INDPTR: number,
    INDICES: number,
    VALUES: number,
    p: number,
  ) => number;
  /** From counts.wat: notes `first` … `rows` − 1 into groups of equal term bags; returns the number of groups. */
  groupBags: (
    first: number,
    rows: number,
    repeats: number,
    OFFSETS: number,
    TOKENS: number,
    LAST: number,
    BAG: number,
    mask: number,
    SLOTHASH: number,
    SLOTGROUP: number,
    SAMEHASH: number,
    POOL: number,
    POOLSTART: number,
    OWNER: number,
    UNIQUE: number,
    groups: number,
  ) => number;
  documentFrequenciesByWords: (
    first: number,
    rows: number,
    WOFFSETS: number,
    SLOTS: number,
    STARTS: number,
    ENDS: number,
    POOL: number,
    WEIGHTS: number,
    LAST: number,
    COUNTS: number,
  ) => void;
}

let modules: WebAssembly.Module[] | null | undefined;
let enabled = true;
/** This thread's instance (undefined: not made yet). */
let shared: Kernels | null | undefined;

/**
 * This thread's instance of the kernels, or null when this JavaScript
 * engine has no WebAssembly with SIMD (or they are switched off).
 */
export function threadKernels(): Kernels | null {
  if (!enabled) return null;
  if (shared === undefined) {
    if (modules === undefined) modules = compileAll();
    if (modules) {
      // The first module owns the memory; the others import it.
      const main = new WebAssembly.Instance(modules[0]!).exports;
      const imports = { kernels: { memory: main.memory as WebAssembly.Memory, onePlusLog } };
      shared = Object.assign({}, main, ...modules.slice(1).map((m) => new WebAssembly.Instance(m, imports).exports)) as Kernels;
    } else shared = null;
  }
  return shared;
}

/** Lets this thread's instance (and its memory) go; the next call of {@link threadKernels} makes a new one. */
export function releaseKernels(): void {
  shared = undefined;
  top = 0;
}

/**
 * The modules, compiled synchronously (analyze is synchronous): browsers allow that on their main
 * thread for modules below 4 KB, which a test keeps each below. Any failure means the JavaScript kernels.
 */
function compileAll(): WebAssembly.Module[] | null {
  try {
    if (typeof WebAssembly !== 'object' || typeof atob !== 'function') return null;
    const compiled = [KERNELS_WASM, MEMBERSHIP_WASM, PROJECTION_WASM, EIGEN_WASM, COUNTS_WASM].map(compile);
    return compiled.every((m) => m !== null) ? (compiled as WebAssembly.Module[]) : null;
  } catch {
    return null;
  }
}

function compile(base64: string): WebAssembly.Module | null {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  if (!WebAssembly.validate(bytes)) return null;
  return new WebAssembly.Module(bytes);
}

/** Switches the WebAssembly kernels on or off (tests compare both; the results are the same). */
export function useWasmKernels(on: boolean): void {
  enabled = on;
}

/**
 * Items (notes, word types) per call of a long WebAssembly loop. V8 runs a WebAssembly call to its end in
 * the code it started with (there is no on-stack replacement), so one call for all would run in the
 * baseline tier while the optimised code is being compiled; called in pieces, in order, the later calls
 * run the optimised code.
 */
export const CALL_PIECE = 4096;

/** Calls `call(first, end)` for consecutive pieces `[first, end)` of `[0, count)`, in order. */
export function inPieces(count: number, call: (first: number, end: number) => void, size = CALL_PIECE): void {
  for (let first = 0; first < count; first += size) call(first, Math.min(count, first + size));
}

/** Memory above this many bytes is not kept after a run ({@link releaseKernels}). */
const KEEP_MEMORY = 64 << 20;

/** The end of the memory in use (allocations nest: an SVD's products hold theirs while its dense steps take more). */
let top = 0;

/** Arrays taken from the kernels' memory by {@link allocate}. */
export interface Allocation<T extends readonly number[]> {
  /** Byte offset of each array, 16-byte aligned. */
  at: { [K in keyof T]: number };
  /** Gives the memory back (the latest allocation first); a large memory is let go when nothing is left in use. */
  free: () => void;
}

/**
 * Takes consecutive arrays of the given byte sizes from the kernels' memory,
 * above what is in use, growing it as needed. Views made before a growth are
 * detached: take `kernels.memory.buffer` again after allocating.
 */
export function allocate<T extends readonly number[]>(kernels: Kernels, sizes: readonly [...T]): Allocation<T> {
  const base = top;
  const at: number[] = [];
  let end = base;
  for (const bytes of sizes) {
    at.push(end);
    end += Math.ceil(bytes / 16) * 16;
  }
  const have = kernels.memory.buffer.byteLength;
  if (end > have) kernels.memory.grow(Math.ceil((end - have) / 65536));
  top = end;
  return {
    at: at as { [K in keyof T]: number },
    free: () => {
      top = base;
      if (base === 0 && end > KEEP_MEMORY) releaseKernels();
    },
  };
}

/**
 * Writes `count` rows of `width` (row-major in `rows`) into `out` in pairs interleaved by column,
 * the layout the kernels' lanes read: pair p, column c at `(p·width + c)·2` holds (row 2p, row 2p+1);
 * an odd count gets a zero second lane in its last pair.
 */
export function writePairs(out: Float64Array, rows: Float64Array, count: number, width: number): void {
  for (let i = 0; i < count; i++) {
    const o = (i >> 1) * width * 2 + (i & 1);
    const from = i * width;
    for (let c = 0; c < width; c++) out[o + 2 * c] = rows[from + c]!;
  }
  if (count & 1) {
    const o = (count >> 1) * width * 2 + 1;
    for (let c = 0; c < width; c++) out[o + 2 * c] = 0;
  }
}
