/**
 * Character n-grams inside content words: `netzwerk` → `^netz`, `netzw`,
 * … `werk$`. They tie compounds and their parts together (Netzwerkarbeit ~
 * Netzwerke) and absorb spelling slips that workshop notes are full of.
 */

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
