/**
 * The vocabulary: which stems become features, chosen by document
 * frequency, in a stable (code-point) order.
 */

import { sortedOrder } from '../sort-strings';
import { allocate, inPieces, type Kernels, threadKernels } from '../wasm/kernels';

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
  interned?: TermIds,
): Vocabulary {
  // `interned`: termIds(docs), when the caller has it already.
  const ids = interned ?? termIds(docs);
  const { vocabulary, columnOfId } = vocabularyOfIds(ids, options, weights);
  // The id of every token, kept for tfidf() on the same docs (one Map lookup per token, not two).
  tokenIds.set(vocabulary, { docs, ...ids, columnOfId });
  return vocabulary;
}

/** The terms of each note as integer ids: note `i` has `tokens[offsets[i]] … tokens[offsets[i + 1] - 1]`. */
export interface TermIds {
  /** The term of each id (every distinct term, kept as a feature or not). */
  names: readonly string[];
  /** Id of each token, note after note. */
  tokens: Int32Array;
  /** Note `i`'s tokens start at `offsets[i]`; `offsets[rows]` is the number of tokens. */
  offsets: Int32Array;
  /** The same tokens grouped by word, when they were made per word (character n-grams: {@link WordGrams}). */
  words?: WordGrams;
}

/**
 * Tokens made per word (the character n-grams of `ngramIds`), by word type:
 * note `i`'s words are the types `slots[offsets[i]] … slots[offsets[i + 1] - 1]`,
 * type `s` has the ids `pool[starts[s]] … pool[ends[s] - 1]`, and a note's
 * tokens are its words' ids one after another.
 */
export interface WordGrams {
  pool: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  slots: Int32Array;
  offsets: Int32Array;
}

/**
 * Interns the terms of each note: one id per distinct term, in order of first occurrence.
 *
 * @example
 * ```ts
 * termIds([['a', 'b'], ['b']]).tokens; // Int32Array [0, 1, 1]
 * ```
 */
export function termIds(docs: ReadonlyArray<ReadonlyArray<string>>): TermIds {
  const ids = new Map<string, number>();
  const names: string[] = [];
  let tokens = new Int32Array(1024);
  const offsets = new Int32Array(docs.length + 1);
  let used = 0;
  for (let i = 0; i < docs.length; i++) {
    const terms = docs[i]!;
    if (used + terms.length > tokens.length) tokens = grow(tokens, Math.max(tokens.length * 2, used + terms.length));
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      let id = ids.get(term);
      if (id === undefined) {
        id = names.length;
        ids.set(term, id);
        names.push(term);
      }
      tokens[used++] = id;
    }
    offsets[i + 1] = used;
  }
  return { names, tokens: tokens.subarray(0, used), offsets };
}

/** Notes grouped by identical term bags (see {@link groupBags}). */
export interface BagGroups {
  /** The first note of each distinct bag, ascending. */
  unique: number[];
  /** The group (index into `unique`) of each note. */
  owner: Int32Array;
}

/**
 * Groups notes whose terms are the same: as a multiset (`repeats: true`,
 * the same terms as often) or as a set. The same groups as comparing the
 * sorted term strings joined into keys, from the ids: each note's ids sorted
 * numerically, hashed, and compared in full only with notes of the same hash.
 *
 * @param ids - The notes' terms as ids.
 * @param repeats - Whether repeats count.
 * @returns The first note of each group and the group of each note.
 *
 * @example
 * ```ts
 * groupBags(termIds([['a', 'b'], ['b', 'a'], ['a', 'a', 'b']]), true).owner; // Int32Array [0, 0, 1]
 * groupBags(termIds([['a', 'b'], ['b', 'a'], ['a', 'a', 'b']]), false).owner; // Int32Array [0, 0, 0]
 * ```
 */
