/**
 * Automatic choice of the number of themes.
 */

/**
 * The range of k tried for `n` notes with content: from 2 up to about
 * √(n/2), never more than 30 nor more than `n`.
 *
 * @example
 * ```ts
 * kRange(600); // { min: 2, max: 17 }
 * ```
 */
export function kRange(n: number): { min: number; max: number } {
  const max = Math.max(1, Math.min(30, n, Math.round(Math.sqrt(n / 2))));
  return { min: Math.min(2, max), max };
}
