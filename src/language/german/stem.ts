/**
 * The German stemming step of the pipeline: picks CISTEM or Snowball and
 * handles hyphenated compounds.
 *
 * @module
 */

import { describeValue, ThemenfinderError } from '../../errors';
import type { GermanStemmer } from '../types';
import { cistem } from './cistem';
import { snowballGerman } from './snowball';

/** The names {@link stemGerman} accepts. */
export const GERMAN_STEMMERS: readonly GermanStemmer[] = ['cistem', 'snowball'];

/**
 * Stems a lowercase German norm with CISTEM (default) or Snowball.
 *
 * Hyphenated compounds are stemmed on their last part only; the parts
 * before it are kept as written, because the last part carries the
 * inflection in German ("Schul-Projekte" → `schul-projek` with CISTEM). Trailing
 * hyphens of a suspended compound ("Netzwerk-" in "Netzwerk- und
 * Öffentlichkeitsarbeit") are dropped before stemming, so it joins its
 * family (`netzwerk`). A norm that is only hyphens is returned unchanged.
 *
 * @param norm - One lowercase token norm (see `Token.norm`).
 * @param stemmer - `'cistem'` (default) or `'snowball'`.
 * @returns The stem; the empty string stays empty.
 * @throws ThemenfinderError `BAD_OPTION` when `stemmer` is not one of the two names.
 *
 * @example
 * ```ts
 * stemGerman('arbeitsgruppen'); // 'arbeitsgrupp'
 * stemGerman('arbeitsgruppen', 'snowball'); // 'arbeitsgrupp'
 * stemGerman('schul-projekte'); // 'schul-projek'
 * stemGerman('schul-projekte', 'snowball'); // 'schul-projekt'
 * stemGerman('netzwerk-'); // 'netzwerk'
 * ```
 */
export function stemGerman(norm: string, stemmer: GermanStemmer = 'cistem'): string {
  if (stemmer !== 'cistem' && stemmer !== 'snowball') throw unknownStemmer(stemmer);
  let end = norm.length;
  while (end > 0 && norm.charCodeAt(end - 1) === HYPHEN) end--;
  if (end === 0) return norm;
  const word = end === norm.length ? norm : norm.slice(0, end);
  const cut = word.lastIndexOf('-');
  const last = cut < 0 ? word : word.slice(cut + 1);
  // CISTEM on a lowercase norm: no case information is left to use.
  const stem = stemmer === 'cistem' ? cistem(last) : snowballGerman(last);
  return cut < 0 ? stem : word.slice(0, cut + 1) + stem;
}

const HYPHEN = 0x2d;

function unknownStemmer(stemmer: unknown): ThemenfinderError {
  return new ThemenfinderError(
    'BAD_OPTION',
    `Unknown German stemmer ${describeValue(stemmer)}. Use 'cistem' (default) or 'snowball'.`,
    { option: 'stemmer', value: stemmer },
  );
}
