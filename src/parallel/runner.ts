/**
 * How the pipeline hands work that splits by note to other threads, without
 * knowing about threads: a {@link Runner} posts tasks (plain data in, plain
 * data out) and later waits for their results, synchronously. The core never
 * creates one; `analyzeParallel` in `themenfinder/node` does (worker threads,
 * `Atomics.wait`). Every split is merged so that the result is identical to
 * the sequential computation, whatever the number of parts.
 *
 * @module
 */
import type { TermIds } from '../vectors/vocabulary';

/** A part of the terms stage: texts in, stems and surface words out. */
export interface TermsTaskInput {
  texts: string[];
  /** Only the built-in German pack travels to workers (packs hold functions). */
  language: 'de';
  stemmer: string;
  stopwords: { add: string[]; remove: string[] };
}

/**
 * The terms of several notes packed into one string: token `t` is
 * `text.slice(at, at + lengths[t])`, stem and surface word alternating,
 * `counts[i]` stems per note.
 */
export interface TermsTaskOutput {
  text: string;
  lengths: Int32Array;
  counts: Int32Array;
}

/** A part of the character n-grams: the words of some notes. */
export interface NgramsTaskInput {
  docs: string[][];
  min: number;
  max: number;
}

/** One block of the feature plan, as much as the projection needs (token rows rebased to the part). */
export interface ProjectionBlock {
  tokens: Int32Array;
  offsets: Int32Array;
  columnOfId: Int32Array;
  idf: Float64Array;
  offset: number;
  weight: number;
}

/** A part of the projection onto the LSA basis. */
export interface ProjectTaskInput {
  blocks: ProjectionBlock[];
  rows: Int32Array;
  position: Int32Array;
  v: Float64Array;
  width: number;
}

/** Some of the k-means restarts (`from` … `to - 1`) on packed vectors. */
export interface RestartsTaskInput {
  data: Float64Array;
  norms: Float64Array;
  n: number;
  dim: number;
  k: number;
  seed: number;
  from: number;
  to: number;
  maxIterations: number;
}

/** One restart's result, centres packed row-major. */
export interface RestartOutput {
  labels: Int32Array;
  centroids: Float64Array;
  previous: Float64Array;
  iterations: number;
  converged: boolean;
  objective: number;
}

/** The tasks, by name. */
export interface Tasks {
  terms: { input: TermsTaskInput; output: TermsTaskOutput };
  ngrams: { input: NgramsTaskInput; output: TermIds };
  project: { input: ProjectTaskInput; output: Float64Array };
  restarts: { input: RestartsTaskInput; output: RestartOutput[] };
}

/** A task name. */
export type TaskName = keyof Tasks;

/** Runs tasks on other threads. */
export interface Runner {
  /** Threads work is split over, this one included (1 = no splitting). */
  readonly parts: number;
  /**
   * Starts `task` on up to `parts - 1` other threads, one input each, and
   * returns a function that waits for their outputs (in input order); the
   * caller does its own part in between. Errors thrown by a task are thrown
   * by the wait function.
   */
  post<K extends TaskName>(task: K, inputs: Array<Tasks[K]['input']>): () => Array<Tasks[K]['output']>;
}

/**
 * Splits 0 … n-1 into `parts` contiguous ranges of near-equal size, the first ones one larger.
 *
 * @example
 * ```ts
 * splitRange(10, 3); // [[0, 4], [4, 7], [7, 10]]
 * ```
 */
export function splitRange(n: number, parts: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const size = Math.floor(n / parts);
  const extra = n % parts;
  let at = 0;
  for (let p = 0; p < parts; p++) {
    const end = at + size + (p < extra ? 1 : 0);
    out.push([at, end]);
    at = end;
  }
  return out;
}

/** How many parts to split `n` items into: at most `runner.parts`, each at least `minPerPart` items. */
export function partsFor(runner: Runner | undefined, n: number, minPerPart: number): number {
  if (!runner || runner.parts <= 1) return 1;
  return Math.max(1, Math.min(runner.parts, Math.floor(n / minPerPart)));
}
