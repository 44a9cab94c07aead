/**
 * From note text to the terms that describe it: normalise, tokenise, drop
 * stopwords, stem. Keeps the surface word of every stem so keywords can be
 * shown as words people wrote.
 */
import type { LanguagePack } from './language/types';
import { normalizeText } from './normalize';

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
  const { language, stopwords, cache } = options;
  const stems: string[] = [];
  const surfaces: string[] = [];
  for (const token of language.tokenize(normalizeText(text))) {
    const norm = token.norm;
    // Stopwords first: half of all tokens, and the small set is faster to ask than the cache.
    if (norm.length < 2 || stopwords.has(norm)) continue;
    let stem = cache?.get(norm);
    if (stem === undefined) {
      stem = termOf(norm, options);
      cache?.set(norm, stem);
    }
    if (stem === '') continue;
    stems.push(stem);
    surfaces.push(token.surface);
  }
  return { stems, surfaces };
}

/** The stem of a norm that is no stopword, or `''` when it is no term. */
function termOf(norm: string, { language, stopwords, stemmer }: TermOptions): string {
  const stem = language.stem(norm, stemmer);
  return stem.length < 2 || stopwords.has(stem) ? '' : stem;
}
