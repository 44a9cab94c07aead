/**
 * Text normalisation: the first step of the pipeline.
 *
 * Unicode NFC, every kind of whitespace (no-break space, U+2028, tabs, line
 * breaks) folded to one plain space, and words that were broken at a line
 * end with a hyphen joined again. For term extraction also: invisible format
 * characters removed and compatibility forms (full-width letters, ligatures)
 * folded.
 */

/** Words after a trailing hyphen that mark a suspended compound ("Netzwerk- und …"). */
const SUSPENSION_WORDS = new Set(['und', 'oder', 'bzw', 'bzw.', 'sowie', '&', 'u.', 'and', 'or']);

/** A letter and a hyphen at the end (tested on the last three characters: a letter may be a surrogate pair). */
const BROKEN_WORD_END = /\p{L}-$/u;
/** Any run of whitespace, including no-break, zero-width-free separators and line/paragraph separators. */
const WHITESPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]+/gu;
/** Two or more plain spaces. */
const SPACE_RUNS = / {2,}/g;
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
 * Normalises the text of one note for term extraction: invisible format
 * characters removed (see {@link foldCompatibility}), line-end hyphens joined
 * (see {@link joinLines}), all whitespace folded to single spaces, trimmed,
 * NFC, and compatibility forms of letters folded (`ＳＣＨＵＬＥ` → `SCHULE`).
 *
 * @param text - The raw note text, possibly with line breaks.
 * @returns The normalised text.
 *
 * @example
 * ```ts
 * normalizeText('Bildungs-\nmonitoring\u00A0 stärken'); // 'Bildungsmonitoring stärken'
 * normalizeText('Ｓｃｈｕｌｅ Digi\u200Btal'); // 'Schule Digital'
 * ```
 */
export function normalizeText(text: string): string {
  const plain = plainness(text);
  if (plain === PLAIN_TEXT) return text;
  // Plain text has no whitespace but the plain space: its runs folded by a simpler expression.
  if (plain === PLAIN_BUT_SPACES) return text.replace(SPACE_RUNS, ' ').trim();
  const joined = joinLines(text.replace(FORMAT_CHARACTERS, '').split(LINE_BREAK));
  const folded = foldCompatibility(joined);
  // NFKC can make spaces (the Arabic ligature U+FC5E is a space and two marks): fold them too, or a
  // second pass would change the text.
  return folded === joined ? folded : foldWhitespace(folded);
}

/** Every character is one that no step touches (see {@link plainCharacters}), spaces single, none at either end. */
const PLAIN_TEXT = 0;
/** As {@link PLAIN_TEXT}, but runs of plain spaces or a space at either end: only {@link foldWhitespace} has work. */
const PLAIN_BUT_SPACES = 1;
/** Anything else: the full pipeline. */
const OTHER_TEXT = 2;

/** How much of {@link normalizeText}'s work `text` needs, by one cheap scan that most notes pass. */
function plainness(text: string): number {
  const n = text.length;
  const table = PLAIN ?? plainCharacters();
  let spaces = n > 0 && (text.charCodeAt(0) === SPACE || text.charCodeAt(n - 1) === SPACE);
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code >= table.length || table[code] === 0) return OTHER_TEXT;
    if (code === SPACE && previous === SPACE) spaces = true;
    previous = code;
  }
  return spaces ? PLAIN_BUT_SPACES : PLAIN_TEXT;
}

const SPACE = 0x20;
/** See {@link plainCharacters}; built on first use. */
let PLAIN: Uint8Array | undefined;

/**
 * Characters that normalisation leaves alone in any context (tests/normalize.test.ts
 * checks the table against this definition): no whitespace other than the
 * plain space, no line break, no control or format character, no combining
 * mark (a mark may compose with its neighbour), no change under NFC, and no
 * change under NFKC for the letters and digits that {@link foldCompatibility}
 * folds (`…` may stay, `²` may not). ASCII, Latin-1, Latin Extended-A and -B,
 * general punctuation and currency signs: where German text (and the names in it) lives.
 */
function plainCharacters(): Uint8Array {
  const table = new Uint8Array(0x20c0);
  table.fill(1, 0x20, 0x7f);
  table.fill(1, 0xa1, 0x250);
  // Touched: the soft hyphen (format), ª º µ ² ³ ¹ ¼ ½ ¾ ĳ Ĳ ŀ Ŀ ŉ ſ Ǆ…ǌ Ǳ ǲ ǳ (NFKC).
  for (const code of [0xad, 0xaa, 0xba, 0xb5, 0xb2, 0xb3, 0xb9, 0xbc, 0xbd, 0xbe, 0x132, 0x133, 0x13f, 0x140, 0x149, 0x17f]) {
    table[code] = 0;
  }
  table.fill(0, 0x1c4, 0x1cd);
  table.fill(0, 0x1f1, 0x1f4);
  table.fill(1, 0x2010, 0x2028); // dashes, quotation marks, bullets, ellipsis
  table.fill(1, 0x2030, 0x205f); // per mille, primes, guillemets, ⁄ …
  table.fill(1, 0x20a0, 0x20c0); // currency signs
  PLAIN = table;
  return table;
}

/** @internal For the tests: whether `code` is in the table of {@link plainCharacters}. */
export function isPlainCharacter(code: number): boolean {
  const table = PLAIN ?? plainCharacters();
  return code < table.length && table[code] === 1;
}

/** Invisible format characters (Unicode category Cf): zero-width space and joiners, BiDi controls, soft hyphen, BOM, word joiner. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
/** Runs of letters, marks and digits, and full-width ASCII (`Ａ`, `＊`): what compatibility folding may touch. */
const COMPATIBILITY_RUN = /[\p{L}\p{M}\p{N}\uFF01-\uFF5E]+/gu;

/**
 * Folds compatibility forms of letters, digits and full-width ASCII to their
 * plain forms (Unicode NFKC, applied to those runs only): full-width
 * `ＳＣＨＵＬＥ` → `SCHULE`, `Ａｋｔｅｕｒ＊ｉｎｎｅｎ` → `Akteur*innen`, the ligature
 * `ﬁ` → `fi`. Punctuation such as `…` and `´` is left alone (NFKC would turn
 * `´` into a space and a combining accent).
 *
 * @param text - Any text.
 * @returns The text with those runs in NFKC.
 *
 * @example
 * ```ts
 * foldCompatibility('ＳＣＨＵＬＥ ﬁnanzieren…'); // 'SCHULE finanzieren…'
 * ```
 */
export function foldCompatibility(text: string): string {
  if (text.normalize('NFKC') === text) return text;
  return text.replace(COMPATIBILITY_RUN, (run) => run.normalize('NFKC'));
}

/** Folds every run of whitespace to one space and trims. */
export function foldWhitespace(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}
