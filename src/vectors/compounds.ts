/**
 * Compound splitting with the corpus's own vocabulary: a long word whose
 * tail and head are both words that occur on their own in the notes is
 * split into them (Bildungsgerechtigkeit → Bildung + Gerechtigkeit), with the
 * German linking elements (-s-, -es-, -n-, -en-, -e-) allowed between.
 * No dictionary: only what the notes themselves contain.
 */

/** Options of {@link compoundSplitter}. */
export interface CompoundOptions {
  /** Shortest part, in characters (default 4). */
  minPart?: number;
}

const LINKS = ['', 's', 'es', 'n', 'en', 'e'];

/**
 * Builds a splitter from the words of a corpus.
 *
 * @param words - Lowercased content words of every note (repeats allowed).
 * @param stem - The stemmer (word → stem).
 * @param options - Shortest part.
 * @returns A function from a lowercased word to the stems of its two parts, or `[]` when it does not split.
 *
 * @example
 * ```ts
 * const split = compoundSplitter(['bildung', 'gerechtigkeit', 'bildungsgerechtigkeit'], stemGerman);
 * split('bildungsgerechtigkeit'); // ['bildung', 'rechtigkei'] (CISTEM stems)
 * ```
 */
export function compoundSplitter(
  words: Iterable<string>,
  stem: (word: string) => string,
  options: CompoundOptions = {},
): (word: string) => string[] {
  const minPart = options.minPart ?? 4;
  const freq = new Map<string, number>();
  for (const w of words) {
    const s = stem(w);
    if (s.length >= 3) freq.set(s, (freq.get(s) ?? 0) + 1);
  }
  const cache = new Map<string, string[]>();
  return (word: string): string[] => {
    const hit = cache.get(word);
    if (hit) return hit;
    let best: string[] = [];
    let bestScore = 0;
    if (word.length >= 2 * minPart) {
      for (let i = minPart; i <= word.length - minPart; i++) {
        const head = stem(word.slice(i));
        const fh = freq.get(head) ?? 0;
        if (fh === 0 || head.length < minPart) continue;
        const modifier = word.slice(0, i);
        for (const link of LINKS) {
          if (!modifier.endsWith(link) || modifier.length - link.length < minPart) continue;
          const mod = stem(modifier.slice(0, modifier.length - link.length));
          const fm = freq.get(mod) ?? 0;
          if (fm === 0 || mod.length < minPart) continue;
          const score = Math.min(fm, fh);
          if (score > bestScore) {
            bestScore = score;
            best = [mod, head];
          }
        }
      }
    }
    cache.set(word, best);
    return best;
  };
}
