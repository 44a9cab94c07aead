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
  // The id of every token, kept for tfidf() on the same docs (one Map lookup per token, not two).
  let tokens = new Int32Array(1024);
  const offsets = new Int32Array(docs.length + 1);
  let used = 0;
  let documents = 0;
  for (let i = 0; i < docs.length; i++) {
    const stems = docs[i]!;
    const w = weights ? weights[i]! : 1;
    documents += w;
    if (used + stems.length > tokens.length) tokens = grow(tokens, Math.max(tokens.length * 2, used + stems.length));
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
      tokens[used++] = id;
      if (lastDoc[id] === i) continue;
      lastDoc[id] = i;
      counts[id]! += w;
    }
    offsets[i + 1] = used;
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
  const vocabulary: Vocabulary = { terms, index, df, documents };
  tokenIds.set(vocabulary, { docs, names, tokens, offsets });
  return vocabulary;
}

/** The stems of each note as ids (see {@link tokensOf}). */
export interface TokenIds {
  /** The docs the ids were read from (the same array object). */
  docs: ReadonlyArray<ReadonlyArray<string>>;
  /** The stem of each id (every distinct stem of the docs, kept or not). */
  names: readonly string[];
  /** Id of each token, note after note. */
  tokens: Int32Array;
  /** Tokens of note `i`: `tokens[offsets[i]] … tokens[offsets[i + 1] - 1]`. */
  offsets: Int32Array;
}

const tokenIds = new WeakMap<Vocabulary, TokenIds>();

/**
 * The token ids recorded while the vocabulary was built, when `docs` is the
 * same array it was built from (otherwise undefined). A vocabulary object
 * made some other way (e.g. copied or capped) has none.
 *
 * @example
 * ```ts
 * const vocabulary = buildVocabulary(docs, { minDf: 1, maxDf: docs.length });
 * tokensOf(vocabulary, docs)?.names; // every distinct stem of docs
 * ```
 */
export function tokensOf(vocabulary: Vocabulary, docs: ReadonlyArray<ReadonlyArray<string>>): TokenIds | undefined {
  const ids = tokenIds.get(vocabulary);
  return ids && ids.docs === docs ? ids : undefined;
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
