// Correctness of the optimised vector code: vocabulary, TF-IDF, the
// combined feature matrix, character n-grams and sparse description must
// give exactly what the straightforward (Map-per-row, dense) versions give.
// No timings here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classTfidf, classTfidfOfColumns } from '../src/describe/keywords';
import { describeThemes } from '../src/describe/themes';
import { buildFeatures, featureRows, hasFeatures, planFeatures, prepareProjection, projectFeatures, projectPrepared } from '../src/vectors/features';
import { charNgrams, ngramIds } from '../src/vectors/ngrams';
import { csrFromRows, denseRow, normalizeRows, rowLength } from '../src/vectors/sparse';
import { tfidf } from '../src/vectors/tfidf';
import { buildVocabulary, compareCodePoints, groupBags, rowsOfIds, termIds, tokensOf, vocabularyOfIds } from '../src/vectors/vocabulary';

const token = fc.constantFrom('schul', 'digital', 'netz', 'werk', 'bildung', 'ä', 'öko', 'x1', 'straß', '😀ab', 'zz');
const docs = fc.array(fc.array(token, { maxLength: 8 }), { minLength: 1, maxLength: 40 });

function plainVocabulary(ds: string[][], minDf: number, maxDf: number, weights?: number[]) {
  const counts = new Map<string, number>();
  let documents = 0;
  ds.forEach((stems, i) => {
    const w = weights ? weights[i]! : 1;
    documents += w;
    for (const stem of new Set(stems)) counts.set(stem, (counts.get(stem) ?? 0) + w);
  });
  const terms = [...counts.entries()]
    .filter(([, df]) => df >= minDf && df <= maxDf)
    .map(([stem]) => stem)
    .sort(compareCodePoints);
  return { terms, index: new Map(terms.map((t, i) => [t, i])), df: Float64Array.from(terms, (t) => counts.get(t)!), documents };
}

function plainTfidf(ds: string[][], vocabulary: ReturnType<typeof plainVocabulary>) {
  const n = vocabulary.documents;
  const idf = Float64Array.from(vocabulary.df, (df) => Math.log((1 + n) / (1 + df)) + 1);
  const rows = ds.map((stems) => {
    const tf = new Map<number, number>();
    for (const stem of stems) {
      const col = vocabulary.index.get(stem);
      if (col !== undefined) tf.set(col, (tf.get(col) ?? 0) + 1);
    }
    for (const [col, count] of tf) tf.set(col, (1 + Math.log(count)) * idf[col]!);
    return tf;
  });
  return normalizeRows(csrFromRows(rows, vocabulary.terms.length));
}

/** The projection as first written: per note, per distinct column in order of first occurrence, (1 + ln count) · idf times V's row. */
function plainProjection(
  plan: { blocks: ReadonlyArray<{ ids: { tokens: Int32Array; offsets: Int32Array }; columnOfId: Int32Array; idf: Float64Array; offset: number; weight: number }> },
  rows: readonly number[],
  position: Int32Array,
  v: Float64Array,
  width: number,
): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((i, a) => {
    let total = 0;
    for (const { ids, columnOfId, idf, offset, weight } of plan.blocks) {
      const counts = new Map<number, number>();
      for (let t = ids.offsets[i]!; t < ids.offsets[i + 1]!; t++) {
        const col = columnOfId[ids.tokens[t]!]!;
        if (col >= 0) counts.set(col, (counts.get(col) ?? 0) + 1);
      }
      if (counts.size === 0) continue;
      const part = new Float64Array(width);
      let sq = 0;
      for (const [col, count] of counts) {
        const value = (1 + Math.log(count)) * idf[col]!;
        sq += value * value;
        const at = position[offset + col]!;
        if (at >= 0) for (let j = 0; j < width; j++) part[j]! += value * v[at * width + j]!;
      }
      const scale = weight / Math.sqrt(sq);
      for (let j = 0; j < width; j++) out[a * width + j]! += scale * part[j]!;
      total += weight * weight;
    }
    if (total > 0) for (let j = 0; j < width; j++) out[a * width + j]! *= 1 / Math.sqrt(total);
  });
  return out;
}

function plainNgrams(term: string, min: number, max: number): string[] {
  const padded = `^${term}$`;
  const chars = Array.from(padded);
  const out: string[] = [];
  if (chars.length <= min) return [padded];
  for (let n = min; n <= max; n++) for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  return out;
}

