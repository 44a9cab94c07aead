/**
 * `npm run eval` (tsx eval/run.ts): measures themenfinder on the labelled
 * German sets in ../shared/data and writes QUALITY.md.
 *
 *   tsx eval/run.ts            full run (seeds 0..4 for the defaults)
 *   tsx eval/run.ts --quick    defaults on seeds 0..4 as well; variants on seed 0 only, fewer of them
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyze } from '../src/analyze';
import type { KCriterion } from '../src/cluster/choose-k';
import { knnSmooth } from '../src/cluster/smooth';
import { spectralClustering } from '../src/cluster/spectral';
import { parseBoard } from '../src/import/board';
import { hasSharedData, type Labelled, load10kGnad, loadSib200 } from './data';
import { score } from './metrics';
import { runVariant, type Terms, termsOf, type Variant } from './pipeline';

const quick = process.argv.includes('--quick');
const SEEDS = [0, 1, 2, 3, 4];
const VARIANT_SEEDS = quick ? [0] : [0, 1, 2];
const K_SEEDS = quick ? [0] : [0, 1, 2, 3, 4];

interface DataSet {
  name: string;
  k: number;
  data: Labelled[];
  reference: { nmi: number; ari: number; largest: number };
  target: number;
  /** Long texts (the long-text rule applies). */
  long?: boolean;
}

const log = (msg: string): void => {
  process.stderr.write(`${msg}\n`);
};

const fmt = (x: number, d = 3): string => x.toFixed(d);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
const sd = (xs: number[]): number => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

function sets(): DataSet[] {
  return [
    { name: 'SIB-200 German, all 1,004', k: 7, data: loadSib200(), reference: { nmi: 0.086, ari: 0.015, largest: 0.76 }, target: 0.2 },
    { name: '10kGNAD test, first 200 chars', k: 9, data: load10kGnad(200), reference: { nmi: 0.094, ari: 0.044, largest: 0.45 }, target: 0.2 },
    { name: '10kGNAD test, first 80 chars', k: 9, data: load10kGnad(80), reference: { nmi: 0.063, ari: 0.002, largest: 0.78 }, target: 0 },
    { name: '10kGNAD test, whole articles', k: 9, data: load10kGnad(0), reference: { nmi: 0.351, ari: 0.217, largest: 0.31 }, target: 0.5, long: true },
  ];
}

/** Labels of analyze() as cluster ids (theme id or 'none'). */
function analyzeLabels(texts: string[], k: number | 'auto', seed: number): { pred: string[]; k: number; ms: number } {
  const t0 = performance.now();
  const report = analyze(texts, { k, seed, stability: false } as never);
  const ms = performance.now() - t0;
  return { pred: report.notes.map((n) => n.themeId ?? 'none'), k: report.meta.k, ms };
}

