import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csrFromRows } from '../src/vectors/sparse';
import { randomizedSvd, symmetricEigen } from '../src/vectors/svd';
import { charNgrams } from '../src/vectors/ngrams';
import { compoundSplitter } from '../src/vectors/compounds';

function dense(rows: number[][]) {
  return csrFromRows(
    rows.map((r) => new Map(r.flatMap((v, j) => (v !== 0 ? [[j, v] as [number, number]] : [])))),
    rows[0]!.length,
  );
}

describe('randomized SVD', () => {
  it('finds the singular values of a hand-checked matrix', () => {
    // A = [[3, 0], [0, 4], [0, 0]]: singular values 4 and 3, V = e2, e1.
    const svd = randomizedSvd(dense([[3, 0], [0, 4], [0, 0]]), 2, { seed: 1 });
    expect(svd.rank).toBe(2);
    expect(svd.s[0]).toBeCloseTo(4, 10);
    expect(svd.s[1]).toBeCloseTo(3, 10);
    expect(Math.abs(svd.v[1 * 2 + 0]!)).toBeCloseTo(1, 10);
    expect(Math.abs(svd.u[1 * 2 + 0]!)).toBeCloseTo(1, 10);
  });

  it('A = [[2, 0], [0, 0], [1, 1]] reconstructs exactly at full rank', () => {
    // AᵀA = [[5, 1], [1, 1]] → σ² = 3 ± √5.
    const a = [[2, 0], [0, 0], [1, 1]];
    const svd = randomizedSvd(dense(a), 2, { seed: 3 });
    expect(svd.s[0]! ** 2).toBeCloseTo(3 + Math.sqrt(5), 9);
    expect(svd.s[1]! ** 2).toBeCloseTo(3 - Math.sqrt(5), 9);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 2; j++) {
        let x = 0;
        for (let c = 0; c < svd.rank; c++) x += svd.u[i * svd.rank + c]! * svd.s[c]! * svd.v[j * svd.rank + c]!;
        expect(x).toBeCloseTo(a[i]![j]!, 9);
      }
    }
  });

  it('drops components of a rank-deficient matrix and is deterministic for a seed', () => {
    const a = dense([[1, 2, 0], [2, 4, 0], [0, 0, 0]]); // rank 1, σ = 5
    const svd = randomizedSvd(a, 3, { seed: 9 });
    expect(svd.rank).toBe(1);
    expect(svd.s[0]).toBeCloseTo(5, 10);
    expect(randomizedSvd(a, 3, { seed: 9 })).toEqual(svd);
  });

  it('the leading singular values agree with an exact eigen-decomposition of AᵀA', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 6, maxLength: 6 }), { minLength: 4, maxLength: 12 }),
        (rows) => {
          const n = 6;
          const ata = new Float64Array(n * n);
          for (const r of rows) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) ata[i * n + j]! += r[i]! * r[j]!;
          const exact = [...symmetricEigen(ata, n).values].sort((x, y) => y - x).map((x) => Math.sqrt(Math.max(0, x)));
          const svd = randomizedSvd(dense(rows), 3, { seed: 5 });
          for (let c = 0; c < svd.rank; c++) expect(svd.s[c]!).toBeCloseTo(exact[c]!, 6);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('randomized SVD of wide sparse matrices (Gram matrix and V from the row side)', () => {
  it('gives the exact singular triplets when the sketch spans the rows: A·v = s·u, V orthonormal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 150, max: 400 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (rows, cols, seed) => {
        // Few stored values in many columns: nnz·w + rows·w² < cols·w²/2, the row-side branch.
        let state = seed;
        const next = () => {
          state = (state * 1103515245 + 12345) % 2 ** 31;
          return state / 2 ** 31;
        };
        const data = Array.from({ length: rows }, () => {
          const row = new Array<number>(cols).fill(0);
          for (let t = 0; t < 4; t++) row[Math.floor(next() * cols)] = 0.1 + next();
          return row;
        });
        const rank = rows - 1;
        const svd = randomizedSvd(dense(data), rank, { seed: 7 });
        // Exact: eigenvalues of A·Aᵀ (rows × rows).
        const aat = new Float64Array(rows * rows);
        for (let i = 0; i < rows; i++) for (let j = 0; j < rows; j++) for (let c = 0; c < cols; c++) aat[i * rows + j]! += data[i]![c]! * data[j]![c]!;
        const exact = [...symmetricEigen(aat, rows).values].sort((x, y) => y - x).map((x) => Math.sqrt(Math.max(0, x)));
        for (let a = 0; a < svd.rank; a++) {
          expect(svd.s[a]!).toBeCloseTo(exact[a]!, 8);
          for (let b = 0; b <= a; b++) {
            let d = 0;
            for (let c = 0; c < cols; c++) d += svd.v[c * svd.rank + a]! * svd.v[c * svd.rank + b]!;
            expect(d).toBeCloseTo(a === b ? 1 : 0, 8);
          }
          for (let i = 0; i < rows; i++) {
            let av = 0;
            for (let c = 0; c < cols; c++) av += data[i]![c]! * svd.v[c * svd.rank + a]!;
            expect(av).toBeCloseTo(svd.s[a]! * svd.u[i * svd.rank + a]!, 8);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('character n-grams and compounds', () => {
  it('marks word ends and keeps short words whole', () => {
    expect(charNgrams('netz', 4, 4)).toEqual(['^net', 'netz', 'etz$']);
    expect(charNgrams('ab', 4, 5)).toEqual(['^ab$']);
  });

  it('splits a compound into parts that occur on their own', () => {
    const stem = (w: string) => w.replace(/(en|e|n|s)$/, '');
    const split = compoundSplitter(['bildung', 'gerechtigkeit', 'bildungsgerechtigkeit', 'netzwerke'], stem);
    expect(split('bildungsgerechtigkeit')).toEqual(['bildung', 'gerechtigkeit']);
    expect(split('netzwerke')).toEqual([]);
  });
});
