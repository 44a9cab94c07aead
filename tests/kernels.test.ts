// The WebAssembly kernels (src/wasm/kernels.wat) against the JavaScript
// kernels they replace: the same k-means labels, centres and iteration
// counts and the same SVD bit for bit, on random inputs with the awkward
// cases (odd k, widths and dimensions, zero vectors, zero and coinciding
// centres, empty rows and columns). And the committed module is the
// assembly of the committed WAT text.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { generate, readTexts } from '../scripts/build-kernels.mjs';
import { threadKernels, useWasmKernels } from '../src/wasm/kernels';
import { kmeansPlusPlusPacked, type LloydResult, lloydCosine, pack, sphericalKmeans } from '../src/cluster/kmeans';
import { projectRows } from '../src/cluster/fit';
import { membershipKmeans } from '../src/cluster/membership-kmeans';
import { createRandom } from '../src/cluster/random';
import { planFeatures, projectFeatures } from '../src/vectors/features';
import { ngramIds } from '../src/vectors/ngrams';
import type { SparseMatrix } from '../src/vectors/sparse';
import { randomizedSvd, randomizedSvdOfUsedColumns, svdKernels, symmetricEigen } from '../src/vectors/svd';
import { tfidfOfIds } from '../src/vectors/tfidf';
import { groupBags, termIds, vocabularyOfIds } from '../src/vectors/vocabulary';

afterEach(() => useWasmKernels(true));

function bits(result: LloydResult): string {
  const f = (v: Float64Array) => Array.from(new Uint32Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength))).join(',');
  return JSON.stringify({
    labels: Array.from(result.labels),
    centroids: result.centroids.map(f),
    previous: result.previous.map(f),
    iterations: result.iterations,
    converged: result.converged,
  });
}

function both(run: () => LloydResult): { js: string; wasm: string } {
  useWasmKernels(false);
  const js = bits(run());
  useWasmKernels(true);
  const wasm = bits(run());
  return { js, wasm };
}