export function groupBags(ids: TermIds, repeats: boolean): BagGroups {
  const { tokens, offsets } = ids;
  const rows = offsets.length - 1;
  const kernels = threadKernels();
  if (kernels && rows > 0) return groupBagsInWasm(kernels, ids, repeats);
  const owner = new Int32Array(rows);
  const unique: number[] = [];
  // The sorted ids of each group's first note, one after another.
  let pool = new Int32Array(Math.max(16, tokens.length));
  const poolStart: number[] = [0];
  // Hash → most recent group with it (open addressing: a slot holds a hash and its group + 1, 0 when empty); earlier
  // groups of the same hash by `sameHash`.
  const mask = slotMask(rows);
  const slotHash = new Int32Array(mask + 1);
  const slotGroup = new Int32Array(mask + 1);
  let sameHash = new Int32Array(64);
  const lastRow = new Int32Array(ids.names.length).fill(-1);
  let bag = new Int32Array(64);
  for (let i = 0; i < rows; i++) {
    const from = offsets[i]!;
    const end = offsets[i + 1]!;
    if (end - from > bag.length) bag = new Int32Array(Math.max(end - from, 2 * bag.length));
    let size = 0;
    for (let t = from; t < end; t++) {
      const id = tokens[t]!;
      if (!repeats) {
        if (lastRow[id] === i) continue;
        lastRow[id] = i;
      }
      bag[size++] = id;
    }
    sortSmall(bag, size);
    let h = 0x811c9dc5 ^ size;
    for (let a = 0; a < size; a++) h = Math.imul(h ^ bag[a]!, 0x01000193);
    let slot = Math.imul(h ^ (h >>> 16), 0x85ebca6b) & mask;
    while (slotGroup[slot] !== 0 && slotHash[slot] !== h) slot = (slot + 1) & mask;
    const latest = slotGroup[slot]! - 1;
    let g = latest;
    while (g >= 0 && !samePrefix(pool, poolStart[g]!, poolStart[g + 1]!, bag, size)) g = sameHash[g]!;
    if (g < 0) {
      g = unique.length;
      unique.push(i);
      if (g >= sameHash.length) sameHash = grow(sameHash, 2 * sameHash.length);
      sameHash[g] = latest;
      slotHash[slot] = h;
      slotGroup[slot] = g + 1;
      const at = poolStart[g]!;
      if (at + size > pool.length) pool = grow(pool, Math.max(2 * pool.length, at + size));
      // A loop, not set(subarray): no typed array object per group.
      for (let a = 0; a < size; a++) pool[at + a] = bag[a]!;
      poolStart.push(at + size);
    }
    owner[i] = g;
  }
  return { unique, owner };
}

/** The slot mask of groupBags' hash table for `rows` notes: a power of two of slots, at most half of them used. */
function slotMask(rows: number): number {
  return (1 << Math.ceil(Math.log2(2 * rows + 2))) - 1;
}

/**
 * {@link groupBags} by wasm/counts.wat (the same hash, table and comparisons, so the same
 * groups), its arrays copied into the kernels' memory.
 */
function groupBagsInWasm(kernels: Kernels, ids: TermIds, repeats: boolean): BagGroups {
  const { tokens, offsets } = ids;
  const rows = offsets.length - 1;
  const mask = slotMask(rows);
  let longest = 0;
  for (let i = 0; i < rows; i++) longest = Math.max(longest, offsets[i + 1]! - offsets[i]!);
  const {
    at: [OFFSETS, TOKENS, LAST, BAG, SLOTHASH, SLOTGROUP, SAMEHASH, POOL, POOLSTART, OWNER, UNIQUE],
    free,
  } = allocate(kernels, [
    4 * (rows + 1),
    4 * tokens.length,
    repeats ? 0 : 4 * ids.names.length,
    4 * longest,
    4 * (mask + 1),
    4 * (mask + 1),
    4 * rows,
    4 * tokens.length,
    4 * (rows + 1),
    4 * rows,
    4 * rows,
  ]);
  const buffer = kernels.memory.buffer;
  new Int32Array(buffer, OFFSETS, rows + 1).set(offsets);
  new Int32Array(buffer, TOKENS, tokens.length).set(tokens);
  if (!repeats) new Int32Array(buffer, LAST, ids.names.length).fill(-1);
  new Int32Array(buffer, SLOTGROUP, mask + 1).fill(0);
  new Int32Array(buffer, POOLSTART, 1)[0] = 0;
  let groups = 0;
  inPieces(rows, (first, end) => {
    groups = kernels.groupBags(first, end, repeats ? 1 : 0, OFFSETS, TOKENS, LAST, BAG, mask, SLOTHASH, SLOTGROUP, SAMEHASH, POOL, POOLSTART, OWNER, UNIQUE, groups);
  });
  const owner = new Int32Array(buffer, OWNER, rows).slice();
  const unique = Array.from(new Int32Array(buffer, UNIQUE, groups));
  free();
  return { unique, owner };
}

/**
 * Sorts the first `size` values ascending (insertion sort for short runs, else the typed array's sort):
 * no subarray object and no call into the built-in sort for the few ids of a note.
 */
