/**
 * Character n-grams inside content words: `netzwerk` → `^netz`, `netzw`,
 * … `werk$`. They tie compounds and their parts together (Netzwerkarbeit ~
 * Netzwerke) and absorb spelling slips that workshop notes are full of.
 */
import type { TermIds, WordGrams } from './vocabulary';

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

/** Numbers of words for {@link ngramIds}: `of[x]` for the x-th word of all notes, each below `count`; equal numbers, equal words. */
export interface WordNumbers {
  of: Int32Array;
  count: number;
}

/**
 * The character n-grams of every note's words as interned ids ({@link TermIds}):
 * the same terms as `docs.map((row) => row.flatMap((w) => charNgrams(w, min, max)))`,
 * but each distinct word is cut and looked up once, and no string array per note is built.
 *
 * @param docs - The words of each note (lowercase).
 * @param min - Shortest n-gram.
 * @param max - Longest n-gram.
 * @param numbers - Optionally a number per word (all notes' words one after another) where equal numbers are equal
 *   words: each number's word is then looked up once, not each occurrence.
 * @returns The n-gram ids of each note, repeats kept, the n-gram of each id, and the ids by word type ({@link WordGrams}).
 *
 * @example
 * ```ts
 * const ids = ngramIds([['netz'], ['netz', 'ab']], 4, 4);
 * ids.names; // ['^net', 'netz', 'etz$', '^ab$']
 * ```
 */
export function ngramIds(
  docs: ReadonlyArray<ReadonlyArray<string>>,
  min: number,
  max: number,
  numbers?: WordNumbers,
): TermIds & { words: WordGrams } {
  const names: string[] = [];
  // N-grams of up to 5 characters below U+0400 by a number (base 1025, see `packed`), others by their string.
  const table = new PackedTable();
  const byName = new Map<string, number>();
  // The n-gram ids of each distinct word, in one pool (no typed array per word): word → its slot.
  const ofWord = new Map<string, number>();
  // With numbers: the slot of each number met, -1 before (its word is then looked up once).
  const slotOfNumber = numbers ? new Int32Array(numbers.count).fill(-1) : undefined;
  let pool = new Int32Array(1 << 16);
  let pooled = 0;
  const starts: number[] = [];
  const ends: number[] = [];
  const offsets = new Int32Array(docs.length + 1);
  let wordCount = 0;
  for (let i = 0; i < docs.length; i++) wordCount += docs[i]!.length;
  const slots = new Int32Array(wordCount);
  const wordOffsets = new Int32Array(docs.length + 1);
  let wordsUsed = 0;
  let used = 0;
  let chars = new Int32Array(64);
  // The id of the n-gram of `length` characters at `from` (chars: code units, or code points when `astral`).
  const idOf = (padded: string, astral: boolean, from: number, length: number): number => {
    let key = 0;
    if (length <= PACKED_LENGTH) {
      for (let x = 0; x < length; x++) {
        const c = chars[from + x]!;
        if (c >= PACKED_BASE - 1) {
          key = -1;
          break;
        }
        key = key * PACKED_BASE + c + 1;
      }
    } else key = -1;
    if (key > 0) {
      const slot = table.slotOf(key);
      let id = table.ids[slot]!;
      if (id < 0) {
        id = names.length;
        names.push(gramName(padded, astral, from, length));
        table.put(slot, key, id);
      }
      return id;
    }
    const name = gramName(padded, astral, from, length);
    let id = byName.get(name);
    if (id === undefined) {
      id = names.length;
      names.push(name);
      byName.set(name, id);
    }
    return id;
  };
  const gramName = (padded: string, astral: boolean, from: number, length: number): string =>
    astral ? String.fromCodePoint(...chars.subarray(from, from + length)) : padded.slice(from, from + length);
  for (let i = 0; i < docs.length; i++) {
    const words = docs[i]!;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const number = slotOfNumber ? numbers!.of[wordsUsed]! : -1;
      let slot: number | undefined = number >= 0 ? slotOfNumber![number]! : -1;
      if (slot < 0) slot = ofWord.get(word);
      if (slot === undefined) {
        // As charNgrams: one code unit per character, or code points when there are astral characters.
        const padded = `^${word}$`;
        const astral = SURROGATE.test(padded);
        if (padded.length > chars.length) chars = new Int32Array(2 * padded.length);
        let length = 0;
        if (astral) for (const ch of padded) chars[length++] = ch.codePointAt(0)!;
        else for (; length < padded.length; length++) chars[length] = padded.charCodeAt(length);
        let count = 1;
        if (length > min) {
          count = 0;
          for (let n = min; n <= max; n++) count += Math.max(0, length - n + 1);
        }
        if (pooled + count > pool.length) {
          const bigger = new Int32Array(Math.max(pool.length * 2, pooled + count));
          bigger.set(pool);
          pool = bigger;
        }
        slot = starts.length;
        starts.push(pooled);
        if (length <= min) pool[pooled++] = idOf(padded, astral, 0, length);
        else {
          // Grams listed by n, then start.
          for (let n = min; n <= max; n++) {
            for (let start = 0; start + n <= length; start++) pool[pooled++] = idOf(padded, astral, start, n);
          }
        }
        ends.push(pooled);
        ofWord.set(word, slot);
      }
      if (number >= 0) slotOfNumber![number] = slot;
      slots[wordsUsed++] = slot;
      used += ends[slot]! - starts[slot]!;
    }
    offsets[i + 1] = used;
    wordOffsets[i + 1] = wordsUsed;
  }
  const words = { pool: pool.subarray(0, pooled), starts: Int32Array.from(starts), ends: Int32Array.from(ends), slots, offsets: wordOffsets };
  // The tokens of all notes one after another are only made when asked for: the vocabulary,
  // the projection and the rows of some notes read them by word (see WordGrams).
  let tokens: Int32Array | undefined;
  return {
    names,
    get tokens() {
      tokens ??= tokensOfWords(words, used);
      return tokens;
    },
    offsets,
    words,
  };
}

