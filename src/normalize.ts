/**
 * Text normalisation: the first step of the pipeline.
 *
 * Unicode NFC, every kind of whitespace (no-break space, U+2028, tabs, line
 * breaks) folded to one plain space, and words that were broken at a line
 * end with a hyphen joined again.
 */

/** Words after a trailing hyphen that mark a suspended compound ("Netzwerk- und …"). */
const SUSPENSION_WORDS = new Set(['und', 'oder', 'bzw', 'bzw.', 'sowie', '&', 'u.', 'and', 'or']);

/** A letter and a hyphen at the end (tested on the last three characters: a letter may be a surrogate pair). */
const BROKEN_WORD_END = /\p{L}-$/u;
/** Any run of whitespace, including no-break, zero-width-free separators and line/paragraph separators. */
const WHITESPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]+/gu;
/** Line breaks of every kind. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u000B\u000C\u0085]/u;

/**
 * Joins the visual lines of one note into one line of text.
 *
 * A line that ends in a letter and a hyphen is joined to the next one:
 * without the hyphen when the next line starts lowercase ("Bildungs-" +
 * "monitoring" → "Bildungsmonitoring"), with the hyphen when it starts with
 * a capital or digit ("Online-" + "Angebote" → "Online-Angebote"), and with
 * a space when the next word is a conjunction ("Netzwerk-" + "und …" →
 * "Netzwerk- und …"). Other lines are joined with a space.
 *
 * @param lines - The lines in reading order.
 * @returns One line, whitespace folded, NFC.
 *
 * @example
 * ```ts
 * joinLines(['Bildungs-', 'monitoring']); // 'Bildungsmonitoring'
 * joinLines(['Online-', 'Angebote']); // 'Online-Angebote'
 * ```
 */
export function joinLines(lines: readonly string[]): string {
  // Pieces joined once at the end, and the last few characters apart: testing
  // and slicing the whole text per line was quadratic (1 MB of "a-\n" lines).
  const parts: string[] = [];
  let tail = '';
  for (const raw of lines) {
    const line = foldWhitespace(raw.normalize('NFC'));
    if (line === '') continue;
    let separator = ' ';
    if (parts.length === 0) {
      separator = '';
    } else if (BROKEN_WORD_END.test(tail)) {
      const firstWord = line.split(' ', 1)[0] ?? '';
      if (SUSPENSION_WORDS.has(firstWord.toLowerCase())) separator = ' ';
      else {
        separator = '';
        if (/^\p{Ll}/u.test(line)) {
          const last = parts.length - 1;
          parts[last] = parts[last]!.slice(0, -1);
          tail = tail.slice(0, -1);
        }
      }
    }
    if (separator !== '') parts.push(separator);
    parts.push(line);
    tail = (tail + separator + line).slice(-3);
  }
  return parts.join('');
}

/**
 * Normalises the text of one note: NFC, line-end hyphens joined (see
 * {@link joinLines}), all whitespace folded to single spaces, trimmed.
 *
 * @param text - The raw note text, possibly with line breaks.
 * @returns The normalised text.
 *
 * @example
 * ```ts
 * normalizeText('Bildungs-\nmonitoring\u00A0 stärken'); // 'Bildungsmonitoring stärken'
 * ```
 */
export function normalizeText(text: string): string {
  return joinLines(text.split(LINE_BREAK));
}

/** Folds every run of whitespace to one space and trims. */
export function foldWhitespace(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}
