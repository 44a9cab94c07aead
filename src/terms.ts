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
   * Stems already computed (norm → stem), shared across the notes of a run:
   * each distinct word is stemmed once. Must belong to this language and
   * stemmer; {@link extractTerms} fills it.
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
  const { language, stopwords, stemmer, cache } = options;
  const stems: string[] = [];
  const surfaces: string[] = [];
  for (const token of language.tokenize(normalizeText(text))) {
    const norm = token.norm;
    if (norm.length < 2 || stopwords.has(norm)) continue;
    let stem = cache?.get(norm);
    if (stem === undefined) {
      stem = language.stem(norm, stemmer);
      cache?.set(norm, stem);
    }
    if (stem.length < 2 || stopwords.has(stem)) continue;
    stems.push(stem);
    surfaces.push(token.surface);
  }
  return { stems, surfaces };
}
