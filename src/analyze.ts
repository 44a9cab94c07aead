/**
 * The pipeline, top to bottom: notes in, a theme report out.
 *
 *   prepare notes → terms (normalise, tokenise, stopwords, stem)
 *   → vocabulary → TF-IDF → cluster (k given or chosen) → describe → report
 *
 * Every step is a pure function; randomness only through the seed.
 */
import { DEFAULT_FIT, fitThemes } from './cluster/fit';
import { sphericalKmeans } from './cluster/kmeans';
import { clusterStability, partitionStability, stabilityRuns } from './describe/stability';
import { describeThemes } from './describe/themes';
import { finishGuided, guidedRunStability, runGuided } from './guided/pipeline';
import { buildStopwords } from './language/german/stopwords';
import { resolveLanguage } from './language/resolve';
import { prepareNotes } from './notes';
import { resolveOptions } from './options';
import { termsInParts } from './parallel/parts';
import type { Runner } from './parallel/runner';
import { lowercaseById, lowercaseWords, type NumberedWords } from './lowercase';
import { buildReport } from './report';
import type { AnalyzeOptions, NoteInput, ThemeReport } from './types';
import { rowLength } from './vectors/sparse';
import { tfidf } from './vectors/tfidf';
import { buildVocabulary, groupBags, rowsOfIds, type TermIds, termIds, tokensOf } from './vectors/vocabulary';

/**
 * Finds the themes in a set of notes.
 *
 * @param notes - Strings, or objects `{ id?, text, ...metadata }`.
 * @param options - See {@link AnalyzeOptions}; all optional.
 * @returns A {@link ThemeReport}: plain data, every note exactly once, in input order.
 * @throws ThemenfinderError with code `EMPTY_INPUT`, `BAD_NOTE` or `BAD_OPTION`.
 *
 * @example
 * ```ts
 * import { analyze } from 'themenfinder';
 * const report = analyze([
 *   'Digitalisierung der Schulen vorantreiben',
 *   'Netzwerke der Bildungsakteure stärken',
 *   'Digitale Endgeräte für alle Schüler*innen',
 * ], { k: 2 });
 * report.themes.map((t) => t.label);
 * ```
 */
export function analyze(notes: readonly NoteInput[], options?: AnalyzeOptions): ThemeReport {
  return analyzeWith(notes, options);
}

/**
 * {@link analyze}, with the stages that split by note optionally run in parts by
 * `runner` (worker threads: `analyzeParallel` in `themenfinder/node`). The same report.
 *
 * @internal
 */
