/**
 * What a worker thread runs: each task of {@link Tasks} as a pure function
 * of plain data (the other side of {@link Runner.post}).
 *
 * @module
 */
import { restartRange } from '../cluster/kmeans';
import { buildStopwords } from '../language/german/stopwords';
import { resolveLanguage } from '../language/resolve';
import { projectTask, termsTask } from './parts';
import { type RestartOutput, type TaskName, type Tasks, takeChunks } from './runner';

/** The task functions by name. */
export const TASKS: { [K in TaskName]: (input: Tasks[K]['input']) => Tasks[K]['output'] } = {
  terms(input) {
    const language = resolveLanguage(input.language);
    const stopwords = buildStopwords(language.stopwords, input.stopwords);
    const cache = new Map<string, string>();
    return termsTask(input, { language, stopwords, stemmer: input.stemmer, cache });
  },
  project: projectTask,
  restarts(input) {
    const { data, norms, n, dim } = input;
    const vectors = Array.from({ length: n }, (_, i) => data.subarray(i * dim, (i + 1) * dim));
    const out: RestartOutput[] = [];
    takeChunks(input, (restart) => {
      const [r] = restartRange(vectors, { n, dim, data, norms }, input.k, input.seed, restart, restart + 1, input.maxIterations);
      out.push({
        restart,
        labels: r!.labels,
        centroids: flat(r!.centroids, dim),
        previous: flat(r!.previous, dim),
        iterations: r!.iterations,
        converged: r!.converged,
        objective: r!.objective,
      });
    });
    return out;
  },
};

function flat(rows: readonly Float64Array[], dim: number): Float64Array {
  const out = new Float64Array(rows.length * dim);
  rows.forEach((row, j) => {
    out.set(row.subarray(0, dim), j * dim);
  });
  return out;
}
