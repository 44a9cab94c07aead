import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze';
import { chooseK } from '../src/cluster/choose-k';
import { DEFAULT_FIT, type FitOptions, fitThemes } from '../src/cluster/fit';
import { createRandom } from '../src/cluster/random';
import { knnSmooth } from '../src/cluster/smooth';
import { spectralClustering } from '../src/cluster/spectral';
import { parseBoard } from '../src/import/board';
import { german } from '../src/language/german';
import { extractTerms } from '../src/terms';
import { featureRows, planFeatures, planOfRows } from '../src/vectors/features';
import { tfidf } from '../src/vectors/tfidf';
import { corpusText } from './helpers/corpus';
import { buildVocabulary, groupBags, termIds, tokensOf } from '../src/vectors/vocabulary';

const base = (over: Partial<FitOptions> = {}): FitOptions => ({
  ...DEFAULT_FIT,
  k: 3,
  seed: 1,
  restarts: 5,
  minDf: 1,
  maxDf: 1,
  outlierThreshold: 0,
  ...over,
});

// Three planted themes, four notes each, no shared words between themes.
const PLANTED = [
  ['digital', 'schul', 'tablet'],
  ['digital', 'wlan', 'schul'],
  ['tablet', 'wlan', 'digital'],
  ['digital', 'endgerat'],
  ['netzwerk', 'kooperation', 'partn'],
  ['netzwerk', 'akteur'],
  ['kooperation', 'akteur', 'netzwerk'],
  ['partn', 'kooperation'],
  ['dat', 'monitoring', 'bericht'],
  ['monitoring', 'dat'],
  ['bericht', 'dat', 'statistik'],
  ['statistik', 'monitoring'],
];

function groups(labels: Int32Array): number[][] {
  const by = new Map<number, number[]>();
  labels.forEach((l, i) => {
    by.set(l, [...(by.get(l) ?? []), i]);
  });
  return [...by.values()].sort((a, b) => a[0]! - b[0]!);
}

describe('fitThemes', () => {
  it('recovers planted themes', () => {
    const fit = fitThemes({ stems: PLANTED }, base());
    expect(groups(fit.labels)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ]);
  });

  it('is deterministic: same seed, identical result (byte for byte in the report)', () => {
    const a = fitThemes({ stems: PLANTED }, base({ seed: 5 }));
    const b = fitThemes({ stems: PLANTED }, base({ seed: 5 }));
    expect(a).toEqual(b);
    const notes = PLANTED.map((s) => s.join(' '));
    expect(JSON.stringify(analyze(notes, { k: 3, seed: 3 }))).toBe(JSON.stringify(analyze(notes, { k: 3, seed: 3 })));
  });

  it('fits duplicates once: adding copies of a note changes neither its theme nor the other notes', () => {
    const withCopies = [...PLANTED, ['dat', 'monitoring'], ['dat', 'monitoring'], ['dat', 'monitoring']];
    const once = fitThemes({ stems: [...PLANTED, ['dat', 'monitoring']] }, base());
    const thrice = fitThemes({ stems: withCopies }, base());
    expect(thrice.labels.slice(0, 13)).toEqual(once.labels);
    expect(thrice.labels[13]).toBe(thrice.labels[12]);
    expect(thrice.labels[14]).toBe(thrice.labels[12]);
    expect(thrice.vectors[14]).toEqual(thrice.vectors[12]);
    // Without dedupe the copies are separate rows of the fit (different document frequencies).
    const noDedupe = fitThemes({ stems: withCopies }, base({ dedupe: false }));
    expect(noDedupe.labels).toHaveLength(15);
  });

  it('sets notes far from every centre aside as outliers, and none at threshold 0', () => {
    const stems = [...PLANTED, ['digital', 'netzwerk', 'dat', 'kaffee']];
    const none = fitThemes({ stems }, base());
    expect(none.reasons.every((r) => r === undefined)).toBe(true);
    const strict = fitThemes({ stems }, base({ outlierThreshold: 0.95 }));
    const outliers = strict.reasons.flatMap((r, i) => (r === 'outlier' ? [i] : []));
    expect(outliers).toContain(12);
    for (const i of outliers) {
      expect(strict.labels[i]).toBe(-1);
      expect(strict.scores[i]!).toBeLessThan(0.95);
    }
    for (let i = 0; i < stems.length; i++) if (strict.labels[i]! >= 0) expect(strict.scores[i]!).toBeGreaterThanOrEqual(0.95);
  });

  it('reports outliers with reason "outlier" through analyze', () => {
    const notes = [...PLANTED.map((s) => s.join(' ')), 'Kaffee Kuchen Wetter'];
    const report = analyze(notes, { k: 3, outlierThreshold: 0.99, keepRareTerms: true });
    const reasons = new Set(report.notes.filter((n) => n.themeId === null).map((n) => n.reason));
    expect([...reasons].every((r) => r === 'outlier' || r === 'no-terms')).toBe(true);
    expect(report.notes.some((n) => n.reason === 'outlier')).toBe(true);
  });

  it('keeps notes without terms aside as no-terms', () => {
    const fit = fitThemes({ stems: [...PLANTED, []] }, base());
    expect(fit.labels[12]).toBe(-1);
    expect(fit.reasons[12]).toBe('no-terms');
  });
});