function main(): void {
  if (!hasSharedData()) throw new Error('shared data not found: set THEMENFINDER_SHARED or put shared/ beside the repo');
  const all = sets();
  const termCache = new Map<string, Terms>();
  const termsFor = (s: DataSet): Terms => {
    let t = termCache.get(s.name);
    if (!t) {
      t = termsOf(s.data.map((d) => d.text));
      termCache.set(s.name, t);
    }
    return t;
  };

  // 0. The bundled workshop corpus (no public labels): sizes only.
  const corpus = parseBoard(readFileSync(new URL('../corpus/zukunftscamp-2021.txt', import.meta.url), 'utf8'))
    .filter((u) => u.kind === 'note')
    .map((u) => u.text);
  const corpusRows: string[] = [];
  for (const [k, kCriterion] of [
    [10, 'silhouette'],
    ['auto', 'silhouette'],
    ['auto', 'knee'],
  ] as const) {
    const t0 = performance.now();
    const report = analyze(corpus, { k, kCriterion, seed: 0, stability: false });
    const ms = performance.now() - t0;
    const largest = Math.max(...report.themes.map((t) => t.share));
    corpusRows.push(`| ${k === 'auto' ? `auto (${kCriterion})` : k} | ${corpus.length} | ${report.meta.k} | ${fmt(largest, 2)} | ${report.themes.map((t) => t.label).join(', ')} | ${Math.round(ms)} |`);
    log(corpusRows[corpusRows.length - 1]!);
  }

  const variantRows: string[] = [];
  const kRows: string[] = [];
  const outRows: string[] = [];
  const write = (done: boolean): void => {
    const out: string[] = [];
      out.push(
      '# Quality',
      '',
      'Written by `npm run eval` (`tsx eval/run.ts`). Scores: NMI (arithmetic normalisation, as',
      "scikit-learn's default), ARI, V-measure, share of the largest theme; references from",
      '`../shared/reference/RESULTS.md` (scikit-learn TF-IDF + KMeans, same data). Method and choices:',
      '[docs/quality.md](docs/quality.md).',
      '',
      `## The library with its defaults (k = number of labels, seeds ${SEEDS.join(', ')}; auto k with seed 0)`,
      '',
      '| data | k | ref. NMI | NMI (mean ± sd) | NMI seed 0 | target | met (mean) | ref. ARI | ARI | V | ref. largest | largest | auto k | NMI (auto k) | ms / run |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...main,
      '',
      `## Variants tried (NMI / largest-theme share, mean over seeds ${VARIANT_SEEDS.join(', ')})`,
      '',
      `| variant | ${all.map((s) => s.name).join(' | ')} |`,
      `|---|${all.map(() => '---').join('|')}|`,
      ...variantRows,
      '',
      `## Automatic k: criterion, chosen k and NMI (seeds ${K_SEEDS.join(', ')}: k chosen, mean NMI ± sd; range 2 … √(n/2))`,
      '',
      `| criterion | ${all.map((s) => `${s.name} (labels: ${s.k})`).join(' | ')} |`,
      `|---|${all.map(() => '---').join('|')}|`,
      ...kRows,
      '',
      '## Outlier threshold: NMI of the assigned notes / share set aside (seed 0)',
      '',
      `| threshold | ${all.map((s) => s.name).join(' | ')} |`,
      `|---|${all.map(() => '---').join('|')}|`,
      ...outRows,
      '',
      `## The bundled corpus (${corpus.length} notes of parseBoard, kind note; no public coding)`,
      '',
      '| k asked | notes | themes | largest share | labels | ms |',
      '|---|---|---|---|---|---|',
      ...corpusRows,
      '',
    );
    if (!done) out.push('_(Run in progress: sections below the last filled one are still empty.)_', '');
      writeFileSync(new URL('../QUALITY.md', import.meta.url), out.join('\n'));
  };

  // 1. The library with its defaults, k = number of labels, seeds 0..4; and k = 'auto'.
  const main: string[] = [];
  for (const s of all) {
    const texts = s.data.map((d) => d.text);
    const truth = s.data.map((d) => d.label);
    const runs = SEEDS.map((seed) => {
      const r = analyzeLabels(texts, s.k, seed);
      return { ...score(truth, r.pred), ms: r.ms };
    });
    const auto = analyzeLabels(texts, 'auto', 0);
    const autoScore = score(truth, auto.pred);
    const nmi = mean(runs.map((r) => r.nmi));
    const sd = Math.sqrt(mean(runs.map((r) => (r.nmi - nmi) ** 2)));
    const met = s.target > 0 ? (nmi >= s.target ? 'yes' : 'no') : '-';
    main.push(
      `| ${s.name} | ${s.k} | ${fmt(s.reference.nmi)} | ${fmt(nmi)} ± ${fmt(sd)} | ${fmt(runs[0]!.nmi)} | ${s.target > 0 ? `>= ${s.target}` : '-'} | ${met} | ${fmt(s.reference.ari)} | ${fmt(mean(runs.map((r) => r.ari)))} | ${fmt(mean(runs.map((r) => r.vMeasure)))} | ${fmt(s.reference.largest, 2)} | ${fmt(mean(runs.map((r) => r.largest)), 2)} | ${auto.k} | ${fmt(autoScore.nmi)} | ${Math.round(mean(runs.map((r) => r.ms)))} |`,
    );
    log(main[main.length - 1]!);
    write(false);
  }

  // 2. Variants of the representation and the clustering (fitThemes directly, same terms).
  // `short: true` variants change only what short texts use and are not rerun on the long set
  // (the long-text rule gives the default there, and dense TF-IDF of whole articles takes
  // minutes; round 1 measured it: 0.356); '-' marks such cells.
  const noLong = { longText: null } as const;
  const variants: Array<[string, Variant, { short?: boolean; longOnly?: boolean; quick?: boolean }?]> = [
    ['words only, no LSA (dense TF-IDF, as the reference)', { dims: 0, ngrams: null, ...noLong }, { short: true, quick: true }],
    ['words, LSA 20', { dims: 20, ngrams: null, ...noLong }],
    ['words, LSA 50 (the long-text rule)', { dims: 50, ngrams: null, ...noLong }],
    ['words + 4-5-grams x1, LSA 20, no long-text rule (round-1 default)', { ngrams: { min: 4, max: 5, weight: 1 }, ...noLong }, { short: true, quick: true }],
    ['words + 3-5-grams x1.5, LSA 20 (default: consensus of 15 partitions up to 5,000 short notes)', {}, { quick: true }],
    ['words + 3-5-grams x1', { ngrams: { min: 3, max: 5, weight: 1 } }, { short: true }],
    ['words + 3-5-grams x2', { ngrams: { min: 3, max: 5, weight: 2 } }, { short: true }],
    ['words + 3-6-grams x1.5', { ngrams: { min: 3, max: 6, weight: 1.5 } }, { short: true }],
    ['words + 4-6-grams x1.5', { ngrams: { min: 4, max: 6, weight: 1.5 } }, { short: true }],
    ['default, LSA 10', { dims: 10 }, { short: true }],
    ['default, LSA 30', { dims: 30 }, { short: true }],
    ['default, LSA 50', { dims: 50 }, { short: true }],
    ['default, long texts LSA 80', { longText: { minTokens: 30, dims: 80 } }, { longOnly: true, quick: true }],
    ['default, long texts LSA 100', { longText: { minTokens: 30, dims: 100 } }, { longOnly: true, quick: true }],
    ['default, long texts LSA 150', { longText: { minTokens: 30, dims: 150 } }, { longOnly: true, quick: true }],
    ['default, SVD with 3 power iterations (round 1)', { powerIterations: 3 }],
    ['default + compound parts x1', { compounds: 1 }, { quick: true }],
    ['default without dedupe', { dedupe: false }],
    ['default, 30 restarts', { restarts: 30 }],
    ['default, kNN smoothing (10 neighbours, x1)', { transform: (v) => knnSmooth(v, 10, 1) }],
    ['spectral clustering (kNN graph 15, normalised affinity)', { method: (v, k, o) => spectralClustering(v, k, { ...o, neighbours: 15 }) }],
    ['consensus of 20 k-means partitions', { method: 'consensus', consensus: { partitions: 20, overSplit: 1 } }],
    // Round 3: the default clusters short notes (up to consensusUpTo distinct notes) by consensus.
    ['plain spherical k-means for short notes too (before round 3)', { method: 'kmeans' }, { quick: true }],
    ['consensus of 10 partitions for short notes', { consensus: { partitions: 10, overSplit: 1 } }, { short: true, quick: true }],
    ['consensus of 20 partitions for short notes', { consensus: { partitions: 20, overSplit: 1 } }, { short: true, quick: true }],
    ['long texts: maxDf 0.3', { maxDf: 0.3 }, { longOnly: true, quick: true }],
    ['long texts: maxDf 0.4', { maxDf: 0.4 }, { longOnly: true, quick: true }],
    ['long texts: minDf 3', { minDf: 3 }, { longOnly: true, quick: true }],
    ['long texts: minDf 5', { minDf: 5 }, { longOnly: true, quick: true }],
    ['long texts: LSA 30', { longText: { minTokens: 30, dims: 30 } }, { longOnly: true, quick: true }],
    ['long texts: LSA 40', { longText: { minTokens: 30, dims: 40 } }, { longOnly: true, quick: true }],
    ['long texts: 8 power iterations', { powerIterations: 8 }, { longOnly: true, quick: true }],
    ['long texts: 20 restarts', { restarts: 20 }, { longOnly: true, quick: true }],
  ];
  const chosen = quick ? variants.filter(([, , o]) => o?.quick) : variants;
  for (const [name, v, o] of chosen) {
    const cells: string[] = [];
    for (const s of all) {
      if ((o?.short && s.long) || (o?.longOnly && !s.long)) {
        cells.push('-');
        continue;
      }
      const truth = s.data.map((d) => d.label);
      const scores = VARIANT_SEEDS.map((seed) => score(truth, Array.from(runVariant(termsFor(s), s.k, seed, v).labels)));
      cells.push(`${fmt(mean(scores.map((x) => x.nmi)))} / ${fmt(mean(scores.map((x) => x.largest)), 2)}`);
    }
    variantRows.push(`| ${name} | ${cells.join(' | ')} |`);
    log(variantRows[variantRows.length - 1]!);
    write(false);
  }

  // 3. Automatic k: which criterion picks a k with good NMI.
  const criteria: KCriterion[] = ['silhouette', 'knee', 'calinski', 'davies-bouldin', 'stability'];
  for (const criterion of criteria) {
    const cells: string[] = [];
    for (const s of all) {
      const truth = s.data.map((d) => d.label);
      const fits = K_SEEDS.map((seed) => runVariant(termsFor(s), 'auto', seed, { kCriterion: criterion }));
      const nmis = fits.map((fit) => score(truth, Array.from(fit.labels)).nmi);
      cells.push(`k=${fits.map((fit) => fit.k).join('/')}, ${fmt(mean(nmis))} ± ${fmt(sd(nmis))}`);
    }
    kRows.push(`| ${criterion} | ${cells.join(' | ')} |`);
    log(kRows[kRows.length - 1]!);
    write(false);
  }

  // 4. Outlier thresholds: NMI on the assigned notes and the share set aside.
  for (const threshold of [0, 0.1, 0.2, 0.3, 0.4]) {
    const cells: string[] = [];
    for (const s of all) {
      const truth = s.data.map((d) => d.label);
      const fit = runVariant(termsFor(s), s.k, 0, { outlierThreshold: threshold });
      const kept = [...fit.labels.keys()].filter((i) => fit.labels[i]! >= 0);
      const sc = score(kept.map((i) => truth[i]!), kept.map((i) => fit.labels[i]!));
      cells.push(`${fmt(sc.nmi)} / ${fmt(1 - kept.length / truth.length, 2)}`);
    }
    outRows.push(`| ${threshold} | ${cells.join(' | ')} |`);
    log(outRows[outRows.length - 1]!);
  }

  write(true);
  log('wrote QUALITY.md');
}

main();
