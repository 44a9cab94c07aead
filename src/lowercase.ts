/**
 * The fit's lowercased surface words (character n-grams and compound parts
 * are cut from them): one string per distinct surface, shared by its
 * occurrences, so the n-gram stage's lookups by word meet strings whose hash
 * is known.
 *
 * @module
 */
import type { NoteTerms, SurfaceIds } from './terms';

/**
 * {@link lowercaseWords} of the notes `rows`, with each plain word's surface found by its
 * number from the terms stage ({@link SurfaceIds}): an array index per word instead of a
 * `Map` lookup, the same words (a token with a norm of its own, numbered -1, by the `Map`).
 *
 * @param rows - The notes (indices into `terms`).
 * @param offsets - Where each note's tokens begin in `surfaceIds.ids` (the stem ids' offsets).
 * @param surfaceIds - The surface numbers of the terms stage.
 * @param terms - The terms of all notes.
 * @returns The lowercased surfaces of each note in `rows`.
 *
 * @example
 * ```ts
 * const { terms, ids, surfaceIds } = extractAllTerms(['Schule Schule'], options);
 * lowercaseById([0], ids.offsets, surfaceIds, terms); // [['schule', 'schule']] (one string)
 * ```
 */
export function lowercaseById(rows: readonly number[], offsets: Int32Array, { ids, count }: SurfaceIds, terms: readonly NoteTerms[]): string[][] {
  const lowerOf = new Array<string | undefined>(count);
  const lower = new Map<string, string>();
  return rows.map((i) => {
    const from = offsets[i]!;
    const row = terms[i]!.surfaces;
    const out = new Array<string>(row.length);
    for (let t = 0; t < row.length; t++) {
      const id = ids[from + t]!;
      let lowered = id >= 0 ? lowerOf[id] : lower.get(row[t]!);
      if (lowered === undefined) {
        lowered = row[t]!.toLowerCase();
        if (id >= 0) lowerOf[id] = lowered;
        else lower.set(row[t]!, lowered);
      }
      out[t] = lowered;
    }
    return out;
  });
}

/**
 * Each word lowercased, each distinct word once: a repeated word is one
 * `Map` lookup and the same lowercase string (no new string per token).
 *
 * @param rows - The surface words of each note.
 * @returns The same words lowercased.
 *
 * @example
 * ```ts
 * lowercaseWords([['Schule', 'Netz'], ['Schule']]); // [['schule', 'netz'], ['schule']]
 * ```
 */
export function lowercaseWords(rows: ReadonlyArray<ReadonlyArray<string>>): string[][] {
  const lower = new Map<string, string>();
  return rows.map((row) =>
    row.map((word) => {
      let lowered = lower.get(word);
      if (lowered === undefined) {
        lowered = word.toLowerCase();
        lower.set(word, lowered);
      }
      return lowered;
    }),
  );
}
