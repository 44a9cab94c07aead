/**
 * The English language pack, published as `themenfinder/english` so the
 * German core never loads wink-nlp or its model.
 *
 * @module
 */

import type { LanguagePack } from '../types';
import { ENGLISH_STOPWORDS } from './stopwords';
import { tokenizeEnglish } from './tokenize';

export { ENGLISH_STOPWORDS } from './stopwords';
export { tokenizeEnglish } from './tokenize';

/**
 * English: wink-nlp tokens with lemmas as norms, the `stopword` English list
 * plus wink's stop words and a short domain list. `stem` is the identity:
 * lemmas already group the inflections ("schools" and "school" → `school`).
 *
 * @example
 * ```ts
 * import { analyze } from 'themenfinder';
 * import { english } from 'themenfinder/english';
 * const report = analyze(['Better broadband for schools', 'More teacher training'], { language: english });
 * english.tokenize('Teachers need training').map((t) => t.norm); // ['teacher', 'need', 'training']
 * ```
 */
export const english: LanguagePack = {
  code: 'en',
  tokenize: tokenizeEnglish,
  stopwords: ENGLISH_STOPWORDS,
  stem: (norm: string) => norm,
};