describe('optimised vectors equal the straightforward ones', () => {
  it('vocabulary and TF-IDF', () => {
    fc.assert(
      fc.property(docs, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (ds, minDf, maxDf, weighted) => {
        const weights = weighted ? ds.map((_, i) => 1 + (i % 3)) : undefined;
        const mine = buildVocabulary(ds, { minDf, maxDf }, weights);
        const plain = plainVocabulary(ds, minDf, maxDf, weights);
        expect(mine.terms).toEqual(plain.terms);
        expect([...mine.index]).toEqual([...plain.index]);
        expect(Array.from(mine.df)).toEqual(Array.from(plain.df));
        expect(mine.documents).toBe(plain.documents);
        const a = tfidf(ds, mine).matrix;
        const b = plainTfidf(ds, plain);
        expect([a.rows, a.cols]).toEqual([b.rows, b.cols]);
        expect(Array.from(a.indptr)).toEqual(Array.from(b.indptr));
        expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
        expect(Array.from(a.values)).toEqual(Array.from(b.values));
        // Other docs than the vocabulary was built from: the Map path, same result.
        const c = tfidf([...ds], mine).matrix;
        expect(Array.from(c.indices)).toEqual(Array.from(b.indices));
        expect(Array.from(c.values)).toEqual(Array.from(b.values));
      }),
      { numRuns: 150 },
    );
  });

  it('combined feature blocks', () => {
    fc.assert(
      fc.property(docs, fc.double({ min: 0, max: 2, noNaN: true }), (ds, weight) => {
        const grams = ds.map((row) => row.flatMap((w) => charNgrams(w, 3, 4)));
        const { matrix, columns } = buildFeatures(
          [
            { name: 'w', docs: ds, weight: 1 },
            { name: 'g', docs: grams, weight },
          ],
          { minDf: 1, maxDf: ds.length },
        );
        // Straightforward: Map per row, then CSR and normalisation.
        const rows = ds.map(() => new Map<number, number>());
        const cols: string[] = [];
        for (const [name, d, wt] of [
          ['w', ds, 1],
          ['g', grams, weight],
        ] as const) {
          if (wt <= 0) continue;
          const v = plainVocabulary(d as string[][], 1, ds.length);
          const m = plainTfidf(d as string[][], v);
          const offset = cols.length;
          for (const t of v.terms) cols.push(`${name}:${t}`);
          for (let i = 0; i < ds.length; i++) {
            for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++) rows[i]!.set(offset + m.indices[p]!, m.values[p]! * wt);
          }
        }
        const plain = normalizeRows(csrFromRows(rows, cols.length));
        expect(columns).toEqual(cols);
        expect(Array.from(matrix.indptr)).toEqual(Array.from(plain.indptr));
        expect(Array.from(matrix.indices)).toEqual(Array.from(plain.indices));
        expect(Array.from(matrix.values)).toEqual(Array.from(plain.values));
      }),
      { numRuns: 100 },
    );
  });

  it('n-gram ids name the same n-grams as charNgrams, note by note', () => {
    const word = fc.oneof(
      fc.constantFrom('netz', 'netzwerk', 'ab', 'a', '', 'straße', '😀ab', 'x😀y', 'schule', 'schul'),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 6 }), { maxLength: 20 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 }), (ds, min, extra) => {
        const ids = ngramIds(ds, min, min + extra);
        const plain = termIds(ds.map((row) => row.flatMap((w) => charNgrams(w, min, min + extra))));
        expect(ids.names).toEqual(plain.names);
        expect(Array.from(ids.tokens)).toEqual(Array.from(plain.tokens));
        expect(Array.from(ids.offsets)).toEqual(Array.from(plain.offsets));
        // By word type: each note's words' ids, one after another, are its tokens.
        const { pool, starts, ends, slots, offsets } = ids.words;
        ds.forEach((row, i) => {
          expect(offsets[i + 1]! - offsets[i]!).toBe(row.length);
          const joined: number[] = [];
          for (let w = offsets[i]!; w < offsets[i + 1]!; w++) joined.push(...pool.subarray(starts[slots[w]!]!, ends[slots[w]!]!));
          expect(joined).toEqual(Array.from(ids.tokens.subarray(ids.offsets[i]!, ids.offsets[i + 1]!)));
        });
        // Document frequencies and the rows of some notes, read by word: as from the tokens.
        const bounds = { minDf: 1 + (min % 2), maxDf: Math.max(1, ds.length - extra) };
        const fresh = ngramIds(ds, min, min + extra);
        const byWord = vocabularyOfIds(fresh, bounds, ds.map((_, i) => 1 + (i % 3)));
        const byToken = vocabularyOfIds(plain, bounds, ds.map((_, i) => 1 + (i % 3)));
        expect(byWord.vocabulary).toEqual(byToken.vocabulary);
        expect(Array.from(byWord.columnOfId)).toEqual(Array.from(byToken.columnOfId));
        const some = ds.map((_, i) => i).filter((i) => i % 3 !== extra);
        const rowsByWord = rowsOfIds(ngramIds(ds, min, min + extra), some);
        const rowsByToken = rowsOfIds(plain, some);
        expect(Array.from(rowsByWord.tokens)).toEqual(Array.from(rowsByToken.tokens));
        expect(Array.from(rowsByWord.offsets)).toEqual(Array.from(rowsByToken.offsets));
      }),
      { numRuns: 200 },
    );
  });

  it('a capped vocabulary keeps the terms of highest document frequency', () => {
    fc.assert(
      fc.property(docs, fc.integer({ min: 0, max: 12 }), (ds, max) => {
        const { vocabulary, columnOfId } = vocabularyOfIds(termIds(ds), { minDf: 1, maxDf: ds.length }, undefined, max);
        const plain = plainVocabulary(ds, 1, ds.length);
        const order = [...plain.terms.keys()].sort((a, b) => plain.df[b]! - plain.df[a]! || a - b);
        const keep = order.slice(0, max).sort((a, b) => a - b);
        expect(vocabulary.terms).toEqual(keep.map((j) => plain.terms[j]!));
        expect(Array.from(vocabulary.df)).toEqual(keep.map((j) => plain.df[j]!));
        const names = termIds(ds).names;
        names.forEach((name, id) => {
          expect(columnOfId[id]).toBe(vocabulary.index.get(name) ?? -1);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('feature rows of some notes, and their projection without the matrix', () => {
    fc.assert(
      fc.property(docs, fc.double({ min: 0, max: 2, noNaN: true }), fc.integer({ min: 0, max: 1000 }), (ds, weight, salt) => {
        const blocks = [
          { name: 'w', docs: ds, weight: 1 },
          { name: 'g', docs: ngramIds(ds, 3, 4), weight },
        ];
        const bounds = { minDf: 1 + (salt % 2), maxDf: ds.length };
        const { matrix } = buildFeatures(blocks, bounds);
        const plan = planFeatures(blocks, bounds);
        const rows = ds.map((_, i) => i).filter((i) => (i * 7 + salt) % 3 !== 0);
        const some = featureRows(plan, rows);
        rows.forEach((r, a) => {
          expect(hasFeatures(plan, r)).toBe(rowLength(matrix, r) > 0);
          expect(Array.from(some.indices.subarray(some.indptr[a]!, some.indptr[a + 1]!))).toEqual(Array.from(matrix.indices.subarray(matrix.indptr[r]!, matrix.indptr[r + 1]!)));
          expect(Array.from(some.values.subarray(some.indptr[a]!, some.indptr[a + 1]!))).toEqual(Array.from(matrix.values.subarray(matrix.indptr[r]!, matrix.indptr[r + 1]!)));
        });
        // Projection onto a V with some zero rows (position -1): the product of the matrix rows, up to rounding.
        const width = 3;
        const position = Int32Array.from({ length: plan.cols }, (_, c) => ((c + salt) % 4 === 0 ? -1 : c));
        const v = Float64Array.from({ length: plan.cols * width }, (_, x) => Math.sin(x + salt));
        const projected = projectFeatures(plan, rows, position, v, width);
        rows.forEach((r, a) => {
          for (let j = 0; j < width; j++) {
            let sum = 0;
            for (let p = matrix.indptr[r]!; p < matrix.indptr[r + 1]!; p++) {
              const at = position[matrix.indices[p]!]!;
              if (at >= 0) sum += matrix.values[p]! * v[at * width + j]!;
            }
            expect(projected[a * width + j]!).toBeCloseTo(sum, 12);
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('projection: bit for bit the plain loop on token blocks, up to rounding with n-grams summed per word', () => {
    const word = fc.constantFrom('netz', 'netzwerk', 'werknetz', 'ab', 'a', 'schule', 'schul', 'anana', '😀ab', 'straße');
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { maxLength: 7 }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 5 }),
        (ds, weight, salt, width) => {
          const grams = ngramIds(ds, 2 + (salt % 2), 4);
          const blocks = [
            { name: 'w', docs: ds, weight: 1 },
            { name: 'g', docs: grams, weight },
          ];
          const plan = planFeatures(blocks, { minDf: 1 + (salt % 2), maxDf: ds.length });
          const rows = ds.map((_, i) => i).filter((i) => (i * 5 + salt) % 4 !== 0);
          const position = Int32Array.from({ length: plan.cols }, (_, c) => ((c + salt) % 5 === 0 ? -1 : c));
          const v = Float64Array.from({ length: plan.cols * width }, (_, x) => Math.cos(x * 0.7 + salt));
          const tokensOnly = { blocks: plan.blocks.map((b) => ({ ...b, ids: { tokens: b.ids.tokens, offsets: b.ids.offsets } })) };
          const plain = plainProjection(tokensOnly, rows, position, v, width);
          expect(Array.from(projectFeatures(tokensOnly, rows, position, v, width))).toEqual(Array.from(plain));
          const byWord = projectFeatures(plan, rows, position, v, width);
          plain.forEach((x, at) => {
            expect(byWord[at]!).toBeCloseTo(x, 12);
          });
          // Prepared once, projected in pieces: the same rows.
          const prepared = prepareProjection(plan, position, v, width);
          const half = Math.floor(rows.length / 2);
          const pieces = [...projectPrepared(prepared, rows.slice(0, half)), ...projectPrepared(prepared, rows.slice(half))];
          expect(pieces).toEqual(Array.from(byWord));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('character n-grams (with and without astral characters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }), (term, min, extra) => {
        expect(charNgrams(term, min, min + extra)).toEqual(plainNgrams(term, min, min + extra));
      }),
      { numRuns: 300 },
    );
  });

  it('c-TF-IDF keywords on vocabulary columns equal those on stems', () => {
    fc.assert(
      fc.property(docs, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 9 }), (ds, k, salt, top) => {
        const vocabulary = buildVocabulary(ds, { minDf: 1 + (salt % 2), maxDf: ds.length });
        const labels = Int32Array.from(ds, (_, i) => ((i * 7 + salt) % (k + 1)) - 1);
        const byColumns = classTfidfOfColumns(tokensOf(vocabulary, ds)!, vocabulary.terms, labels, k, top);
        expect(byColumns).toEqual(classTfidf(ds, labels, k, new Set(vocabulary.terms), top));
      }),
      { numRuns: 150 },
    );
  });

  it('describeThemes on sparse rows equals the dense rows', () => {
    fc.assert(
      fc.property(docs, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1000 }), (ds, k, salt) => {
        const vocabulary = plainVocabulary(ds, 1, ds.length);
        const matrix = plainTfidf(ds, vocabulary);
        const labels = Int32Array.from(ds, (_, i) => ((i * 7 + salt) % (k + 1)) - 1);
        const base = {
          stems: ds,
          // Two spellings per stem, so which one a keyword shows depends on the counts.
          surfaces: ds.map((row, i) => row.map((s, j) => ((i + j + salt) % 3 === 0 ? s.toUpperCase() : s))),
          labels,
          k,
          columnStems: vocabulary.terms,
          vocabulary: new Set(vocabulary.terms),
          topTerms: 3,
          representatives: 2,
        };
        const dense = ds.map((_, i) => (rowLength(matrix, i) > 0 ? denseRow(matrix, i) : new Float64Array(0)));
        const a = describeThemes({ ...base, matrix });
        const b = describeThemes({ ...base, vectors: dense });
        expect(a).toEqual(b);
        // Keywords counted on vocabulary columns: the same description.
        const built = buildVocabulary(ds, { minDf: 1, maxDf: ds.length });
        const c = describeThemes({ ...base, matrix, stemColumns: tokensOf(built, ds) });
        expect(c).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});

describe('groupBags equals grouping by the joined sorted strings', () => {
  // The keys the pipeline used before (fit: stems with repeats; analyze: the set of stems).
  const byKeys = (ds: string[][], repeats: boolean) => {
    const unique: number[] = [];
    const byKey = new Map<string, number>();
    const owner = ds.map((row, i) => {
      const key = (repeats ? [...row] : [...new Set(row)]).sort().join('\u0001');
      let g = byKey.get(key);
      if (g === undefined) {
        g = unique.length;
        byKey.set(key, g);
        unique.push(i);
      }
      return g;
    });
    return { unique, owner };
  };
  // Long bags (past the insertion sort) and many repeats of few notes.
  const bags = fc.array(
    fc.oneof(fc.array(token, { maxLength: 6 }), fc.array(token, { minLength: 20, maxLength: 60 })),
    { minLength: 1, maxLength: 60 },
  );
  it('with and without repeats', () => {
    fc.assert(
      fc.property(bags, fc.array(fc.nat(), { maxLength: 30 }), fc.boolean(), (ds, copies, repeats) => {
        // Copies of earlier notes, shuffled, so identical bags recur in other orders.
        const all = [...ds, ...copies.map((c) => [...ds[c % ds.length]!].reverse())];
        const got = groupBags(termIds(all), repeats);
        const want = byKeys(all, repeats);
        expect(got.unique).toEqual(want.unique);
        expect(Array.from(got.owner)).toEqual(want.owner);
      }),
      { numRuns: 300 },
    );
  });
  it('rowsOfIds picks rows in the given order', () => {
    const ids = termIds([['a', 'b'], ['c'], [], ['b', 'b']]);
    const sub = rowsOfIds(ids, [3, 0, 2]);
    expect(Array.from(sub.tokens)).toEqual([1, 1, 0, 1]);
    expect(Array.from(sub.offsets)).toEqual([0, 2, 4, 4]);
    expect(rowsOfIds(ids, [0, 1, 2, 3])).toBe(ids);
  });
});
