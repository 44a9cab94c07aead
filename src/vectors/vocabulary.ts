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
  // One id per distinct stem; `lastDoc` counts a stem once per note without a Set per note.
  const ids = new Map<string, number>();
  const names: string[] = [];
  let counts = new Float64Array(1024);
  let lastDoc = new Int32Array(1024);
  let documents = 0;
  for (let i = 0; i < docs.length; i++) {
    const stems = docs[i]!;
    const w = weights ? weights[i]! : 1;
    documents += w;
    for (let t = 0; t < stems.length; t++) {
      const stem = stems[t]!;
      let id = ids.get(stem);
      if (id === undefined) {
        id = names.length;
        ids.set(stem, id);
        names.push(stem);
        if (id >= counts.length) {
          counts = grow(counts, counts.length * 2);
          lastDoc = grow(lastDoc, lastDoc.length * 2);
        }
        lastDoc[id] = -1;
      }
      if (lastDoc[id] === i) continue;
      lastDoc[id] = i;
      counts[id]! += w;
    }
  }
  const keptIds: number[] = [];
  for (let id = 0; id < names.length; id++) {
    const df = counts[id]!;
    if (df >= options.minDf && df <= options.maxDf) keptIds.push(id);
  }
  keptIds.sort((a, b) => compareCodePoints(names[a]!, names[b]!));
  const terms = keptIds.map((id) => names[id]!);
  const index = new Map<string, number>();
  terms.forEach((t, i) => {
    index.set(t, i);
  });
  const df = Float64Array.from(keptIds, (id) => counts[id]!);
  return { terms, index, df, documents };
}

function grow<T extends Float64Array | Int32Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}

/** Orders strings by code points, independent of the host's locale. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
