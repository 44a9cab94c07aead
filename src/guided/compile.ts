/**
 * Turns guided themes into matchable terms: every term is tokenised,
 * stopword-filtered and stemmed exactly like the notes.
 */
import { ThemenfinderError } from '../errors';
import type { LanguagePack } from '../language/types';
import { normalizeText } from '../normalize';
import type { GuidedTheme } from '../types';

/** One word of a term: its stem and its lowercased norm. */
export interface TermWord {
  /** The stem, e.g. `"netzwerk"`. */
  stem: string;
  /** The norm before stemming, e.g. `"netzwerke"`. */
  norm: string;
}

/** A guided theme ready for matching. */
export interface CompiledTheme {
  /** The theme as given. */
  theme: GuidedTheme;
  /** Each term as its content words (a phrase has several; all must occur). */
  terms: TermWord[][];
}

/** How notes are turned into words (the same as for the notes). */
export interface CompileOptions {
  /** The language pack of the run. */
  language: LanguagePack;
  /** Lowercased norms to drop. */
  stopwords: ReadonlySet<string>;
  /** The stemmer name. */
  stemmer?: string;
}

/**
 * The content words of a text as stems and norms, with the same rules as
 * the notes' terms (norms and stems shorter than 2 letters and stopwords dropped).
 *
 * @example
 * ```ts
 * contentWords('Netzwerke der Akteure', { language: german, stopwords: german.stopwords });
 * // [{ stem: 'netzwerk', norm: 'netzwerke' }, { stem: 'akteur', norm: 'akteure' }]
 * ```
 */
export function contentWords(text: string, options: CompileOptions): TermWord[] {
  const out: TermWord[] = [];
  for (const token of options.language.tokenize(normalizeText(text))) {
    const norm = token.norm;
    if (norm.length < 2 || options.stopwords.has(norm)) continue;
    const stem = options.language.stem(norm, options.stemmer);
    if (stem.length < 2 || options.stopwords.has(stem)) continue;
    out.push({ stem, norm });
  }
  return out;
}

/**
 * Stems the terms of guided themes.
 *
 * @param themes - Validated guided themes (see `loadThemes`).
 * @param options - Language, stopwords, stemmer of the run.
 * @returns The themes with their terms as content words.
 * @throws ThemenfinderError `BAD_OPTION` when a term has no content word (only stopwords or one letter).
 *
 * @example
 * ```ts
 * compileThemes([{ label: 'Vernetzung', terms: ['Netzwerke'] }], { language: german, stopwords: german.stopwords })[0].terms;
 * // [[{ stem: 'netzwerk', norm: 'netzwerke' }]]
 * ```
 */
export function compileThemes(themes: readonly GuidedTheme[], options: CompileOptions): CompiledTheme[] {
  return themes.map((theme) => ({
    theme,
    terms: theme.terms.map((term) => {
      const words = contentWords(term, options);
      if (words.length === 0) {
        throw new ThemenfinderError(
          'BAD_OPTION',
          `Guided theme "${theme.label}": the term "${term}" has no content word after stopwords and stemming; use a more specific word or remove it (or take it off the stopword list with stopwords.remove).`,
          { option: 'themes', value: term },
        );
      }
      return words;
    }),
  }));
}
