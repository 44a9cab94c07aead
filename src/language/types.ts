/**
 * The contract between the pipeline and a language: how to cut text into
 * tokens, which tokens carry no theme, and how to reduce a word to its stem.
 */

/** One word of a note as the tokenizer found it. */
export interface Token {
  /** The word as written in the note, e.g. `"Akteur*innen"`, `"E-Learning"`. */
  surface: string;
  /**
   * The lowercased base form used for stopwords and stemming, with gender
   * forms mapped to the base word: `"akteur"`, `"e-learning"`.
   */
  norm: string;
}

/** Names of the German stemmers. */
export type GermanStemmer = 'cistem' | 'snowball';

/** A language: tokenizer, stopword list and stemmer. */
export interface LanguagePack {
  /** ISO 639-1 code, e.g. `'de'`. */
  readonly code: string;
  /** Cuts one normalised note into word tokens (URLs, e-mails and numbers dropped). */
  tokenize(text: string): Token[];
  /** Lowercased norms that carry no theme. */
  readonly stopwords: ReadonlySet<string>;
  /** Reduces a norm to its stem; `stemmer` names a variant where the language has several. */
  stem(norm: string, stemmer?: string): string;
}