describe('long-text rule, spectral, consensus, smoothing', () => {
  // Long notes: the planted themes, each note repeated to 40 tokens.
  const LONG = PLANTED.map((row) => Array.from({ length: 40 }, (_, i) => row[i % row.length]!));

  it('drops the n-gram block for long texts and keeps it for short ones', () => {
    const words = { words: PLANTED };
    const short = fitThemes({ stems: PLANTED, ...words }, base());
    const long = fitThemes({ stems: LONG, words: LONG }, base());
    const noRule = fitThemes({ stems: LONG, words: LONG }, base({ longText: null }));
    const wordsOnly = fitThemes({ stems: LONG }, base({ ngrams: null, longText: null }));
    expect(long.features).toBe(wordsOnly.features);
    expect(noRule.features).toBeGreaterThan(long.features);
    expect(short.features).toBeGreaterThan(fitThemes({ stems: PLANTED }, base({ ngrams: null })).features);
    expect(groups(long.labels)).toEqual(groups(short.labels));
  });

  it('default method: consensus for short notes up to consensusUpTo, k-means above it and for long texts', () => {
    const labelsOf = (stems: string[][], over: Partial<FitOptions>): number[] => Array.from(fitThemes({ stems }, base(over)).labels);
    expect(DEFAULT_FIT.consensusUpTo).toBeGreaterThan(PLANTED.length);
    expect(labelsOf(PLANTED, {})).toEqual(labelsOf(PLANTED, { method: 'consensus' }));
    expect(labelsOf(PLANTED, { consensusUpTo: PLANTED.length - 1 })).toEqual(labelsOf(PLANTED, { method: 'kmeans' }));
    expect(labelsOf(LONG, {})).toEqual(labelsOf(LONG, { method: 'kmeans' }));
    expect(groups(fitThemes({ stems: PLANTED }, base()).labels)).toEqual(groups(fitThemes({ stems: PLANTED }, base({ method: 'kmeans' })).labels));
  });

  for (const [name, over] of [
    ['spectral', { method: (v: Float64Array[], k: number, o: { seed: number; restarts: number }) => spectralClustering(v, k, { ...o, neighbours: 3 }) }],
    ['consensus', { method: 'consensus', consensus: { partitions: 5, overSplit: 1 } }],
    ['smoothing', { transform: (v: Float64Array[]) => knnSmooth(v, 2, 1) }],
  ] as const) {
    it(`${name}: recovers the planted themes, deterministically`, () => {
      const a = fitThemes({ stems: PLANTED }, base(over as Partial<FitOptions>));
      const b = fitThemes({ stems: PLANTED }, base(over as Partial<FitOptions>));
      expect(a).toEqual(b);
      expect(groups(a.labels)).toEqual([
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [8, 9, 10, 11],
      ]);
    });
  }
});

describe('automatic k', () => {
  // Planted clusters on the unit sphere: 5 well separated directions in 8 dimensions.
  function planted(k: number, per: number, seed: number): Float64Array[] {
    const random = createRandom(seed);
    const out: Float64Array[] = [];
    for (let c = 0; c < k; c++) {
      for (let i = 0; i < per; i++) {
        const v = new Float64Array(8);
        v[c] = 1;
        for (let d = 0; d < 8; d++) v[d]! += (random() - 0.5) * 0.3;
        const len = Math.hypot(...v);
        out.push(v.map((x) => x / len));
      }
    }
    return out;
  }

  for (const criterion of ['silhouette', 'knee', 'calinski', 'davies-bouldin'] as const) {
    it(`finds 5 planted clusters with ${criterion}`, () => {
      expect(chooseK(planted(5, 20, 7), { min: 2, max: 9 }, { seed: 1, criterion }).k).toBe(5);
    });
  }
});

