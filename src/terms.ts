/**
 * From note text to the terms that describe it: normalise, tokenise, drop
 * stopwords, stem. Keeps the surface word of every stem so keywords can be
 * shown as words people wrote.
 */
import { newTokenRanges, plainWordNorm, scanGerman, tokenizeGerman } from './language/german/tokenize';
import type { LanguagePack } from './language/types';
import { normalizeText } from './normalize';
import { findRange, hashRange, insertAt, newRangeTable, type RangeTable } from './range-table';

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
  const ranges = RANGES;
  scanGerman(text, ranges);
  let kept = 0;
  for (let i = 0; i < ranges.count; i++) {
    const start = ranges.start[i]!;
    const end = ranges.end[i]!;
    const norm = ranges.norm[i];
    let stem: string;
    let surface: string;
    if (norm !== undefined) {
      // A token with a norm of its own (compound, gender form, abbreviation): few.
      stem = outcomeOf(norm, options);
      if (stem === '') continue;
      surface = text.slice(start, end);
    } else if (table !== undefined) {
      const hash = hashRange(text, start, end);
      const slot = findRange(table, text, start, end, hash);
      if (slot >= 0) {
        surface = table.entries[2 * slot]!;
        stem = table.entries[2 * slot + 1]!;
      } else {
        surface = text.slice(start, end);
        const plain = plainWordNorm(surface);
        stem = plain === null ? '' : outcomeOf(plain, options);
        insertAt(table, slot, hash, surface, stem);
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
  }
  // Copies of exactly the right length: the notes' arrays live through the whole run.
  return { stems: STEMS.slice(0, kept), surfaces: SURFACES.slice(0, kept) };
}

/** The stem of a norm that is no stopword, or `''` when it is no term. */
function termOf(norm: string, { language, stopwords, stemmer }: TermOptions): string {
  const stem = language.stem(norm, stemmer);
  return stem.length < 2 || stopwords.has(stem) ? '' : stem;
}
