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

/**
 * The character n-grams of every note's words as interned ids ({@link TermIds}):
 * the same terms as `docs.map((row) => row.flatMap((w) => charNgrams(w, min, max)))`,
 * but each distinct word is cut and looked up once, and no string array per note is built.
 *
 * @param docs - The words of each note (lowercase).
 * @param min - Shortest n-gram.
 * @param max - Longest n-gram.
 * @returns The n-gram ids of each note, repeats kept, the n-gram of each id, and the ids by word type ({@link WordGrams}).
 *
 * @example
 * ```ts
 * const ids = ngramIds([['netz'], ['netz', 'ab']], 4, 4);
 * ids.names; // ['^net', 'netz', 'etz$', '^ab$']
 * ```
 */
export function ngramIds(docs: ReadonlyArray<ReadonlyArray<string>>, min: number, max: number): TermIds & { words: WordGrams } {
  const trie = new GramTrie();
  const names: string[] = [];
  let gramOfNode = new Int32Array(1 << 12).fill(-1);
  // The n-gram ids of each distinct word, in one pool (no typed array per word): word → its slot.
  const ofWord = new Map<string, number>();
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
  // The id of the n-gram padded[from … from + length) (code points), ending at trie node `node`.
  const idOf = (node: number, padded: string, codes: number[] | undefined, from: number, length: number): number => {
    if (node >= gramOfNode.length) {
      const bigger = new Int32Array(Math.max(2 * gramOfNode.length, node + 1)).fill(-1);
      bigger.set(gramOfNode);
      gramOfNode = bigger;
    }
    let id = gramOfNode[node]!;
    if (id < 0) {
      id = names.length;
      gramOfNode[node] = id;
      names.push(codes ? String.fromCodePoint(...codes.slice(from, from + length)) : padded.slice(from, from + length));
    }
    return id;
  };
  const nodes: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    const words = docs[i]!;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      let slot = ofWord.get(word);
      if (slot === undefined) {
        // As charNgrams: one code unit per character, or code points when there are astral characters.
        const padded = `^${word}$`;
        const codes = SURROGATE.test(padded) ? Array.from(padded, (ch) => ch.codePointAt(0)!) : undefined;
        const length = codes ? codes.length : padded.length;
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
        if (length <= min) {
          let node = 0;
          for (let at = 0; at < length; at++) node = trie.child(node, codes ? codes[at]! : padded.charCodeAt(at));
          pool[pooled++] = idOf(node, padded, codes, 0, length);
        } else {
          // nodes[start * (max + 1) + n]: the trie node of the n-gram at `start`; grams listed by n, then start.
          const top = Math.min(max, length);
          for (let start = 0; start < length; start++) {
            let node = 0;
            for (let n = 1; n <= top && start + n <= length; n++) {
              const at = start + n - 1;
              node = trie.child(node, codes ? codes[at]! : padded.charCodeAt(at));
              nodes[start * (max + 1) + n] = node;
            }
          }
          for (let n = min; n <= max; n++) {
            for (let start = 0; start + n <= length; start++) pool[pooled++] = idOf(nodes[start * (max + 1) + n]!, padded, codes, start, n);
          }
        }
        ends.push(pooled);
        ofWord.set(word, slot);
      }
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

/**
 * A trie of code-point sequences in an open-addressing hash table of
 * (parent node, code point) → child node: n-grams are found by walking it,
 * without cutting and hashing a string per n-gram.
 */
class GramTrie {
  private parents = new Int32Array(1 << 12).fill(-1);
  private codes = new Int32Array(1 << 12);
  private children = new Int32Array(1 << 12);
  private size = 0;
  private nodes = 1;

  /** The child of `parent` by `code`, created when new. */
  child(parent: number, code: number): number {
    let mask = this.parents.length - 1;
    let slot = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
    for (;;) {
      const p = this.parents[slot]!;
      if (p === -1) break;
      if (p === parent && this.codes[slot] === code) return this.children[slot]!;
      slot = (slot + 1) & mask;
    }
    if (2 * (this.size + 1) > this.parents.length) {
      this.grow();
      mask = this.parents.length - 1;
      slot = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
      while (this.parents[slot] !== -1) slot = (slot + 1) & mask;
    }
    this.parents[slot] = parent;
    this.codes[slot] = code;
    const node = this.nodes++;
    this.children[slot] = node;
    this.size++;
    return node;
  }

  private grow(): void {
    const { parents, codes, children } = this;
    const capacity = parents.length * 2;
    this.parents = new Int32Array(capacity).fill(-1);
    this.codes = new Int32Array(capacity);
    this.children = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let s = 0; s < parents.length; s++) {
      const p = parents[s]!;
      if (p === -1) continue;
      let slot = (Math.imul(p, 0x9e3779b1) ^ Math.imul(codes[s]!, 0x85ebca6b)) & mask;
      while (this.parents[slot] !== -1) slot = (slot + 1) & mask;
      this.parents[slot] = p;
      this.codes[slot] = codes[s]!;
      this.children[slot] = children[s]!;
    }
  }
}
