/**
 * `analyzeParallel`: {@link analyze} with steps that split by note
 * (projection onto the LSA basis, k-means restarts; terms with warm workers)
 * spread over worker threads. The same report, byte for byte.
 */
import { availableParallelism } from 'node:os';
import { analyze, analyzeWith } from '../analyze';
import { describeValue, ThemenfinderError } from '../errors';
import type { AnalyzeOptions, NoteInput, ThemeReport } from '../types';
import { WorkerPool } from './pool';

/**
 * Below this many notes `analyzeParallel` runs on this thread only: starting
 * a worker (≈ 0.4 s until it has loaded the library) and the messages cost
 * more than the parts save (measured in docs/scaling.md, "Worker threads").
 */
export const PARALLEL_MIN_NOTES = 20_000;

/** Options of {@link analyzeParallel}: those of {@link analyze}, plus how many threads. */
export interface ParallelOptions extends AnalyzeOptions {
  /** Threads in all, this one included (default: `os.availableParallelism()`); 1 = no workers. */
  workers?: number;
  /** Use workers only from this many notes on (default {@link PARALLEL_MIN_NOTES}). */
  parallelFrom?: number;
  /**
   * Worker threads started beforehand (`new WorkerPool(threads)`), e.g. before
   * reading the input so their start-up overlaps it, or kept for several runs;
   * `workers` is then ignored and the caller closes the pool.
   */
  pool?: WorkerPool;
}

/**
 * Finds the themes like {@link analyze}, using worker threads for large inputs.
 * The report is identical to `analyze(notes, options)`'s.
 *
 * @param notes - Strings, or objects `{ id?, text, ...metadata }`.
 * @param options - {@link AnalyzeOptions}, plus `workers` and `parallelFrom`.
 * @returns The {@link ThemeReport}.
 * @throws ThemenfinderError as {@link analyze}; `BAD_OPTION` for a bad `workers` or `parallelFrom`.
 *
 * @example
 * ```ts
 * import { analyzeParallel } from 'themenfinder/node';
 * const report = await analyzeParallel(notes, { k: 20, seed: 1 });
 * ```
 */
export async function analyzeParallel(notes: readonly NoteInput[], options: ParallelOptions = {}): Promise<ThemeReport> {
  const { workers, parallelFrom, pool: given, ...rest } = options ?? {};
  const threads = given ? given.parts : positive('workers', workers ?? availableParallelism(), 1);
  const from = positive('parallelFrom', parallelFrom ?? PARALLEL_MIN_NOTES, 0);
  if (threads <= 1 || !Array.isArray(notes) || notes.length < from) return analyze(notes, rest);
  if (given) return analyzeWith(notes, rest, given);
  const pool = new WorkerPool(threads);
  try {
    return analyzeWith(notes, rest, pool);
  } finally {
    await pool.close();
  }
}

function positive(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ThemenfinderError('BAD_OPTION', `Option "${name}" must be an integer ≥ ${min}, got ${describeValue(value)}.`, {
      option: name,
      value,
    });
  }
  return value;
}
