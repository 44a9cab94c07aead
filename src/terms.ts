/**
 * From note text to the terms that describe it: normalise, tokenise, drop
 * stopwords, stem. Keeps the surface word of every stem so keywords can be
 * shown as words people wrote.
 */
import { newTokenRanges, plainWordNorm, scanGerman, tokenizeGerman } from './language/german/tokenize';
import type { LanguagePack } from './language/types';
import { normalizeText } from './normalize';
import { findRange, hashRange, insertAt, newRangeTable, type RangeTable } from './range-table';
import type { TermIds } from './vectors/vocabulary';

/** The terms of one note. */
export interface NoteTerms {
  /** Stems in reading order (with repeats). */
  stems: string[];
  /** The surface word of each stem, same order and length as `stems`. */
  surfaces: string[];
}

/** How to turn words into terms. */
export interface TermOptions {
  /** The language pack. */
  language: LanguagePack;
  /** Lowercased norms to drop. */
  stopwords: ReadonlySet<string>;
  /** The stemmer name passed to the pack. */
  stemmer?: string;
  /**
   * What each norm that is no stopword became, shared across the notes of a
   * run so each distinct word is stemmed once: its stem, or `''` when the
   * stem is no term (shorter than two characters, or on the stopword list).
   * Must belong to this language, stemmer and stopword set;
   * {@link extractTerms} fills it.
   */
  cache?: Map<string, string>;
}

/**
 * Extracts the content terms of one note.
 *
 * @param text - The raw note text.
 * @param options - Language, stopwords and stemmer.
 * @returns Stems and their surface words, in reading order.
 *
 * @example
 * ```ts
 * import { german } from './language/german';
 * extractTerms('Digitalisierung der Schulen', { language: german, stopwords: german.stopwords });
 * // { stems: ['digitalisier', 'schul'], surfaces: ['Digitalisierung', 'Schulen'] }
 * ```
 */
export function extractTerms(text: string, options: TermOptions): NoteTerms {
  // The German tokenizer has a path without a Token object per token (see germanTerms).
  if (options.language.tokenize === tokenizeGerman) return germanTerms(normalizeText(text), options);
  const stems: string[] = [];
  const surfaces: string[] = [];
  for (const token of options.language.tokenize(normalizeText(text))) {
    const stem = outcomeOf(token.norm, options);
    if (stem === '') continue;
    stems.push(stem);
    surfaces.push(token.surface);
  }
  return { stems, surfaces };
}

/**
 * What a norm becomes: its stem, or `''` when it is no term (shorter than two
 * characters, a stopword, or a stem that is too short or a stopword).
 */
function outcomeOf(norm: string, options: TermOptions): string {
  // Stopwords first: half of all tokens, and the small set is faster to ask than the cache.
  if (norm.length < 2 || options.stopwords.has(norm)) return '';
  const cache = options.cache;
  let stem = cache?.get(norm);
  if (stem === undefined) {
    stem = termOf(norm, options);
    cache?.set(norm, stem);
  }
  return stem;
}

/**
 * Per run (per stem cache), each plain word's surface as first seen → what
 * it became ({@link outcomeOf} of its norm). A plain word's norm depends on
 * its surface alone (`plainWordNorm`), so this is the same outcome, found by
 * the word's range in the note without making a string for it; a repeated
 * word then also shares its surface string with the first one.
 */
const SURFACE_TABLES = new WeakMap<Map<string, string>, RangeTable>();

/** The tokens of the note being read, and its terms before they are copied out (reused; nothing in between reads another note). */
const RANGES = newTokenRanges();
const STEMS: string[] = [];
const SURFACES: string[] = [];

/** {@link extractTerms} with the German tokenizer, on normalised text. */
function germanTerms(text: string, options: TermOptions): NoteTerms {
  const cache = options.cache;
  let table: RangeTable | undefined;
  if (cache) {
    table = SURFACE_TABLES.get(cache);
    if (table === undefined) {
      table = newRangeTable();
      SURFACE_TABLES.set(cache, table);
    }
  }
  return termsOfRanges(text, options, table, undefined);
}

/**
 * The stems of notes as ids while they are read: ids in order of first
 * occurrence, as `termIds` numbers them (see {@link extractAllTerms}).
 */
interface IdSink {
  index: Map<string, number>;
  names: string[];
  tokens: Int32Array;
  used: number;
  /** Per kept token (beside `tokens`): the number of its plain word's surface, or -1 for a token with a norm of its own. */
  surfaceIds: Int32Array;
  /** How many plain-word surfaces have been numbered (in order of first occurrence). */
  surfaceCount: number;
}

/** The id of a stem in `sink`, a new one if the stem is new. */
function idOfStem(sink: IdSink, stem: string): number {
  let id = sink.index.get(stem);
  if (id === undefined) {
    id = sink.names.length;
    sink.index.set(stem, id);
    sink.names.push(stem);
  }
  return id;
}

/**
 * The terms of one normalised note by the German scan; plain words through
 * `table` (surface → outcome, and the outcome's stem id when `sink` is given),
 * each kept stem's id appended to `sink`.
 */
