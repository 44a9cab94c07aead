// Correctness of the optimised SVD: working on the used columns only must
// give exactly the result of the full-width computation. No timings here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, createSkippableRandom } from '../src/cluster/random';
import { csrFromRows } from '../src/vectors/sparse';
import { multiply, multiplyTransposed, randomizedSvd, randomizedSvdOfUsedColumns, svdKernels } from '../src/vectors/svd';

const plusZero = (x: number): number => (x === 0 ? 0 : x);

describe('randomizedSvd on used columns equals the full-width computation', () => {
  it('for sparse matrices with many empty columns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 2, max: 120 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (rows, cols, rank, seed) => {
          const random = createRandom(seed);
          const data = Array.from({ length: rows }, () => {
            const row = new Map<number, number>();
            for (let t = 0; t < 4; t++) if (random() < 0.7) row.set(Math.floor(random() * random() * cols), random());
            return row;
          });
          const m = csrFromRows(data, cols);
          const a = randomizedSvd(m, rank, { seed });
          const b = randomizedSvd(m, rank, { seed, compactColumns: false });
          expect(a.rank).toBe(b.rank);
          expect(Array.from(a.s)).toEqual(Array.from(b.s));
          expect(Array.from(a.u)).toEqual(Array.from(b.u));
          // Columns without values get V rows of +0 here and ±0 in the full
          // computation (its sign flip); zeros either way, and every product
          // with them (sparse values times ±0, added to a sum) is the same.
          expect(Array.from(a.v, plusZero)).toEqual(Array.from(b.v, plusZero));
          // V on the used columns only: the same rows, every other row zero.
          const c = randomizedSvdOfUsedColumns(m, rank, { seed });
          const r = c.rank;
          const expanded = new Float64Array(cols * r);
          c.columns.forEach((col, j) => {
            expanded.set(c.v.subarray(j * r, (j + 1) * r), col * r);
          });
          expect(Array.from(expanded)).toEqual(Array.from(a.v));
          expect(Array.from(c.u)).toEqual(Array.from(a.u));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('createSkippableRandom', () => {
  it('gives the sequence of createRandom, and skip(n) jumps as n calls would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 6 }), (seed, skips) => {
        const plain = createRandom(seed);
        const jumping = createSkippableRandom(seed);
        for (const n of skips) {
          for (let i = 0; i < n; i++) plain();
          jumping.skip(n);
          expect(jumping.next()).toBe(plain());
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the SVD kernels give the sums of the plain loops, bit for bit', () => {
  // The plain loops the kernels replaced (one sum at a time, in order).
  const plainTimes = (y: Float64Array, rows: number, w: number, p: Float64Array, r: number): Float64Array => {
    const out = new Float64Array(rows * r);
    for (let i = 0; i < rows; i++)
      for (let a = 0; a < r; a++) {
        let sum = 0;
        for (let c = 0; c < w; c++) sum += y[i * w + c]! * p[a * w + c]!;
        out[i * r + a] = sum;
      }
    return out;
  };
  const plainGram = (y: Float64Array, rows: number, width: number): Float64Array => {
    const g = new Float64Array(width * width);
    for (let i = 0; i < rows; i++)
      for (let a = 0; a < width; a++) {
        const ya = y[i * width + a]!;
        if (ya === 0) continue;
        for (let b = a; b < width; b++) g[a * width + b]! += ya * y[i * width + b]!;
      }
    for (let a = 0; a < width; a++) for (let b = 0; b < a; b++) g[a * width + b] = g[b * width + a]!;
    return g;
  };
  const dense = (random: () => number, n: number, zeros: number): Float64Array =>
    Float64Array.from({ length: n }, () => (random() < zeros ? 0 : random() * 2 - 1));
  const same = (a: Float64Array, b: Float64Array): void => {
    expect(a.length).toBe(b.length);
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) expect([i, a[i]]).toEqual([i, b[i]]);
  };

  it('sparse products (A·B and Aᵀ·Q from the transpose)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (rows, cols, width, seed) => {
          const random = createRandom(seed);
          const data = Array.from({ length: rows }, () => {
            const row = new Map<number, number>();
            for (let t = 0; t < 6; t++) if (random() < 0.6) row.set(Math.floor(random() * cols), random() < 0.1 ? 0 : random() * 2 - 1);
            return row;
          });
          const m = csrFromRows(data, cols);
          const t = svdKernels.transpose(m);
          const b = dense(random, cols * width, 0.1);
          const q = dense(random, rows * width, 0.1);
          same(svdKernels.multiplyByColumns(t, rows, b, width), multiply(m, b, width));
          same(svdKernels.multiplyTransposedByColumns(t, q, width), multiplyTransposed(m, q, width));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('dense products (Y·Pᵀ and the Gram matrix Yᵀ·Y)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 1, max: 23 }),
        fc.integer({ min: 1, max: 23 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (rows, w, r, seed) => {
          const random = createRandom(seed);
          const y = dense(random, rows * w, 0.15);
          const p = dense(random, r * w, 0.05);
          same(svdKernels.times(y, rows, w, p, r), plainTimes(y, rows, w, p, r));
          same(svdKernels.gramOf(y, rows, w), plainGram(y, rows, w));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('Gaussians in bulk equal Box–Muller from next(), skips included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 6 }), (seed, counts) => {
        const plain = createSkippableRandom(seed);
        const bulk = createSkippableRandom(seed);
        for (const [i, n] of counts.entries()) {
          if (i % 3 === 2) {
            plain.skip(2 * n);
            bulk.skip(2 * n);
            continue;
          }
          const out = new Float64Array(n + 2);
          bulk.gaussians(out, 1, n);
          const want = new Float64Array(n + 2);
          for (let j = 1; j <= n; j++) {
            const u = 1 - plain.next();
            const v = plain.next();
            want[j] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
          }
          same(out, want);
        }
        expect(bulk.next()).toBe(plain.next());
      }),
      { numRuns: 100 },
    );
  });
});