/** The tokens of every note from its words (`size`: their number). */
function tokensOfWords(words: WordGrams, size: number): Int32Array {
  const { pool, starts, ends, slots } = words;
  const tokens = new Int32Array(size);
  let at = 0;
  for (let w = 0; w < slots.length; w++) {
    const s = slots[w]!;
    tokens.set(pool.subarray(starts[s]!, ends[s]!), at);
    at += ends[s]! - starts[s]!;
  }
  return tokens;
}

/** Longest n-gram looked up by number, and the base: characters below U+0400 are the digits 1 … 1024 (1025⁵ < 2⁵³). */
const PACKED_LENGTH = 5;
const PACKED_BASE = 1025;

/**
 * An open-addressing hash table from an n-gram's number (its characters as
 * digits in base 1025, exact in a double) to its id: one lookup per n-gram,
 * without cutting a string for it.
 */
class PackedTable {
  keys = new Float64Array(1 << 12);
  ids = new Int32Array(1 << 12).fill(-1);
  private size = 0;

  /** The slot of `key`: where it is, or the empty slot where it belongs (ids[slot] = -1). */
  slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = hashOf(key) & mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key || k === 0) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** Puts `key` → `id` into the empty slot {@link slotOf} gave. */
  put(slot: number, key: number, id: number): void {
    this.keys[slot] = key;
    this.ids[slot] = id;
    if (2 * ++this.size > this.keys.length) this.grow();
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2).fill(-1);
    const mask = this.keys.length - 1;
    for (let s = 0; s < keys.length; s++) {
      const key = keys[s]!;
      if (key === 0) continue;
      let slot = hashOf(key) & mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.ids[slot] = ids[s]!;
    }
  }
}

function hashOf(key: number): number {
  const h = Math.imul(key | 0, 0x9e3779b1) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b);
  return h ^ (h >>> 15);
}