/** Vectors near a few directions, some exact duplicates, some zero rows; unit length otherwise. */
const inputs = fc
  .record({
    n: fc.integer({ min: 1, max: 160 }),
    dim: fc.integer({ min: 1, max: 23 }),
    groups: fc.integer({ min: 1, max: 6 }),
    k: fc.integer({ min: 1, max: 21 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    zeros: fc.double({ min: 0, max: 0.3, noNaN: true }),
    spread: fc.constantFrom(0, 1e-12, 0.05, 0.5, 2),
  })
  .map(({ n, dim, groups, k, seed, zeros, spread }) => {
    const random = createRandom(seed);
    const directions = Array.from({ length: groups }, () => Float64Array.from({ length: dim }, () => random() - 0.5));
    const vectors = Array.from({ length: n }, (_, i) => {
      if (random() < zeros) return new Float64Array(dim);
      const v = Float64Array.from(directions[i % groups]!, (x) => x + spread * (random() - 0.5));
      const len = Math.hypot(...v);
      return len > 0 ? v.map((x) => x / len) : v;
    });
    return { vectors, k: Math.min(k, n), seed };
  });

describe('WebAssembly k-means kernels', () => {
  it('are used in Node (WebAssembly with SIMD is there)', () => {
    expect(threadKernels()).not.toBeNull();
  });

  it('each module stays below 4 KB, the largest a browser compiles synchronously on its main thread', () => {
    const committed = readFileSync(new URL('../src/wasm/kernels-wasm.ts', import.meta.url), 'utf8');
    const modules = [...committed.matchAll(/export const (\w+) = '([^']+)'/g)];
    expect(modules.map((m) => m[1])).toEqual(['KERNELS_WASM', 'MEMBERSHIP_WASM', 'PROJECTION_WASM', 'EIGEN_WASM', 'COUNTS_WASM']);
    for (const m of modules) expect(Buffer.from(m[2]!, 'base64').length, m[1]).toBeLessThan(4096);
  });

  it('the committed modules are the assembly of the .wat files', async () => {
    const committed = readFileSync(new URL('../src/wasm/kernels-wasm.ts', import.meta.url), 'utf8');
    expect(await generate(readTexts())).toBe(committed);
  });

  it('Lloyd iterations: bit-identical to the JavaScript kernels (k-means++ starts)', () => {
    fc.assert(
      fc.property(inputs, ({ vectors, k, seed }) => {
        const packed = pack(vectors);
        const start = kmeansPlusPlusPacked(packed, k, createRandom(seed));
        const { js, wasm } = both(() => lloydCosine(packed, start, 100, 1e-9));
        expect(wasm).toBe(js);
      }),
    );
  });

  it('Lloyd iterations: bit-identical from any start, zero and repeated centres included (a zero centre that stays empty never converges: capped runs)', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 0, max: 3 }), fc.constantFrom(1, 2, 3, 5, 100), ({ vectors, k, seed }, zeroCentres, maxIterations) => {
        const random = createRandom(seed + 1);
        const dim = vectors[0]!.length;
        const start = Array.from({ length: k }, (_, j) =>
          j < zeroCentres ? new Float64Array(dim) : j % 3 === 2 ? vectors[0]!.slice() : Float64Array.from({ length: dim }, () => random() - 0.5),
        );
        const { js, wasm } = both(() => lloydCosine(pack(vectors), start, maxIterations, 1e-9));
        expect(wasm).toBe(js);
      }),
    );
  });

  it('k-means++ starts: the same picks either way (odd n and dimensions, duplicates, zero vectors)', () => {
    fc.assert(
      fc.property(inputs, ({ vectors, k, seed }) => {
        const packed = pack(vectors);
        const run = () => {
          const random = createRandom(seed);
          // The centres, and where the random stream stands after them (the same number of draws).
          return [kmeansPlusPlusPacked(packed, k, random).map((c) => Array.from(c)), random()];
        };
        useWasmKernels(false);
        const js = run();
        useWasmKernels(true);
        expect(run()).toEqual(js);
      }),
    );
  });

  it('membership k-means (the consensus): the same labels, centres and objective either way', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 3 }),
        fc.nat(),
        (n, parts, kb, k, restarts, seed) => {
          const random = createRandom(seed);
          const partitions = Array.from({ length: parts }, () => Int32Array.from({ length: n }, (_, i) => (random() < 0.7 ? i % kb : Math.floor(random() * kb))));
          const run = () => {
            const fit = membershipKmeans({ n, kb, partitions }, Math.min(k, n), { seed, restarts, sampleLimit: 100 });
            return JSON.stringify([Array.from(fit.labels), fit.centroids.map((c) => Array.from(c)), fit.objective]);
          };
          useWasmKernels(false);
          const js = run();
          useWasmKernels(true);
          expect(run()).toBe(js);
        },
      ),
    );
  });

  it('a whole spherical k-means (sample, restarts, final run) gives the same clustering either way', () => {
    const random = createRandom(7);
    const vectors = Array.from({ length: 1500 }, (_, i) => {
      const v = Float64Array.from({ length: 9 }, (_, d) => (d === i % 9 ? 1 : 0) + 0.3 * (random() - 0.5));
      const len = Math.hypot(...v);
      return v.map((x) => x / len);
    });
    const run = () => sphericalKmeans(vectors, 9, { seed: 3, restarts: 4, sampleLimit: 500 });
    useWasmKernels(false);
    const js = run();
    useWasmKernels(true);
    const wasm = run();
    expect(Array.from(wasm.labels)).toEqual(Array.from(js.labels));
    expect(wasm.centroids.map((c) => Array.from(c))).toEqual(js.centroids.map((c) => Array.from(c)));
    expect(wasm.objective).toBe(js.objective);
  });
});

