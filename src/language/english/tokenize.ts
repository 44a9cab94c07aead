/**
 * The English tokenizer: wink-nlp with wink-eng-lite-web-model, giving word
 * tokens and their lemmas.
 *
 * The wink instance (about 0.2 s to build) is created on the first call and
 * cached for the module's lifetime, so importing this module only loads the
 * code and the model files.
 *
 * @module
 */

import winkNLP, { type ItemToken, type ItsFunction, type ItsHelpers, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Token } from '../types';

/** A letter anywhere. */
const HAS_LETTER = /\p{L}/u;

let cached: { nlp: WinkMethods; its: ItsHelpers } | null = null;

/** The wink instance, built on first use (sentence boundaries and POS tags, which lemmas need). */
function wink(): { nlp: WinkMethods; its: ItsHelpers } {
  if (cached === null) {
    const nlp = winkNLP(model, ['sbd', 'pos']);
    cached = { nlp, its: nlp.its };
  }
  return cached;
}

/**
 * Whether the wink instance has been built (it is built by the first
 * {@link tokenizeEnglish} call, not by importing this module).
 *
 * @example
 * ```ts
 * englishModelLoaded(); // false right after import
 * ```
 */
export function englishModelLoaded(): boolean {
  return cached !== null;
}

/**
 * Cuts English text into word tokens; `norm` is wink's lemma, lowercased
 * ("Children" → `child`, "were" → `be`). Punctuation, numbers, URLs, e-mail
 * addresses, emoji and symbols (wink's token types other than `word`) are
 * dropped, and so are words without a letter.
 *
 * The text is lowercased before wink reads it: sticky notes are often in
 * title case, which wink tags as proper nouns and then does not lemmatise
 * ("Schools" would stay `schools`). The surfaces are taken from the original
 * text.
 *
 * @param text - Normalised text (NFC, single spaces).
 * @returns The word tokens in reading order.
 *
 * @example
 * ```ts
 * tokenizeEnglish('The Children were running.').map((t) => t.norm);
 * // ['the', 'child', 'be', 'run']
 * ```
 */
export function tokenizeEnglish(text: string): Token[] {
  if (text.trim() === '') return [];
  const { nlp, its } = wink();
  const lower = lowercaseSameLength(text);
  const tokens: Token[] = [];
  let pos = 0;
  nlp
    .readDoc(lower)
    .tokens()
    .each((t: ItemToken) => {
      const value = t.out();
      pos += String(t.out(its.precedingSpaces)).length;
      const aligned = lower.startsWith(value, pos);
      const surface = aligned ? text.slice(pos, pos + value.length) : value;
      if (aligned) pos += value.length;
      if (t.out(its.type) !== 'word') return;
      // wink's typings declare `its.lemma` with an extra `addons` parameter that `out` supplies.
      const norm = String(t.out(its.lemma as unknown as ItsFunction<string>))
        .toLowerCase()
        .normalize('NFC');
      if (!HAS_LETTER.test(norm)) return;
      tokens.push({ surface, norm });
    });
  return tokens;
}

/** Lowercases without changing the length, so offsets in the result match the original text. */
function lowercaseSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    // "İ" lowercases to "i" + a combining dot: keep one unit so offsets stay aligned.
    out += l.length === ch.length ? l : ch.length === 1 ? (l[0] ?? ch) : ch;
  }
  return out;
}