export function analyzeWith(notes: readonly NoteInput[], options?: AnalyzeOptions, runner?: Runner): ThemeReport {
  const opts = resolveOptions(options);
  const stage = stageClock(opts.onStage);
  const language = resolveLanguage(opts.language);
  const prepared = prepareNotes(notes, opts.maxNoteLength);
  const warnings = [...prepared.warnings];
  const n = prepared.notes.length;

  stage('prepare');

  // Terms: normalise, tokenise, drop stopwords, stem.
  const stopwords = buildStopwords(language.stopwords, opts.stopwords);
  const cache = new Map<string, string>();
  const { terms, ids: stemIds, surfaceIds } = termsInParts(
    prepared.notes.map((note) => note.text),
    { language, stopwords, stemmer: opts.stemmer, cache },
    { language: opts.language, stemmer: opts.stemmer, stopwords: opts.stopwords },
    runner,
  );
  const stems = terms.map((t) => t.stems);

  stage('terms');

  // Guided themes (clusters 0 … guidedCount-1): notes close to one go there; the rest are clustered.
  const guided = opts.themes
    ? runGuided(prepared.notes.map((note) => note.text), opts.themes, { language, stopwords, stemmer: opts.stemmer }, opts.guidedThreshold)
    : undefined;
  const guidedCount = guided ? guided.themes.length : 0;
  const stabilityOfCluster: number[] = [];
  const runs = stabilityRuns(opts.stability, n);
  if (guided && runs > 0) stabilityOfCluster.push(...guidedRunStability(guided, runs, opts.seed));

  stage('guided');

  // Features: vocabulary by document frequency over the distinct term bags
  // (as the clustering counts them: a note written by most participants is
  // not thereby uninformative), sparse TF-IDF.
  // Stems interned once for the vocabulary, the bags and the fit (by the terms stage when it read the notes alone).
  const ids = stemIds ?? termIds(stems);
  const firstOfBag = distinctBags(ids);
  const m = firstOfBag.reduce((sum, w) => sum + w, 0);
  const minDf = opts.keepRareTerms ? 1 : opts.minDf === 'auto' ? (m < 20 ? 1 : 2) : opts.minDf;
  const maxDf = opts.maxDf <= 1 ? Math.max(opts.maxDf * m, Math.min(m, 1)) : opts.maxDf;
  const vocabulary = buildVocabulary(stems, { minDf, maxDf }, firstOfBag, ids);
  const { matrix } = tfidf(stems, vocabulary);
  // The notes' stems as the vocabulary's columns (made with it): for the fit and describe.
  const known = tokensOf(vocabulary, stems);

  // Notes with at least one feature are clustered; the others keep themeId null.
  const content: number[] = [];
  for (let i = 0; i < n; i++) if (rowLength(matrix, i) > 0 && !(guided && guided.assignment.theme[i]! >= 0)) content.push(i);

  stage('features');

  // Cluster (see docs/quality.md): deduplicated term bags, word + character
  // 3-5-gram TF-IDF and LSA 20 for short notes (words only and LSA 50 for
  // long texts); a consensus of 15 spherical k-means partitions for short
  // notes (up to 5,000 distinct), plain spherical k-means otherwise; k given
  // (clamped) or chosen by the k criterion (silhouette or knee).
  // The content notes' words lowercased, numbered when the terms stage numbered their surfaces.
  let lowered: { words: string[][]; numbered?: NumberedWords } | undefined;
  const lowerContent = () => {
    if (lowered) return lowered;
    if (surfaceIds && stemIds) {
      const numbered = lowercaseById(content, stemIds.offsets, surfaceIds, terms);
      lowered = { words: numbered.words, numbered };
    } else lowered = { words: lowercaseWords(content.map((i) => terms[i]!.surfaces)) };
    return lowered;
  };
  const fit = fitThemes(
    {
      stems: content.map((i) => stems[i]!),
      ids: rowsOfIds(ids, content),
      // Lowercased surface words, made when the fit asks for them (n-grams, compound parts; not for long texts).
      get words() {
        return lowerContent().words;
      },
      // Their numbers (from the terms stage's surface numbers): the n-gram stage looks up each number's word once.
      get wordNumbers() {
        return lowerContent().numbered;
      },
      stem: (word) => language.stem(word, opts.stemmer),
      runner,
      // Every note clustered: the fit may reuse these rows as its word block (it checks the rest).
      ...(content.length === n && known ? { wordRows: { matrix, vocabulary, columnOfId: known.columnOfId, minDf, maxDf } } : {}),
    },
    {
      ...DEFAULT_FIT,
      k: opts.k,
      kCriterion: opts.kCriterion,
      seed: opts.seed,
      restarts: opts.restarts,
      minDf: opts.keepRareTerms ? 1 : opts.minDf,
      maxDf: opts.maxDf,
      outlierThreshold: opts.outlierThreshold,
    },
  );
  const k = fit.k;
  if (opts.k !== 'auto' && k < opts.k) {
    warnings.push(`k = ${opts.k} is more than the ${k} distinct notes with content; using k = ${k}.`);
  }
  const labels = new Int32Array(n).fill(-1);
  const reasons: Array<'no-terms' | 'outlier' | undefined> = new Array(n).fill(undefined);
  guided?.assignment.theme.forEach((g, i) => {
    if (g >= 0) labels[i] = g;
  });
  content.forEach((i, j) => {
    if (fit.labels[j]! >= 0) labels[i] = guidedCount + fit.labels[j]!;
    else reasons[i] = fit.reasons[j];
  });
  const kept = content.map((_, j) => j).filter((j) => fit.labels[j]! >= 0);
  stage('cluster');
  if (k >= 1 && runs > 0 && kept.length >= 2 * k) {
    stabilityOfCluster.length = guidedCount;
    const clusteredLabels = Int32Array.from(kept, (j) => fit.labels[j]!);
    if (opts.stability === true && fit.partitions) {
      // The consensus's base partitions are seeded re-clusterings already made: no runs of its own.
      const partitions = fit.partitions.map((p) => Int32Array.from(kept, (j) => p[j]!));
      stabilityOfCluster.push(...partitionStability(clusteredLabels, k, partitions));
    } else {
      const cluster = (v: Float64Array[], kk: number, seed: number) =>
        sphericalKmeans(v, Math.min(kk, v.length), { seed, restarts: 1, typedOnly: true }).labels;
      const clustered = kept.map((j) => fit.vectors[j]!);
      stabilityOfCluster.push(...clusterStability(clustered, clusteredLabels, k, { runs, seed: opts.seed, cluster }));
    }
  }

  stage('stability');

  // Describe and assemble.
  const described = describeThemes({
    stems,
    surfaces: terms.map((t) => t.surfaces),
    labels,
    k: guidedCount + Math.max(k, 0),
    matrix,
    columnStems: vocabulary.terms,
    stemColumns: known,
    topTerms: opts.topTerms,
    representatives: opts.representatives,
  });
  const description = finishGuided(described, guided, terms.map((t) => t.surfaces), stabilityOfCluster);
  stage('describe');
  const report = buildReport({
    notes: prepared.notes,
    description,
    labels,
    options: opts,
    language: language.code,
    kAuto: opts.k === 'auto',
    vocabularySize: vocabulary.terms.length,
    warnings,
    reasons,
  });
  stage('report');
  return report;
}

/** 1 for the first note of each distinct set of stems, 0 for its repeats. */
function distinctBags(ids: TermIds): number[] {
  const { unique } = groupBags(ids, false);
  const first = new Array<number>(ids.offsets.length - 1).fill(0);
  for (const i of unique) first[i] = 1;
  return first;
}

/** Reports the time since the previous stage to `onStage`, if given. */
function stageClock(onStage: ((stage: string, ms: number) => void) | undefined): (name: string) => void {
  if (!onStage) return () => {};
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    onStage(name, now - last);
    last = now;
  };
}
