/**
 * The German language pack: the built-in default of themenfinder.
 *
 * @module
 */

import type { GermanStemmer, LanguagePack } from '../types';
import { stemGerman } from './stem';
import { GERMAN_STOPWORDS } from './stopwords';
import { tokenizeGerman } from './tokenize';

export { GERMAN_STEMMERS, stemGerman } from './stem';
export { buildStopwords, GERMAN_STOPWORDS } from './stopwords';
export { tokenizeGerman } from './tokenize';

/**
 * German: the regular-expression tokenizer (gender forms, abbreviations,
 * hyphen compounds), the `stopword` German list with our domain list, and
 * CISTEM (default) or Snowball stemming.
 *
 * @example
 * ```ts
 * german.tokenize('Akteur*innen vernetzen').map((t) => t.norm); // ['akteur', 'vernetzen']
 * german.stopwords.has('z.b.'); // true
 * german.stem('netzwerke', 'snowball'); // 'netzwerk'
 * ```
 */
export const german: LanguagePack = {
  code: 'de',
  tokenize: tokenizeGerman,
  stopwords: GERMAN_STOPWORDS,
  stem: (norm: string, stemmer?: string) => stemGerman(norm, stemmer as GermanStemmer | undefined),
};
