/**
 * A hash table from strings to a string and a number that is asked with a range of a
 * text, `text[start, end)`, without slicing it: the terms stage looks up
 * every plain word of a note this way, and most are repeats, so most tokens
 * then cost no new string (nor the garbage collection of one).
 *
 * Open addressing with linear probing over a power-of-two number of slots,
 * at most half of them used. A probe reads the slot's hash first (0: empty;
 * a key's hash is never 0) and compares characters only when the hashes
 * agree. A slot's hash and its two numbers lie side by side (16 bytes), and
 * so do its key and value, so a hit reads two places of the table besides
 * the key's characters (the lookups of a large table are bound by memory
 * latency, not by instructions).
 *
 * @module
 */

/** The table; see {@link newRangeTable}. */
export interface RangeTable {
  /** Slots − 1 (slots are a power of two). */
  mask: number;
  /** Keys stored. */
  size: number;
  /** Slot `i`'s key's hash at `4i` (0: an empty slot), its numbers at `4i + 1` and `4i + 2` (`4i + 3` unused). */
  hashes: Int32Array;
  /** Slot `i`'s key at `2i`, its value at `2i + 1`. */
  entries: string[];
}

/**
 * An empty table.
 *
 * @param slots - Initial number of slots (rounded up to a power of two, at least 16).
 */
export function newRangeTable(slots = 1024): RangeTable {
  let size = 16;
  while (size < slots) size *= 2;
  return { mask: size - 1, size: 0, hashes: new Int32Array(4 * size), entries: new Array<string>(2 * size).fill('') };
}

/** The hash of `text[start, end)` (FNV-1a over UTF-16 code units, then mixed so the low bits spread); never 0. */
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= h >>> 13;
  return h === 0 ? 1 : h;
}

/**
 * The slot holding the key `text[start, end)`, or, when it is not there,
 * `~slot` (a negative number) of the empty slot where {@link insertAt} puts it.
 *
 * @param table - The table.
 * @param text - The text the key is part of.
 * @param start - Where the key begins in `text`.
 * @param end - Where it ends (exclusive; `end > start`).
 * @param hash - {@link hashRange} of the key.
 */
export function findRange(table: RangeTable, text: string, start: number, end: number, hash: number): number {
  const { mask, hashes } = table;
  let slot = hash & mask;
  for (;;) {
    const h = hashes[4 * slot]!;
    if (h === 0) return ~slot;
    if (h === hash && equalsRange(table.entries[2 * slot]!, text, start, end)) return slot;
    slot = (slot + 1) & mask;
  }
}

/** Whether `key` is `text[start, end)`. */
function equalsRange(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/**
 * Stores `key` → `value`, `number` and `second` in the empty slot `~missing` that {@link findRange}
 * returned for this key (the table may grow: find again before the next insert).
 */
export function insertAt(table: RangeTable, missing: number, hash: number, key: string, value: string, number = 0, second = 0): void {
  const slot = ~missing;
  table.hashes[4 * slot] = hash;
  table.hashes[4 * slot + 1] = number;
  table.hashes[4 * slot + 2] = second;
  table.entries[2 * slot] = key;
  table.entries[2 * slot + 1] = value;
  table.size++;
  if (2 * table.size > table.mask + 1) grow(table);
}

/** Doubles the slots and puts every key back. */
function grow(table: RangeTable): void {
  const { hashes, entries } = table;
  const size = 2 * (table.mask + 1);
  const mask = size - 1;
  const newHashes = new Int32Array(4 * size);
  const newEntries = new Array<string>(2 * size).fill('');
  for (let i = 0; i < hashes.length / 4; i++) {
    const h = hashes[4 * i]!;
    if (h === 0) continue;
    let slot = h & mask;
    while (newHashes[4 * slot] !== 0) slot = (slot + 1) & mask;
    newHashes[4 * slot] = h;
    newHashes[4 * slot + 1] = hashes[4 * i + 1]!;
    newHashes[4 * slot + 2] = hashes[4 * i + 2]!;
    newEntries[2 * slot] = entries[2 * i]!;
    newEntries[2 * slot + 1] = entries[2 * i + 1]!;
  }
  table.mask = mask;
  table.hashes = newHashes;
  table.entries = newEntries;
}
