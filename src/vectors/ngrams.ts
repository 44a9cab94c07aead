/**
 * Character n-grams inside content words: `netzwerk` → `^netz`, `netzw`,
 * … `werk$`. They tie compounds and their parts together (Netzwerkarbeit ~
 * Netzwerke) and absorb spelling slips that workshop notes are full of.
 */
import type { TermIds } from './vocabulary';

/**
 * The character n-grams of one term, with `^` and `$` marking its ends.
 *
 * @param term - A stem or word (lowercase).
 * @param min - Shortest n-gram.
 * @param max - Longest n-gram.
 * @returns The n-grams in order, repeats kept; a term shorter than `min` gives itself (marked).
 *
 * @example
 * ```ts
 * charNgrams('netz', 4, 4); // ['^net', 'netz', 'etz$']
 * ```
 */
export function charNgrams(term: string, min: number, max: number): string[] {
  const padded = `^${term}$`;
  const out: string[] = [];
  if (!SURROGATE.test(padded)) {
    // One code unit per character (no astral characters): plain slices.
    if (padded.length <= min) return [padded];
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    }
    return out;
  }
  const chars = Array.from(padded);
  if (chars.length <= min) return [padded];
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  }
  return out;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The character n-grams of every note's words as interned ids ({@link TermIds}):
 * the same terms as `docs.map((row) => row.flatMap((w) => charNgrams(w, min, max)))`,
 * but each distinct word is cut and looked up once, and no string array per note is built.
 *
 * @param docs - The words of each note (lowercase).
 * @param min - Shortest n-gram.
 * @param max - Longest n-gram.
 * @returns The n-gram ids of each note, repeats kept, and the n-gram of each id.
 *
 * @example
 * ```ts
 * const ids = ngramIds([['netz'], ['netz', 'ab']], 4, 4);
 * ids.names; // ['^net', 'netz', 'etz$', '^ab$']
 * ```
 */
export function ngramIds(docs: ReadonlyArray<ReadonlyArray<string>>, min: number, max: number): TermIds {
  const gramId = new Map<string, number>();
  const names: string[] = [];
  const ofWord = new Map<string, Int32Array>();
  const offsets = new Int32Array(docs.length + 1);
  let tokens = new Int32Array(1024);
  let used = 0;
  for (let i = 0; i < docs.length; i++) {
    const words = docs[i]!;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      let ids = ofWord.get(word);
      if (!ids) {
        const grams = charNgrams(word, min, max);
        ids = new Int32Array(grams.length);
        for (let g = 0; g < grams.length; g++) {
          const gram = grams[g]!;
          let id = gramId.get(gram);
          if (id === undefined) {
            id = names.length;
            gramId.set(gram, id);
            names.push(gram);
          }
          ids[g] = id;
        }
        ofWord.set(word, ids);
      }
      if (used + ids.length > tokens.length) {
        const bigger = new Int32Array(Math.max(tokens.length * 2, used + ids.length));
        bigger.set(tokens);
        tokens = bigger;
      }
      tokens.set(ids, used);
      used += ids.length;
    }
    offsets[i + 1] = used;
  }
  return { names, tokens: tokens.subarray(0, used), offsets };
}