export function sortSmall(a: Int32Array, size: number): void {
  if (size > 24) {
    a.subarray(0, size).sort();
    return;
  }
  for (let i = 1; i < size; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

/** Whether `pool[from, end)` equals the first `size` values of `bag`. */
function samePrefix(pool: Int32Array, from: number, end: number, bag: Int32Array, size: number): boolean {
  if (end - from !== size) return false;
  for (let a = 0; a < size; a++) if (pool[from + a] !== bag[a]) return false;
  return true;
}

/**
 * The token ids of some notes, in the given order (`ids` itself when that is all of them in order).
 *
 * @example
 * ```ts
 * rowsOfIds(termIds([['a'], ['b'], ['c']]), [2, 0]).tokens; // Int32Array [2, 0]
 * ```
 */
export function rowsOfIds(ids: TermIds, rows: readonly number[]): TermIds {
  if (rows.length === ids.offsets.length - 1 && rows.every((r, i) => r === i)) return ids;
  let size = 0;
  for (const r of rows) size += ids.offsets[r + 1]! - ids.offsets[r]!;
  const tokens = new Int32Array(size);
  const offsets = new Int32Array(rows.length + 1);
  let used = 0;
  const { words } = ids;
  if (words) {
    // From the words: the tokens of all notes need not exist.
    const { pool, starts, ends, slots } = words;
    rows.forEach((r, i) => {
      for (let x = words.offsets[r]!; x < words.offsets[r + 1]!; x++) {
        const s = slots[x]!;
        tokens.set(pool.subarray(starts[s]!, ends[s]!), used);
        used += ends[s]! - starts[s]!;
      }
      offsets[i + 1] = used;
    });
  } else {
    rows.forEach((r, i) => {
      tokens.set(ids.tokens.subarray(ids.offsets[r]!, ids.offsets[r + 1]!), used);
      used += ids.offsets[r + 1]! - ids.offsets[r]!;
      offsets[i + 1] = used;
    });
  }
  return { names: ids.names, tokens, offsets };
}

/** A vocabulary of interned terms and the column of every id. */
export interface IdVocabulary {
  vocabulary: Vocabulary;
  /** Column of each id of the {@link TermIds}, -1 for terms not kept. */
  columnOfId: Int32Array;
}

/**
 * The vocabulary of interned terms: the same as {@link buildVocabulary} of
 * the terms themselves, optionally capped to the `maxTerms` of highest
 * document frequency (ties: code-point order), kept in code-point order.
 *
 * @param ids - The notes' terms as ids.
 * @param options - Document-frequency bounds (absolute counts).
 * @param weights - Optional weight of each note.
 * @param maxTerms - Keep at most this many terms.
 * @returns The vocabulary and the column of each id.
 *
 * @example
 * ```ts
 * vocabularyOfIds(termIds([['schul', 'digital'], ['schul']]), { minDf: 2, maxDf: 2 }).vocabulary.terms; // ['schul']
 * ```
 */
export function vocabularyOfIds(
  ids: TermIds,
  options: VocabularyOptions,
  weights?: ArrayLike<number>,
  maxTerms?: number,
): IdVocabulary {
  const { names } = ids;
  const { counts, documents } = documentFrequencies(ids, weights);
  let keptIds: number[] = [];
  for (let id = 0; id < names.length; id++) {
    const df = counts[id]!;
    // df > 0: an id no note (of positive weight) uses is never a column, whatever minDf says.
    if (df > 0 && df >= options.minDf && df <= options.maxDf) keptIds.push(id);
  }
  if (maxTerms !== undefined && keptIds.length > maxTerms) {
    // Highest document frequency first, ties in code-point order.
    keptIds.sort((a, b) => counts[b]! - counts[a]! || compareCodePoints(names[a]!, names[b]!));
    keptIds = keptIds.slice(0, Math.max(0, maxTerms));
  }
  // Code-point order (UTF-16 code units, as compareCodePoints), stable: a name that two ids share
  // (not from termIds or ngramIds) keeps its columns in id order, and `index` names the last one.
  const columnOfId = new Int32Array(names.length).fill(-1);
  const order = sortedOrder(keptIds.map((id) => names[id]!));
  const terms = new Array<string>(order.length);
  const df = new Float64Array(order.length);
  for (let col = 0; col < order.length; col++) {
    const id = keptIds[order[col]!]!;
    terms[col] = names[id]!;
    columnOfId[id] = col;
    df[col] = counts[id]!;
  }
  return { vocabulary: withLazyIndex(terms, df, documents), columnOfId };
}

/** The stems of each note as ids (see {@link tokensOf}). */
export interface TokenIds extends TermIds {
  /** The docs the ids were read from (the same array object). */
  docs: ReadonlyArray<ReadonlyArray<string>>;
  /** Column of each id in the vocabulary, -1 for terms not kept. */
  columnOfId: Int32Array;
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

/**
 * The weighted document frequency of every id (a note counts each of its ids once, with its
 * weight, default 1) and the notes' total weight: in WebAssembly where this engine has it
 * (wasm/counts.wat: the same additions in the same order; a fresh process runs this loop over
 * every token, or every character n-gram, once), else in JavaScript.
 */
function documentFrequencies(ids: TermIds, weights: ArrayLike<number> | undefined): { counts: Float64Array; documents: number } {
  const { names, offsets, words } = ids;
  const rows = offsets.length - 1;
  let documents = 0;
  for (let i = 0; i < rows; i++) documents += weights ? weights[i]! : 1;
  const kernels = names.length > 0 && rows > 0 ? threadKernels() : null;
  if (kernels) return { counts: frequenciesInWasm(kernels, ids, weights), documents };
  // `lastDoc` counts a term once per note without a Set per note.
  const counts = new Float64Array(names.length);
  const lastDoc = new Int32Array(names.length).fill(-1);
  if (words) {
    // The same tokens, read by word (each word type's ids from the pool).
    const { pool, starts, ends, slots } = words;
    for (let i = 0; i < rows; i++) {
      const w = weights ? weights[i]! : 1;
      for (let x = words.offsets[i]!; x < words.offsets[i + 1]!; x++) {
        const s = slots[x]!;
        for (let t = starts[s]!; t < ends[s]!; t++) {
          const id = pool[t]!;
          if (lastDoc[id] === i) continue;
          lastDoc[id] = i;
          counts[id]! += w;
        }
      }
    }
  } else {
    const { tokens } = ids;
    for (let i = 0; i < rows; i++) {
      const w = weights ? weights[i]! : 1;
      for (let t = offsets[i]!; t < offsets[i + 1]!; t++) {
        const id = tokens[t]!;
        if (lastDoc[id] === i) continue;
        lastDoc[id] = i;
        counts[id]! += w;
      }
    }
  }
  return { counts, documents };
}

/** The counts of {@link documentFrequencies} by wasm/counts.wat, its arrays copied into the kernels' memory. */
function frequenciesInWasm(kernels: Kernels, ids: TermIds, weights: ArrayLike<number> | undefined): Float64Array {
  const { names, offsets, words } = ids;
  const rows = offsets.length - 1;
  const terms = names.length;
  const arrays: Int32Array[] = words ? [words.offsets, words.slots, words.starts, words.ends, words.pool] : [offsets, ids.tokens];
  const {
    at: [LAST, COUNTS, WEIGHTS, ...AT],
    free,
  } = allocate(kernels, [4 * terms, 8 * terms, weights ? 8 * rows : 0, ...arrays.map((a) => 4 * a.length)]);
  const buffer = kernels.memory.buffer;
  new Int32Array(buffer, LAST, terms).fill(-1);
  new Float64Array(buffer, COUNTS, terms).fill(0);
  if (weights) {
    const w = new Float64Array(buffer, WEIGHTS, rows);
    for (let i = 0; i < rows; i++) w[i] = weights[i]!;
  }
  for (let j = 0; j < arrays.length; j++) new Int32Array(buffer, AT[j]!, arrays[j]!.length).set(arrays[j]!);
  const weightsAt = weights ? WEIGHTS : 0;
  inPieces(rows, (first, end) => {
    if (words) kernels.documentFrequenciesByWords(first, end, AT[0]!, AT[1]!, AT[2]!, AT[3]!, AT[4]!, weightsAt, LAST, COUNTS);
    else kernels.documentFrequencies(first, end, AT[0]!, AT[1]!, weightsAt, LAST, COUNTS);
  });
  const counts = new Float64Array(buffer, COUNTS, terms).slice();
  free();
  return counts;
}

/**
 * A {@link Vocabulary} whose `index` is made on first use: the pipeline reads
 * its notes' terms as ids and needs no name lookups (12,000 `Map` entries for
 * the 10kGNAD articles, made for nothing).
 */
function withLazyIndex(terms: string[], df: Float64Array, documents: number): Vocabulary {
  let index: Map<string, number> | undefined;
  return {
    terms,
    df,
    documents,
    get index() {
      // A name in two columns (two ids of one name) finds the later one.
      index ??= new Map(terms.map((term, col) => [term, col]));
      return index;
    },
  };
}

/** Orders strings by code points, independent of the host's locale. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
