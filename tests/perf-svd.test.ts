// Correctness of the optimised SVD: working on the used columns only must
// give exactly the result of the full-width computation. No timings here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, createSkippableRandom } from '../src/cluster/random';
import { csrFromRows } from '../src/vectors/sparse';
import { randomizedSvd, randomizedSvdOfUsedColumns } from '../src/vectors/svd';

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
