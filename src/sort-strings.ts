/**
 * Sorting many strings in UTF-16 code-unit order (the order of `<` on
 * strings, and of `Array.prototype.sort()` without a comparator), by a
 * numeric sort of their first few code units and string comparisons only
 * among strings that share those.
 *
 * The vocabulary puts its terms (tens of thousands of stems and character
 * n-grams) in this order and needs to know where each one went; the built-in
 * sort compares two strings per call, about n·log₂ n times, and the positions
 * then had to be looked up in a `Map` (docs/scaling.md, session 7).
 *
 * @module
 */

/** Largest integer a double holds exactly, plus one. */
const EXACT = 2 ** 53;

/**
 * The order of `strings` sorted by UTF-16 code units, stable: `order[j]` is
 * the index of the `j`-th smallest string, equal strings in input order
 * (so `Array.from(order, (i) => strings[i])` equals `[...strings].sort()`).
 *
 * Each string's first `depth` code units become one number (code units
 * ranked among those that occur there, 0 where a string is shorter), sorted
 * with the string's index in its low bits by the typed array's numeric sort;
 * only runs that share the whole prefix are compared as strings.
 *
 * @param strings - Any strings (not modified).
 * @returns Indices into `strings`, in sorted order.
 *
 * @example
 * ```ts
 * sortedOrder(['schul', 'digital', 'Schule', 'digi']); // Int32Array [2, 3, 1, 0]
 * ```
 */
export function sortedOrder(strings: readonly string[]): Int32Array {
  const n = strings.length;
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) order[j] = j;
  if (n < 2) return order;
  // The code units that occur in the first three positions, ranked (1 …); 0: no character there.
  const rank = new Uint32Array(65536);
  for (let j = 0; j < n; j++) {
    const s = strings[j]!;
    const m = Math.min(s.length, 3);
    for (let i = 0; i < m; i++) rank[s.charCodeAt(i)] = 1;
  }
  let ranks = 0;
  for (let c = 0; c < 65536; c++) if (rank[c] !== 0) rank[c] = ++ranks;
  const radix = ranks + 1;
  const slots = 2 ** Math.max(1, Math.ceil(Math.log2(n)));
  // As many leading code units as fit with the index into an exact double.
  let depth = 0;
  let span = 1;
  while (depth < 3 && span * radix * slots < EXACT) {
    span *= radix;
    depth++;
  }
  if (depth === 0) {
    sortRun(strings, order, 0, n);
    return order;
  }
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const s = strings[j]!;
    let key = 0;
    for (let i = 0; i < depth; i++) key = key * radix + (i < s.length ? rank[s.charCodeAt(i)]! : 0);
    keys[j] = key * slots + j;
  }
  keys.sort();
  // Prefix numbers below `prefix`, and the index in the low bits.
  const prefixes = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const key = keys[j]!;
    const index = key % slots;
    order[j] = index;
    prefixes[j] = (key - index) / slots;
  }
  // Runs with the same prefix are in input order so far; the rest of the strings decides.
  let from = 0;
  while (from < n) {
    let to = from + 1;
    while (to < n && prefixes[to] === prefixes[from]) to++;
    if (to - from > 1) sortRun(strings, order, from, to);
    from = to;
  }
  return order;
}

/** Sorts `order[from, to)` stably by the strings they index (insertion sort for short runs). */
function sortRun(strings: readonly string[], order: Int32Array, from: number, to: number): void {
  if (to - from > 16) {
    const run = Array.from(order.subarray(from, to));
    run.sort((a, b) => (strings[a]! < strings[b]! ? -1 : strings[a]! > strings[b]! ? 1 : 0));
    order.set(run, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = order[i]!;
    const sx = strings[x]!;
    let j = i - 1;
    while (j >= from && strings[order[j]!]! > sx) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = x;
  }
}
