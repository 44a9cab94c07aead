/**
 * A width model for sticky-note lines: the visual width of a string in a
 * proportional sans-serif font, in units of one average lowercase letter.
 */

const NARROW = new Set([...'iljtfrI!.,:;\'|()[]{}/\\-–"`´’‘“„ ·']);
const WIDE = new Set([...'mwMWÄÖÜOQGCDHNU@%&']);

/**
 * Estimated visual width of `text` (1 ≈ one lowercase letter).
 *
 * @example
 * ```ts
 * visualWidth('mm') > visualWidth('ii'); // true
 * ```
 */
export function visualWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (ch === ' ' || ch === '\u00A0') w += 0.5;
    else if (NARROW.has(ch)) w += 0.5;
    else if (WIDE.has(ch)) w += 1.45;
    else if (ch >= 'A' && ch <= 'Z') w += 1.2;
    else if (/\p{Lu}/u.test(ch)) w += 1.2;
    else w += 1;
  }
  return w;
}

/** Width of one space in the same units. */
export const SPACE_WIDTH = 0.5;
