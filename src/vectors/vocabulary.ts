/**
 * The vocabulary: which stems become features, chosen by document
 * frequency, in a stable (code-point) order.
 */

/** Stems kept as features and their document frequencies. */
export interface Vocabulary {
  /** Feature stems in code-point order; the column of a stem is its index. */
  terms: string[];
  /** Column of each stem. */
  index: Map<string, number>;
  /** Number of notes each feature occurs in (weighted by note count). */
  df: Float64Array;
  /** Total weight of the notes the vocabulary was built from. */
  documents: number;
}

/** Document-frequency bounds. */
export interface VocabularyOptions {
  /** A stem must occur in at least this many notes. */
  minDf: number;
  /** A stem may occur in at most this many notes (absolute). */
  maxDf: number;
}

/**
 * Builds the vocabulary from the stems of each note.
 *
 * @param docs - The stems of each note.
 * @param options - Document-frequency bounds (absolute counts).
 * @param weights - Optional weight of each note (a deduplicated note stands for several).
 * @returns The vocabulary.
 *
 * @example
 * ```ts
 * buildVocabulary([['schul', 'digital'], ['schul']], { minDf: 2, maxDf: 2 }).terms; // ['schul']
 * ```
 */
export function buildVocabulary(
  docs: ReadonlyArray<ReadonlyArray<string>>,
  options: VocabularyOptions,
  weights?: ArrayLike<number>,
): Vocabulary {
  const counts = new Map<string, number>();
  let documents = 0;
  docs.forEach((stems, i) => {
    const w = weights ? weights[i]! : 1;
    documents += w;
    for (const stem of new Set(stems)) counts.set(stem, (counts.get(stem) ?? 0) + w);
  });
  const terms = [...counts.entries()]
    .filter(([, df]) => df >= options.minDf && df <= options.maxDf)
    .map(([stem]) => stem)
    .sort(compareCodePoints);
  const index = new Map(terms.map((t, i) => [t, i]));
  const df = Float64Array.from(terms, (t) => counts.get(t)!);
  return { terms, index, df, documents };
}

/** Orders strings by code points, independent of the host's locale. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
