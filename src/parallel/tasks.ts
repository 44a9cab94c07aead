/**
 * What a worker thread runs: each task of {@link Tasks} as a pure function
 * of plain data (the other side of {@link Runner.post}).
 *
 * @module
 */
import { restartRange } from '../cluster/kmeans';
import { buildStopwords } from '../language/german/stopwords';
import { resolveLanguage } from '../language/resolve';
import { extractTerms } from '../terms';
import { projectFeatures } from '../vectors/features';
import { ngramIds } from '../vectors/ngrams';
import { encodeTerms } from './parts';
import type { RestartOutput, TaskName, Tasks } from './runner';

/** The task functions by name. */
export const TASKS: { [K in TaskName]: (input: Tasks[K]['input']) => Tasks[K]['output'] } = {
  terms(input) {
    const language = resolveLanguage(input.language);
    const stopwords = buildStopwords(language.stopwords, input.stopwords);
    const cache = new Map<string, string>();
    const options = { language, stopwords, stemmer: input.stemmer, cache };
    return encodeTerms(input.texts.map((text) => extractTerms(text, options)));
  },
  ngrams(input) {
    return ngramIds(input.docs, input.min, input.max);
  },
  project(input) {
    const plan = {
      blocks: input.blocks.map((b) => ({ ...b, ids: { tokens: b.tokens, offsets: b.offsets } })),
    };
    return projectFeatures(plan, input.rows, input.position, input.v, input.width);
  },
  restarts(input) {
    const { data, norms, n, dim } = input;
    const vectors = Array.from({ length: n }, (_, i) => data.subarray(i * dim, (i + 1) * dim));
    return restartRange(vectors, { n, dim, data, norms }, input.k, input.seed, input.from, input.to, input.maxIterations).map(
      (r): RestartOutput => ({
        labels: r.labels,
        centroids: flat(r.centroids, dim),
        previous: flat(r.previous, dim),
        iterations: r.iterations,
        converged: r.converged,
        objective: r.objective,
      }),
    );
  },
};

function flat(rows: readonly Float64Array[], dim: number): Float64Array {
  const out = new Float64Array(rows.length * dim);
  rows.forEach((row, j) => {
    out.set(row.subarray(0, dim), j * dim);
  });
  return out;
}
