/**
 * The WebAssembly (SIMD) versions of the k-means kernels (kernels.wat), with
 * the same results bit for bit as the JavaScript kernels in kmeans.ts, which
 * stay as the fallback where WebAssembly or its SIMD is missing.
 */
import { KERNELS_WASM } from './kernels-wasm';

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
}

let module: WebAssembly.Module | null | undefined;
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
    if (module === undefined) module = compile();
    shared = module ? (new WebAssembly.Instance(module).exports as unknown as Kernels) : null;
  }
  return shared;
}

/** Lets this thread's instance (and its memory) go; the next call of {@link threadKernels} makes a new one. */
export function releaseKernels(): void {
  shared = undefined;
}

function compile(): WebAssembly.Module | null {
  try {
    if (typeof WebAssembly !== 'object' || typeof atob !== 'function') return null;
    const text = atob(KERNELS_WASM);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    if (!WebAssembly.validate(bytes)) return null;
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}

/** Switches the WebAssembly kernels on or off (tests compare both; the results are the same). */
export function useWasmKernels(on: boolean): void {
  enabled = on;
}

/** Grows `kernels.memory` to at least `bytes` bytes. */
export function reserve(kernels: Kernels, bytes: number): void {
  const have = kernels.memory.buffer.byteLength;
  if (bytes > have) kernels.memory.grow(Math.ceil((bytes - have) / 65536));
}