/** Random sparse matrices: rows with ascending, distinct columns, some rows and columns empty. */
const sparse = fc
  .record({
    rows: fc.integer({ min: 1, max: 60 }),
    cols: fc.integer({ min: 1, max: 120 }),
    density: fc.double({ min: 0, max: 0.4, noNaN: true }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(({ rows, cols, density, seed }): SparseMatrix => {
    const random = createRandom(seed);
    const indptr = new Int32Array(rows + 1);
    const indices: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < rows; i++) {
      for (let c = 0; c < cols; c++) {
        if (random() < density) {
          indices.push(c);
          values.push(random() < 0.2 ? 1 : random() * 3 - 1);
        }
      }
      indptr[i + 1] = indices.length;
    }
    return { rows, cols, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };
  });

describe('WebAssembly products of the SVD', () => {
  const f64bits = (a: Float64Array) => Array.from(new Uint32Array(a.slice().buffer)).join(',');
  const dense = (length: number, seed: number) => {
    const random = createRandom(seed);
    return Float64Array.from({ length }, () => (random() < 0.1 ? 0 : random() * 4 - 2));
  };

  it('the eigen-decomposition of symmetric matrices (Gram matrices, rank-deficient, repeated and zero eigenvalues) is bit-identical either way', () => {
    const matrix = fc
      .record({
        n: fc.integer({ min: 1, max: 64 }),
        rank: fc.integer({ min: 0, max: 64 }),
        seed: fc.integer({ min: 0, max: 1_000_000 }),
        kind: fc.constantFrom('gram', 'diagonal', 'repeated', 'zero', 'tiny'),
      })
      .map(({ n, rank, seed, kind }) => {
        const random = createRandom(seed);
        const a = new Float64Array(n * n);
        if (kind === 'diagonal') for (let i = 0; i < n; i++) a[i * n + i] = Math.floor(random() * 3);
        else if (kind === 'repeated') for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = i === j ? 2 : 1;
        else if (kind !== 'zero') {
          // Y Yᵀ of a random n × r block: symmetric, rank ≤ r (as the orthonormalisation's Gram matrices).
          const r = Math.min(rank, n);
          const scale = kind === 'tiny' ? 1e-150 : 1;
          const y = Float64Array.from({ length: n * r }, () => (random() - 0.5) * scale);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              let s = 0;
              for (let c = 0; c < r; c++) s += y[i * r + c]! * y[j * r + c]!;
              a[i * n + j] = s;
            }
        }
        return { a, n };
      });
    fc.assert(
      fc.property(matrix, ({ a, n }) => {
        useWasmKernels(false);
        const js = symmetricEigen(a, n);
        useWasmKernels(true);
        const wasm = symmetricEigen(a, n);
        expect(f64bits(wasm.values)).toBe(f64bits(js.values));
        expect(f64bits(wasm.vectors)).toBe(f64bits(js.vectors));
      }),
      { numRuns: 300 },
    );
  });

  it('document frequencies (by tokens and by words, with and without note weights) are the same either way', () => {
    const term = fc.constantFrom('schul', 'digital', 'netz', 'werk', 'bildung', 'öko', 'x1', 'zz', 'a', 'b');
    fc.assert(
      fc.property(
        fc.array(fc.array(term, { maxLength: 9 }), { minLength: 1, maxLength: 40 }),
        fc.option(fc.array(fc.constantFrom(0, 1, 0.5, 3), { minLength: 40, maxLength: 40 }), { nil: undefined }),
        fc.boolean(),
        (docs, weights, byWords) => {
          const ids = byWords ? ngramIds(docs, 2, 3) : termIds(docs);
          const w = weights?.slice(0, docs.length);
          const bounds = { minDf: 0, maxDf: Number.POSITIVE_INFINITY };
          useWasmKernels(false);
          const js = vocabularyOfIds(ids, bounds, w);
          useWasmKernels(true);
          const wasm = vocabularyOfIds(ids, bounds, w);
          expect(wasm.vocabulary.terms).toEqual(js.vocabulary.terms);
          expect(f64bits(wasm.vocabulary.df)).toBe(f64bits(js.vocabulary.df));
          expect(wasm.vocabulary.documents).toBe(js.vocabulary.documents);
          expect([...wasm.columnOfId]).toEqual([...js.columnOfId]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('document frequencies of more notes than one WebAssembly call takes (a note per row index across calls) are the same either way', () => {
    const random = createRandom(9);
    const terms = ['schul', 'digital', 'netz', 'werk', 'bildung', 'öko', 'daten', 'eltern'];
    // 9,000 notes: three calls; a term in note 0 of one call and note 0 of the next is counted in both.
    const docs = Array.from({ length: 9000 }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => terms[Math.floor(random() * 8)]!));
    const weights = docs.map(() => 1 + Math.floor(random() * 3));
    for (const ids of [termIds(docs), ngramIds(docs, 2, 3)]) {
      const bounds = { minDf: 0, maxDf: Number.POSITIVE_INFINITY };
      useWasmKernels(false);
      const js = vocabularyOfIds(ids, bounds, weights);
      useWasmKernels(true);
      const wasm = vocabularyOfIds(ids, bounds, weights);
      expect(f64bits(wasm.vocabulary.df)).toBe(f64bits(js.vocabulary.df));
      expect(wasm.vocabulary.terms).toEqual(js.vocabulary.terms);
    }
  });

  it('TF-IDF rows (long notes, counts from 256 on, ids without a column, many calls) are bit-identical either way', () => {
    const term = fc.integer({ min: 0, max: 400 }).map((t) => `t${t}`);
    const note = fc.oneof(
      fc.array(term, { maxLength: 12 }),
      fc.array(term, { minLength: 30, maxLength: 300 }),
      fc.tuple(term, fc.integer({ min: 250, max: 600 })).map(([t, c]) => Array.from({ length: c }, () => t)),
    );
    const check = (docs: string[][], minDf: number) => {
      const ids = termIds(docs);
      const { vocabulary, columnOfId } = vocabularyOfIds(ids, { minDf, maxDf: docs.length });
      useWasmKernels(false);
      const js = tfidfOfIds(ids, columnOfId, vocabulary).matrix;
      useWasmKernels(true);
      const wasm = tfidfOfIds(ids, columnOfId, vocabulary).matrix;
      expect([...wasm.indptr]).toEqual([...js.indptr]);
      expect([...wasm.indices]).toEqual([...js.indices.subarray(0, js.indptr[js.rows]!)]);
      expect(f64bits(wasm.values)).toBe(f64bits(js.values.subarray(0, js.indptr[js.rows]!)));
    };
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 3 }), (docs, minDf) => check(docs, minDf)),
      { numRuns: 100 },
    );
    // 9,000 notes: three calls.
    const random = createRandom(13);
    check(
      Array.from({ length: 9000 }, () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => `t${Math.floor(random() * 500)}`)),
      2,
    );
  });

  it('groups of equal term bags (with and without repeats, long bags, many calls) are the same either way', () => {
    const term = fc.integer({ min: 0, max: 30 }).map((t) => `t${t}`);
    const bag = fc.oneof(fc.array(term, { maxLength: 6 }), fc.array(term, { minLength: 25, maxLength: 80 }));
    const check = (docs: string[][], repeats: boolean) => {
      const ids = termIds(docs);
      useWasmKernels(false);
      const js = groupBags(ids, repeats);
      useWasmKernels(true);
      const wasm = groupBags(ids, repeats);
      expect(wasm.unique).toEqual(js.unique);
      expect([...wasm.owner]).toEqual([...js.owner]);
    };
    fc.assert(
      fc.property(fc.array(bag, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 20 }), fc.boolean(), (ds, copies, repeats) => {
        // Copies of earlier notes in reverse order: equal bags in other orders.
        check([...ds, ...copies.map((c) => [...ds[c % ds.length]!].reverse())], repeats);
      }),
      { numRuns: 200 },
    );
    // Two different bags with the same hash ([1, 2] and [2, 50332591]: FNV-1a collides), so the later
    // groups of a hash are found through the chain of earlier ones; ids given directly (names unused with repeats).
    const colliding = { names: [], tokens: Int32Array.of(1, 2, 2, 50332591, 50332591, 2, 2, 1), offsets: Int32Array.of(0, 2, 4, 6, 8) };
    for (const on of [false, true]) {
      useWasmKernels(on);
      const groups = groupBags(colliding, true);
      expect(groups.unique).toEqual([0, 1]);
      expect([...groups.owner]).toEqual([0, 1, 1, 0]);
    }
    // 9,000 notes over three calls, many of them equal.
    const random = createRandom(17);
    const docs = Array.from({ length: 9000 }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => `t${Math.floor(random() * 12)}`));
    check(docs, false);
    check(docs, true);
  });

  it('Gram matrices and dense products (any shape, odd widths) are bit-identical either way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 13 }), fc.nat(), (rows, w, r, seed) => {
        const y = dense(rows * w, seed);
        const p = dense(r * w, seed + 1);
        useWasmKernels(false);
        const js = [svdKernels.gramOf(y, rows, w), svdKernels.times(y, rows, w, p, r)].map(f64bits);
        useWasmKernels(true);
        expect([svdKernels.gramOf(y, rows, w), svdKernels.times(y, rows, w, p, r)].map(f64bits)).toEqual(js);
      }),
    );
  });

  const svdBits = (svd: { rank: number; u: Float64Array; s: Float64Array; v: Float64Array }) =>
    JSON.stringify([svd.rank, ...[svd.u, svd.s, svd.v].map((a) => Array.from(new Uint32Array(a.slice().buffer)).join(','))]);

  it('the LSA projection of sparse rows (columns without a row of V skipped) is bit-identical either way', () => {
    fc.assert(
      fc.property(sparse, fc.integer({ min: 0, max: 13 }), fc.nat(), (m, width, seed) => {
        const random = createRandom(seed);
        // About a third of the columns have no row of V (-1).
        let next = 0;
        const position = Int32Array.from({ length: m.cols }, () => (random() < 0.35 ? -1 : next++));
        const v = dense(next * width, seed + 2);
        useWasmKernels(false);
        const js = f64bits(projectRows(m, position, v, width));
        useWasmKernels(true);
        expect(f64bits(projectRows(m, position, v, width))).toBe(js);
      }),
    );
  });

  it('the projection of notes from their words and n-grams (per-word-type n-gram sums, repeated n-grams, counts from 256 on) is bit-identical either way', () => {
    // A small alphabet makes words share n-grams within a note; a long note repeats a word 256+ times (1 + ln c computed, not from the table).
    const word = fc.oneof(fc.stringMatching(/^[a-zäöüß]{1,9}$/), fc.stringMatching(/^[ab]{1,6}$/));
    const long = fc.option(fc.tuple(word, fc.integer({ min: 250, max: 300 })), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { maxLength: 7 }), { minLength: 1, maxLength: 40 }),
        long,
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 2 }),
        fc.nat(),
        (short, repeated, width, minDf, seed) => {
          const docs = repeated ? [...short, Array.from({ length: repeated[1] }, () => repeated[0])] : short;
          const plan = planFeatures(
            [
              { name: 'w', docs: termIds(docs), weight: 1 },
              { name: 'g', docs: ngramIds(docs, 3, 5), weight: 0.7 },
            ],
            { minDf, maxDf: docs.length },
          );
          const random = createRandom(seed);
          let next = 0;
          const position = Int32Array.from({ length: plan.cols }, () => (random() < 0.3 ? -1 : next++));
          const v = dense(next * width, seed + 3);
          // Rows in any order, some twice.
          const rows = docs.map((_, i) => i).filter(() => random() < 0.8);
          if (rows.length > 1) rows.push(rows[0]!);
          rows.reverse();
          useWasmKernels(false);
          const js = f64bits(projectFeatures(plan, rows, position, v, width));
          useWasmKernels(true);
          expect(f64bits(projectFeatures(plan, rows, position, v, width))).toBe(js);
        },
      ),
    );
  });

  it('the projection of more notes than one WebAssembly call takes (stamps go on across calls) is bit-identical either way', () => {
    const random = createRandom(5);
    const syllables = ['schul', 'netz', 'werk', 'bild', 'ung', 'daten', 'digital', 'lern', 'ort', 'eltern'];
    const docs = Array.from({ length: 9000 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 6) }, () => syllables[Math.floor(random() * 10)]! + syllables[Math.floor(random() * 10)]!),
    );
    const plan = planFeatures(
      [
        { name: 'w', docs: termIds(docs), weight: 1 },
        { name: 'g', docs: ngramIds(docs, 3, 5), weight: 0.7 },
      ],
      { minDf: 2, maxDf: docs.length },
    );
    let next = 0;
    const position = Int32Array.from({ length: plan.cols }, () => (random() < 0.2 ? -1 : next++));
    const v = dense(next * 20, 11);
    const rows = docs.map((_, i) => i);
    useWasmKernels(false);
    const js = f64bits(projectFeatures(plan, rows, position, v, 20));
    useWasmKernels(true);
    expect(f64bits(projectFeatures(plan, rows, position, v, 20))).toBe(js);
  });

  it('randomized SVDs (full and compact, any rank and power iterations) are bit-identical either way', () => {
    fc.assert(
      fc.property(sparse, fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 12 }), (m, rank, powerIterations, oversample) => {
        for (const svdOf of [randomizedSvd, randomizedSvdOfUsedColumns]) {
          const run = () => svdBits(svdOf(m, rank, { seed: 5, powerIterations, oversample }));
          useWasmKernels(false);
          const js = run();
          useWasmKernels(true);
          expect(run()).toBe(js);
        }
      }),
    );
  });

  it('products and projections larger than one WebAssembly call (columns and rows in several calls) are bit-identical either way', () => {
    // 300 rows × 6,000 columns: the sparse products take three calls, the projection of the rows eight.
    const random = createRandom(21);
    const rows = 300;
    const cols = 6000;
    const indptr = new Int32Array(rows + 1);
    const indices: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < rows; i++) {
      for (let c = 0; c < cols; c++) {
        if (random() < 0.01) {
          indices.push(c);
          values.push(random() * 2 - 0.5);
        }
      }
      indptr[i + 1] = indices.length;
    }
    const m: SparseMatrix = { rows, cols, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };
    for (const svdOf of [randomizedSvd, randomizedSvdOfUsedColumns]) {
      const run = () => svdBits(svdOf(m, 12, { seed: 3, powerIterations: 2 }));
      useWasmKernels(false);
      const js = run();
      useWasmKernels(true);
      expect(run()).toBe(js);
    }
    let next = 0;
    const position = Int32Array.from({ length: cols }, () => (random() < 0.3 ? -1 : next++));
    const v = dense(next * 7, 4);
    useWasmKernels(false);
    const js = f64bits(projectRows(m, position, v, 7));
    useWasmKernels(true);
    expect(f64bits(projectRows(m, position, v, 7))).toBe(js);
  });
});
