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
 * Lowercased words with a number per word: equal numbers are equal words
 * (the n-gram stage then finds a word's n-grams by its number, without a
 * `Map` lookup per word).
 */
export interface NumberedWords {
  /** The lowercased surface words of each note. */
  words: string[][];
  /** A number per word, all notes' words one after another. */
  numbers: Int32Array;
  /** Where each note's numbers begin (one more entry than notes). */
  offsets: Int32Array;
  /** Numbers are below this. */
  count: number;
}

/**
 * {@link lowercaseWords} of the notes `rows`, with each plain word's surface found by its
 * number from the terms stage ({@link SurfaceIds}): an array index per word instead of a
 * `Map` lookup, the same words (a token with a norm of its own, numbered -1, by the `Map`).
 * Each word gets a number too: its surface's, or, for those by the `Map`, one above them.
 *
 * @param rows - The notes (indices into `terms`).
 * @param offsets - Where each note's tokens begin in `surfaceIds.ids` (the stem ids' offsets).
 * @param surfaceIds - The surface numbers of the terms stage.
 * @param terms - The terms of all notes.
 * @returns The lowercased surfaces of each note in `rows`, and their numbers.
 *
 * @example
 * ```ts
 * const { terms, ids, surfaceIds } = extractAllTerms(['Schule Schule'], options);
 * lowercaseById([0], ids.offsets, surfaceIds, terms).words; // [['schule', 'schule']] (one string)
 * ```
 */
export function lowercaseById(rows: readonly number[], offsets: Int32Array, { ids, count }: SurfaceIds, terms: readonly NoteTerms[]): NumberedWords {
  const lowerOf = new Array<string | undefined>(count);
  const lower = new Map<string, { word: string; number: number }>();
  const starts = new Int32Array(rows.length + 1);
  for (let a = 0; a < rows.length; a++) starts[a + 1] = starts[a]! + terms[rows[a]!]!.surfaces.length;
  const numbers = new Int32Array(starts[rows.length]!);
  const words = rows.map((i, a) => {
    const from = offsets[i]!;
    const row = terms[i]!.surfaces;
    const out = new Array<string>(row.length);
    const at = starts[a]!;
    for (let t = 0; t < row.length; t++) {
      const id = ids[from + t]!;
      if (id >= 0) {
        let lowered = lowerOf[id];
        if (lowered === undefined) {
          lowered = row[t]!.toLowerCase();
          lowerOf[id] = lowered;
        }
        out[t] = lowered;
        numbers[at + t] = id;
      } else {
        let entry = lower.get(row[t]!);
        if (entry === undefined) {
          entry = { word: row[t]!.toLowerCase(), number: count + lower.size };
          lower.set(row[t]!, entry);
        }
        out[t] = entry.word;
        numbers[at + t] = entry.number;
      }
    }
    return out;
  });
  return { words, numbers, offsets: starts, count: count + lower.size };
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