describe('k criterion knee', () => {
  it('scores every k tried, 0 at both ends of the range, and is deterministic', () => {
    const vectors = Array.from({ length: 60 }, (_, i) => {
      const v = new Float64Array(8);
      v[i % 4] = 1;
      v[(i * 7) % 8]! += 0.2;
      const len = Math.hypot(...v);
      return v.map((x) => x / len);
    });
    const a = chooseK(vectors, { min: 2, max: 8 }, { seed: 4, criterion: 'knee' });
    expect(a.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(a.scores[0]!.score).toBe(0);
    expect(a.scores[6]!.score).toBe(0);
    expect(a.k).toBe(4);
    expect(chooseK(vectors, { min: 2, max: 8 }, { seed: 4, criterion: 'knee' })).toEqual(a);
  });

  it('is an option of analyze and of the CLI, validated', async () => {
    const { resolveOptions } = await import('../src/options');
    expect(resolveOptions({}).kCriterion).toBe('silhouette');
    expect(resolveOptions({ kCriterion: 'knee' }).kCriterion).toBe('knee');
    expect(() => resolveOptions({ kCriterion: 'elbow' } as never)).toThrow(/"kCriterion".*'silhouette' or 'knee'/);
  });
});

describe('option outlierThreshold', () => {
  it('defaults to 0 and accepts 0..1', async () => {
    const { resolveOptions } = await import('../src/options');
    expect(resolveOptions({}).outlierThreshold).toBe(0);
    expect(resolveOptions({ outlierThreshold: 0.35 }).outlierThreshold).toBe(0.35);
  });

  it('rejects values outside 0..1 naming the option', async () => {
    const { resolveOptions } = await import('../src/options');
    for (const bad of [-0.1, 1.5, Number.NaN, '0.3', null]) {
      expect(() => resolveOptions({ outlierThreshold: bad as never })).toThrow(/outlierThreshold/);
    }
  });
});

describe('fitThemes reusing the caller\'s word rows', () => {
  // Long texts (≥ 30 content tokens per note: words only, LSA 50); frequent and rare words, so the
  // bounds decide which are features.
  const word = fc.oneof(
    fc.constantFrom('digital', 'schul', 'netzwerk', 'dat', 'monitoring', 'kooperation'),
    fc.integer({ min: 0, max: 150 }).map((i) => `w${i}`),
  );
  const longNote = fc.array(word, { minLength: 30, maxLength: 60 });

  it('gives the fit without them, whether or not they apply (repeated notes, other bounds)', () => {
    fc.assert(
      fc.property(fc.array(longNote, { minLength: 3, maxLength: 25 }), fc.boolean(), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1 }), (notes, repeat, minDf, otherBound) => {
        const stems = repeat ? [...notes, notes[0]!] : notes;
        const ids = termIds(stems);
        const m = groupBags(ids, false).unique.length;
        const firstOfBag = new Array<number>(stems.length).fill(0);
        for (const i of groupBags(ids, false).unique) firstOfBag[i] = 1;
        const maxDf = Math.max(0.9 * m, 1);
        const vocabulary = buildVocabulary(stems, { minDf, maxDf }, firstOfBag, ids);
        const { matrix } = tfidf(stems, vocabulary);
        const columnOfId = tokensOf(vocabulary, stems)!.columnOfId;
        // Rows counted within other bounds than the fit's must not be taken.
        const options = base({ k: 2, minDf: minDf + otherBound, maxDf: 0.9 });
        const plain = fitThemes({ stems, ids }, options);
        const reused = fitThemes({ stems, ids, wordRows: { matrix, vocabulary, columnOfId, minDf, maxDf } }, options);
        expect([...reused.labels]).toEqual([...plain.labels]);
        expect(reused.vectors.map((v) => [...v])).toEqual(plain.vectors.map((v) => [...v]));
        expect([...reused.scores]).toEqual([...plain.scores]);
      }),
      { numRuns: 25 },
    );
  });
});

describe('planOfRows', () => {
  it('gives the feature rows planFeatures gives for the same single block (the corpus notes)', async () => {
    const stems = parseBoard(corpusText())
      .filter((u) => u.kind === 'note')
      .map((u) => extractTerms(u.text, { language: german, stopwords: german.stopwords }).stems);
    const ids = termIds(stems);
    const bounds = { minDf: 2, maxDf: 0.5 * stems.length };
    const planned = planFeatures([{ name: 'w', docs: ids, weight: 1 }], bounds);
    const vocabulary = buildVocabulary(stems, bounds, undefined, ids);
    const given = planOfRows(ids, vocabulary, tokensOf(vocabulary, stems)!.columnOfId, tfidf(stems, vocabulary).matrix);
    const all = Array.from({ length: stems.length }, (_, i) => i);
    const a = featureRows(planned, all);
    const b = featureRows(given, all);
    expect(b.cols).toBe(a.cols);
    expect([...b.indptr]).toEqual([...a.indptr]);
    expect([...b.indices]).toEqual([...a.indices]);
    // Bit for bit (Object.is tells 0 from -0; toEqual on numbers would let an ulp pass only if equal).
    expect(b.values.every((v, p) => Object.is(v, a.values[p]))).toBe(true);
    expect(a.values.length).toBeGreaterThan(1000);
  });
});