function termsOfRanges(text: string, options: TermOptions, table: RangeTable | undefined, sink: IdSink | undefined): NoteTerms {
  const ranges = RANGES;
  scanGerman(text, ranges);
  let kept = 0;
  if (sink !== undefined && sink.tokens.length - sink.used < ranges.count) {
    const size = Math.max(2 * sink.tokens.length, sink.used + ranges.count);
    const grown = new Int32Array(size);
    grown.set(sink.tokens.subarray(0, sink.used));
    sink.tokens = grown;
    const grownSurfaces = new Int32Array(size);
    grownSurfaces.set(sink.surfaceIds.subarray(0, sink.used));
    sink.surfaceIds = grownSurfaces;
  }
  for (let i = 0; i < ranges.count; i++) {
    const start = ranges.start[i]!;
    const end = ranges.end[i]!;
    const norm = ranges.norm[i];
    let stem: string;
    let surface: string;
    let id = -1;
    let surfaceId = -1;
    if (norm !== undefined) {
      // A token with a norm of its own (compound, gender form, abbreviation): few.
      stem = outcomeOf(norm, options);
      if (stem === '') continue;
      surface = text.slice(start, end);
      if (sink !== undefined) id = idOfStem(sink, stem);
    } else if (table !== undefined) {
      const hash = hashRange(text, start, end);
      const slot = findRange(table, text, start, end, hash);
      if (slot >= 0) {
        surface = table.entries[2 * slot]!;
        stem = table.entries[2 * slot + 1]!;
        // With a sink, the table's numbers are the stem id and the surface's number.
        id = table.hashes[4 * slot + 1]!;
        surfaceId = table.hashes[4 * slot + 2]!;
      } else {
        surface = text.slice(start, end);
        const plain = plainWordNorm(surface);
        stem = plain === null ? '' : outcomeOf(plain, options);
        if (sink !== undefined) {
          // The first time this surface is read is the first time its stem can be: ids stay in first-occurrence order.
          if (stem !== '') id = idOfStem(sink, stem);
          surfaceId = sink.surfaceCount++;
        }
        insertAt(table, slot, hash, surface, stem, id, surfaceId);
      }
      if (stem === '') continue;
    } else {
      surface = text.slice(start, end);
      const plain = plainWordNorm(surface);
      if (plain === null) continue;
      stem = outcomeOf(plain, options);
      if (stem === '') continue;
    }
    STEMS[kept] = stem;
    SURFACES[kept] = surface;
    kept++;
    if (sink !== undefined) {
      sink.surfaceIds[sink.used] = surfaceId;
      sink.tokens[sink.used++] = id;
    }
  }
  // Copies of exactly the right length: the notes' arrays live through the whole run.
  return { stems: STEMS.slice(0, kept), surfaces: SURFACES.slice(0, kept) };
}

/**
 * {@link extractTerms} of every note, and, with the German tokenizer, the
 * stems as ids: what `termIds(terms.map((t) => t.stems))` gives (ids in
 * order of first occurrence), found once per distinct surface word instead
 * of by one `Map` lookup per token.
 *
 * @param texts - The raw note texts.
 * @param options - Language, stopwords, stemmer and the run's stem cache.
 * @returns The terms of each note, and `ids` and `surfaceIds` (undefined for another tokenizer).
 *
 * @example
 * ```ts
 * const { terms, ids } = extractAllTerms(['Schulen digital', 'Schule'], { language: german, stopwords: german.stopwords });
 * // ids.names: ['schul', 'digital'], ids.tokens: [0, 1, 0], ids.offsets: [0, 2, 3]
 * ```
 */
export function extractAllTerms(
  texts: readonly string[],
  options: TermOptions,
): { terms: NoteTerms[]; ids?: TermIds; surfaceIds?: SurfaceIds } {
  if (options.language.tokenize !== tokenizeGerman) return { terms: texts.map((text) => extractTerms(text, options)) };
  // A table of its own: its numbers are this call's surface numbers.
  const table = newRangeTable();
  const sink: IdSink = {
    index: new Map(),
    names: [],
    tokens: new Int32Array(1024),
    used: 0,
    surfaceIds: new Int32Array(1024),
    surfaceCount: 0,
  };
  const offsets = new Int32Array(texts.length + 1);
  const terms = new Array<NoteTerms>(texts.length);
  for (let i = 0; i < texts.length; i++) {
    terms[i] = termsOfRanges(normalizeText(texts[i]!), options, table, sink);
    offsets[i + 1] = sink.used;
  }
  return {
    terms,
    ids: { names: sink.names, tokens: sink.tokens.subarray(0, sink.used), offsets },
    surfaceIds: { ids: sink.surfaceIds.subarray(0, sink.used), count: sink.surfaceCount },
  };
}

/**
 * The surface words of the kept tokens by number (from {@link extractAllTerms}), token by
 * token as `ids.tokens`: a plain word's number (the same for each occurrence of the same
 * surface), or -1 for a token with a norm of its own (compound, gender form, abbreviation).
 */
export interface SurfaceIds {
  ids: Int32Array;
  /** How many numbers there are (distinct plain-word surfaces). */
  count: number;
}

/** The stem of a norm that is no stopword, or `''` when it is no term. */
function termOf(norm: string, { language, stopwords, stemmer }: TermOptions): string {
  const stem = language.stem(norm, stemmer);
  return stem.length < 2 || stopwords.has(stem) ? '' : stem;
}
