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
import type { WordGrams } from '../vectors/vocabulary';

/**
 * Work handed out in chunks: every thread takes the next chunk with
 * `Atomics.add(claim, 0, 1)` until `chunks` are taken, so a thread that
 * starts late (a worker loading the library) or runs slower (a shared
 * machine) simply takes fewer chunks. Results are merged by chunk number.
 */
export interface Claimed {
  /** The shared counter of taken chunks (an `Int32Array` on a `SharedArrayBuffer`). */
  claim: Int32Array;
  /** Number of chunks. */
  chunks: number;
  /** Items per chunk (the last may be shorter). */
  size: number;
}

/** The terms stage in chunks of notes: texts in, stems and surface words out. */
export interface TermsTaskInput extends Claimed {
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
export interface PackedTerms {
  text: string;
  lengths: Int32Array;
  counts: Int32Array;
}

/** The terms of the chunks a worker took, in the order it took them. */
export interface TermsTaskOutput extends PackedTerms {
  taken: number[];
}

/** One block of the feature plan, as much as the projection needs (token rows rebased to the part). */
export interface ProjectionBlock {
  tokens: Int32Array;
  offsets: Int32Array;
  /** The tokens by word type, for blocks made per word (character n-grams). */
  words?: WordGrams;
  columnOfId: Int32Array;
  idf: Float64Array;
  offset: number;
  weight: number;
}

/** The projection onto the LSA basis in chunks of rows. */
export interface ProjectTaskInput extends Claimed {
  blocks: ProjectionBlock[];
  rows: Int32Array;
  position: Int32Array;
  v: Float64Array;
  width: number;
}

/** The projected rows of the chunks a worker took, chunk after chunk. */
export interface ProjectTaskOutput {
  taken: number[];
  values: Float64Array;
}

/** The k-means restarts on packed vectors, one restart per chunk (`size` 1). */
export interface RestartsTaskInput extends Claimed {
  data: Float64Array;
  norms: Float64Array;
  n: number;
  dim: number;
  k: number;
  seed: number;
  maxIterations: number;
}

/** One restart's result, centres packed row-major. */
export interface RestartOutput {
  restart: number;
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
  project: { input: ProjectTaskInput; output: ProjectTaskOutput };
  restarts: { input: RestartsTaskInput; output: RestartOutput[] };
}

/** A task name. */
export type TaskName = keyof Tasks;

/** Runs tasks on other threads. */
export interface Runner {
  /** Threads work is split over, this one included (1 = no splitting). */
  readonly parts: number;
  /** Whether the other threads have run tasks before (loaded and compiled the code). */
  readonly warm?: boolean;
  /**
   * Starts `task` on up to `parts - 1` other threads, one input each, and
   * returns a function that waits for their outputs (in input order); the
   * caller does its own part in between. Errors thrown by a task are thrown
   * by the wait function.
   */
  post<K extends TaskName>(task: K, inputs: Array<Tasks[K]['input']>): () => Array<Tasks[K]['output']>;
}

/** A fresh shared chunk counter for {@link Claimed} work (only with a runner: needs `SharedArrayBuffer`). */
export function newClaim(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Calls `work(c)` for each chunk `c` this thread takes, until all chunks are taken. */
export function takeChunks(claimed: Claimed, work: (chunk: number) => void): void {
  for (let c = Atomics.add(claimed.claim, 0, 1); c < claimed.chunks; c = Atomics.add(claimed.claim, 0, 1)) work(c);
}

/** How many parts to split `n` items into: at most `runner.parts`, each at least `minPerPart` items. */
export function partsFor(runner: Runner | undefined, n: number, minPerPart: number): number {
  if (!runner || runner.parts <= 1) return 1;
  return Math.max(1, Math.min(runner.parts, Math.floor(n / minPerPart)));
}
