/**
 * The German tokenizer: step 2 of the pipeline.
 *
 * A sticky (`y`) Unicode regular expression cuts the text into small
 * lexemes (a run of letters/digits, a gender suffix, an abbreviation, a URL,
 * one other character); a little state machine joins them into tokens:
 *
 * - gender forms stay whole and their `norm` is the base word:
 *   `Akteur*innen`, `Akteur:innen`, `Akteur_innen`, `Akteur/innen`,
 *   `Akteur/-innen`, `Akteur(innen)`, `AkteurInnen`, `Bürger*in` → `akteur`, `bürger`;
 *   inside a compound the suffix is cut out (`Bürger*innenbeteiligung` → `bürgerbeteiligung`);
 * - slash endings are cut the same way (`jede/r` → `jede`, `Befristung/en` → `befristung`);
 * - hyphen compounds are one token (`E-Learning` → `e-learning`);
 * - a word with an apostrophe is one token and a trailing clitic `'s` (= "es")
 *   is dropped from the norm (`geht's` → `geht`);
 * - known abbreviations are one token with a canonical norm (`z. B.` → `z.b.`),
 *   which the stopword list drops;
 * - URLs, e-mail addresses, host names, numbers, years, ordinals and
 *   percentages are dropped; emoji and punctuation are skipped.
 *
 * Every expression is either of bounded length or a single greedy character
 * class that cannot fail once it started, and the text is scanned once from
 * left to right, so the running time is linear in the input length (no
 * catastrophic backtracking on `a-a-a-…`, `*****…`, `:innen:innen…`).
 *
 * @module
 */

import type { Token } from '../types';

/** A German abbreviation the tokenizer keeps as one token. */
export interface GermanAbbreviation {
  /** The canonical norm: lowercase, no spaces, dots kept, e.g. `"z.b."`. */
  readonly norm: string;
  /** What it stands for, e.g. `"zum Beispiel"`. */
  readonly expansion: string;
}

/**
 * The abbreviations {@link tokenizeGerman} recognises. They are matched in any
 * letter case, with or without a space after inner dots (`z. B.`, `z.B.`,
 * `Z. B.`); multi-part ones also without the final dot (`z.B`).
 */
export const GERMAN_ABBREVIATIONS: readonly GermanAbbreviation[] = [
  { norm: 'z.b.', expansion: 'zum Beispiel' },
  { norm: 'zb.', expansion: 'zum Beispiel' },
  { norm: 'bzw.', expansion: 'beziehungsweise' },
  { norm: 'insb.', expansion: 'insbesondere' },
  { norm: 'insbes.', expansion: 'insbesondere' },
  { norm: 'ggf.', expansion: 'gegebenenfalls' },
  { norm: 'ggfs.', expansion: 'gegebenenfalls' },
  { norm: 'usw.', expansion: 'und so weiter' },
  { norm: 'u.s.w.', expansion: 'und so weiter' },
  { norm: 'usf.', expansion: 'und so fort' },
  { norm: 'ca.', expansion: 'circa' },
  { norm: 'u.a.', expansion: 'unter anderem / und andere' },
  { norm: 'd.h.', expansion: 'das heißt' },
  { norm: 'o.ä.', expansion: 'oder ähnlich' },
  { norm: 'u.ä.', expansion: 'und ähnlich' },
  { norm: 'etc.', expansion: 'et cetera' },
  { norm: 'evtl.', expansion: 'eventuell' },
  { norm: 'inkl.', expansion: 'inklusive' },
  { norm: 'incl.', expansion: 'inklusive' },
  { norm: 'vgl.', expansion: 'vergleiche' },
  { norm: 'bspw.', expansion: 'beispielsweise' },
  { norm: 'bsp.', expansion: 'Beispiel' },
  { norm: 'sog.', expansion: 'sogenannt' },
  { norm: 'v.a.', expansion: 'vor allem' },
  { norm: 'z.t.', expansion: 'zum Teil' },
  { norm: 'z.zt.', expansion: 'zurzeit' },
  { norm: 'zzt.', expansion: 'zurzeit' },
  { norm: 'u.u.', expansion: 'unter Umständen' },
  { norm: 'i.d.r.', expansion: 'in der Regel' },
  { norm: 'i.a.', expansion: 'im Allgemeinen / im Auftrag' },
  { norm: 'i.r.', expansion: 'im Rahmen' },
  { norm: 'i.v.m.', expansion: 'in Verbindung mit' },
  { norm: 's.o.', expansion: 'siehe oben' },
  { norm: 's.u.', expansion: 'siehe unten' },
  { norm: 'o.g.', expansion: 'oben genannt' },
  { norm: 'u.v.m.', expansion: 'und vieles mehr' },
  { norm: 'uvm.', expansion: 'und vieles mehr' },
  { norm: 'm.e.', expansion: 'meines Erachtens' },
  { norm: 'e.v.', expansion: 'eingetragener Verein' },
  { norm: 'bzgl.', expansion: 'bezüglich' },
  { norm: 'ggü.', expansion: 'gegenüber' },
  { norm: 'zzgl.', expansion: 'zuzüglich' },
  { norm: 'max.', expansion: 'maximal' },
  { norm: 'min.', expansion: 'mindestens / Minute' },
  { norm: 'mind.', expansion: 'mindestens' },
  { norm: 'nr.', expansion: 'Nummer' },
  { norm: 'dr.', expansion: 'Doktor' },
  { norm: 'prof.', expansion: 'Professor' },
  { norm: 'hrsg.', expansion: 'Herausgeber' },
  { norm: 'mio.', expansion: 'Million' },
  { norm: 'mrd.', expansion: 'Milliarde' },
  { norm: 'tel.', expansion: 'Telefon' },
  { norm: 'abs.', expansion: 'Absatz' },
  { norm: 'allg.', expansion: 'allgemein' },
  { norm: 'ebd.', expansion: 'ebenda' },
  { norm: 'eigtl.', expansion: 'eigentlich' },
  { norm: 'ehem.', expansion: 'ehemalig' },
  { norm: 'gem.', expansion: 'gemäß' },
  { norm: 'lt.', expansion: 'laut' },
  { norm: 'tlw.', expansion: 'teilweise' },
  { norm: 'bes.', expansion: 'besonders' },
  { norm: 'jh.', expansion: 'Jahrhundert' },
  { norm: 'std.', expansion: 'Stunde' },
  { norm: 'wg.', expansion: 'wegen' },
  { norm: 'vs.', expansion: 'versus' },
  { norm: 'od.', expansion: 'oder' },
  { norm: 'u.', expansion: 'und' },
];

/** Tokens whose norm is longer than this are not words (e.g. 1 MB of `a-a-a-…`) and are dropped. */
export const MAX_TOKEN_LENGTH = 80;

/** Letters, combining marks and digits: what a word is made of. */
const W = '\\p{L}\\p{M}\\p{N}';
/**
 * {@link W} as alternatives, for lookarounds (one character either way):
 * the same test, but each `[\p{L}\p{M}\p{N}]` class costs about a
 * millisecond to compile and the lexer has some thirty lookarounds.
 */
const W_ALTERNATIVES = '(?:\\p{L}|\\p{M}|\\p{N})';
/** Hyphens (-, U+2010, U+2011), apostrophes (' ’ ʼ ´ ` ‘) and the soft hyphen, as a character class. */
const CONNECTOR_CLASS = "[-\\u2010\\u2011'\\u2019\\u02BC\\u00B4`\\u2018\\u00AD]";
/** Spaces allowed after an inner abbreviation dot (the normaliser folds the others). */
const ABBR_SPACE = '[ \\u00A0\\u202F]?';

/** One letter in either case: `z` → `[zZ]`. */
function anyCase(ch: string): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return lower === upper ? ch : `[${lower}${upper}]`;
}

/**
 * The regular-expression source of one abbreviation without its first
 * letter, e.g. for `z.b.`: `\.[ ]?[bB]\.|\.[bB](?!(?:\p{L}|\p{M}|\p{N})|\.)`.
 */
function abbreviationTail(norm: string): string {
  const parts = norm.split('.').filter((p) => p !== '');
  const letters = parts.map((p) => [...p].map(anyCase).join(''));
  const spaced = `${letters.join(`\\.${ABBR_SPACE}`)}\\.`.slice(anyCase(norm[0] ?? '').length);
  if (parts.length === 1) return spaced;
  const compact = `${letters.join('\\.')}(?!${W_ALTERNATIVES}|\\.)`.slice(anyCase(norm[0] ?? '').length);
  return `${spaced}|${compact}`;
}

/** All abbreviations as one alternation, grouped by first letter (longest first within a group). */
function abbreviationSource(): string {
  const groups = new Map<string, string[]>();
  const sorted = [...GERMAN_ABBREVIATIONS].sort(
    (a, b) => b.norm.length - a.norm.length || (a.norm < b.norm ? -1 : 1),
  );
  for (const { norm } of sorted) {
    const first = norm[0] ?? '';
    const list = groups.get(first) ?? [];
    list.push(abbreviationTail(norm));
    groups.set(first, list);
  }
  return [...groups].map(([first, tails]) => `${anyCase(first)}(?:${tails.join('|')})`).join('|');
}

/**
 * The lexer. Groups: 1 whitespace, 2 abbreviation, 3 URL, 4 word (with inner hyphens/apostrophes),
 * 5 gender or ending suffix; no group = any other single character.
 * Alternatives are tried in order at each position. Built on first use:
 * compiling its Unicode classes is a noticeable part of importing the module.
 */
function lexer(): RegExp {
  LEXEME ??= new RegExp(
    [
      '(\\s+)',
      `(?<!${W_ALTERNATIVES})(${abbreviationSource()})`,
      `(?<!${W_ALTERNATIVES})((?:[hH][tT][tT][pP][sS]?:\\/\\/|[wW][wW][wW]\\.)\\S*)`,
      // A word: runs of letters/digits joined by single hyphens or apostrophes (E-Learning, geht's).
      `([\\p{L}\\p{N}][${W}]*(?:${CONNECTOR_CLASS}[\\p{L}\\p{N}][${W}]*)*)`,
      // Gender suffixes: *innen *in _innen :innen /innen /-innen ·innen (and *Innen, _In);
      // "innen" may continue a compound, "in" may not be followed by a letter.
      `((?:[*_\\u00B7][iI]|[:/]-?i|\\/-I)nnen|(?:[*_\\u00B7][iI]|[:/]-?i)n(?!${W_ALTERNATIVES})` +
        // Slash endings (jede/r, Befristung/en) and parenthesised ones (Lehrer(innen), Wert(e)).
        `|\\/(?:er|en|e|n|r|s)(?!${W_ALTERNATIVES})|\\((?:innen|in|en|e|n|r|s)\\))`,
      '[^]',
    ].join('|'),
    'uy',
  );
  return LEXEME;
}
let LEXEME: RegExp | undefined;

/** Characters that join word parts: hyphens, apostrophes, the soft hyphen. */
const CONNECTORS = /[-\u2010\u2011'\u2019\u02BC\u00B4`\u2018\u00AD]/g;

/** Binnen-I at the end of a word or before a lowercase continuation: SchülerInnen, BürgerInnenbeteiligung. */
const BINNEN_I = /(?<=\p{Ll})(?:Innen|In(?!\p{Ll}))/gu;
/** Camel-case words that end in a real "In" and are not gender forms. */
const CAMEL_IN = new Set([
  'linkedin',
  'checkin',
  'login',
  'plugin',
  'signin',
  'optin',
  'addin',
  'walkin',
  'drivein',
  'teachin',
  'sitin',
  'builtin',
]);
/** Characters that join two word parts into a compound. */
const HYPHENS = new Set(['-', '\u2010', '\u2011']);
/** Characters used as apostrophes between letters (geht's, geht’s, geht´s). */
const APOSTROPHES = new Set(["'", '\u2019', '\u02BC', '\u00B4', '`', '\u2018']);
/** Soft hyphen: invisible, joins without a trace. */
const SOFT_HYPHEN = '\u00AD';
/** A word run starts here. */
const WORD_START = /[\p{L}\p{N}]/uy;
/** A letter anywhere. */
const HAS_LETTER = /\p{L}/u;
/** Numbers with a short suffix, and ranges: 1990er, 20ern, 3x, 2fach, 5mal, 2-5-10. */
const NUMBERISH =
  /^[\p{N}-]*\p{N}(?:er|ern|ers|x|mal|fach|te|ten|ter|tes|ste|sten|ster|stel|h|min|std|mio|mrd|km|kg|€)?$/u;
/** Variation selectors and the keycap mark: emoji residue that may follow a letter. */
const EMOJI_MARKS = /[\uFE00-\uFE0F\u20E3]/gu;
/** Top-level domains that make a dotted word a host name to drop. */
const TLDS = new Set(
  'de at ch li lu com org net eu info io edu gov app online digital berlin nrw hamburg bayern ruhr ai uk fr nl tv ly'.split(' '),
);
const HOST_PART = /^[\p{L}\p{N}-]+$/u;
/** Lexeme kinds. */
const SPACE = 0;
const WORD = 1;
const SUFFIX = 2;
const ABBREVIATION = 3;
const URL = 4;
const OTHER = 5;
/** Character classes of {@link characterClass}. */
const UNKNOWN = 0;
const LETTER = 1;
const NUMBER = 2;
const SEPARATOR = 3;
/** Size of the character-class table: ASCII, Latin-1, Latin Extended-A and -B. */
const CLASS_TABLE_SIZE = 0x250;
/** See {@link characterClass}; built on first use. */
let CLASSES: Uint8Array | undefined;

/**
 * The lexer's view of the characters German text is mostly made of, so that
 * plain words and punctuation need no regular expression (tests/tokenize.test.ts
 * checks the table against `\p{L}`, `\p{N}` and `\s`):
 *
 * - LETTER / NUMBER: `\p{L}` / `\p{N}` (a word may start here);
 * - SEPARATOR: a character that can only be an "other" lexeme of its own
 *   (no letter, digit, mark, whitespace or suffix start `* _ : / ( ·`);
 * - UNKNOWN: everything else, and every character at or above the table's
 *   end: the lexer's regular expression decides.
 */
function characterClasses(): Uint8Array {
  const table = new Uint8Array(CLASS_TABLE_SIZE);
  table.fill(SEPARATOR, 0, 0x80);
  table.fill(SEPARATOR, 0x80, 0xc0);
  table.fill(LETTER, 0x41, 0x5b);
  table.fill(LETTER, 0x61, 0x7b);
  table.fill(NUMBER, 0x30, 0x3a);
  table.fill(LETTER, 0xc0, CLASS_TABLE_SIZE); // Latin-1 letters, Latin Extended-A and -B
  table[0xd7] = SEPARATOR; // ×
  table[0xf7] = SEPARATOR; // ÷
  for (const code of [0xaa, 0xb5, 0xba]) table[code] = LETTER; // ª µ º
  for (const code of [0xb2, 0xb3, 0xb9, 0xbc, 0xbd, 0xbe]) table[code] = NUMBER; // ² ³ ¹ ¼ ½ ¾
  // Whitespace and suffix starts: the regular expression decides.
  for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x2a, 0x5f, 0x3a, 0x2f, 0x28, 0xb7]) table[code] = UNKNOWN;
  CLASSES = table;
  return table;
}

/** @internal For the tests: the class {@link tokenizeGerman} gives a UTF-16 code unit. */
export function characterClass(code: number): number {
  const classes = CLASSES ?? characterClasses();
  return code < CLASS_TABLE_SIZE ? (classes[code] as number) : UNKNOWN;
}

/**
 * Longest first part (before the first dot) of a known abbreviation: a word
 * followed by a dot can only start an abbreviation if it is not longer.
 */
const ABBREVIATION_HEAD = Math.max(3, ...GERMAN_ABBREVIATIONS.map((a) => a.norm.indexOf('.')));

/**
 * What a run of letters before a dot must be, lowercased, for the lexer to
 * begin an abbreviation or a URL there: the first part of a known
 * abbreviation (`z`, `usw`, `insbes`), or `www`. The lexer matches each of
 * their letters in either case, and those letters lowercase to themselves.
 */
const DOT_HEADS = new Set([...GERMAN_ABBREVIATIONS.map((a) => a.norm.slice(0, a.norm.indexOf('.'))), 'www']);

/** Whether the run `text[pos, end)`, followed by a dot, may begin an abbreviation or URL (else it is a word of its own). */
function mayStartAbbreviation(text: string, pos: number, end: number): boolean {
  return end - pos <= ABBREVIATION_HEAD && DOT_HEADS.has(text.slice(pos, end).toLowerCase());
}

/** Whether the run `text[pos, end)`, followed by a colon, may begin a URL: `http` or `https` in any case. */
function mayStartUrl(text: string, pos: number, end: number): boolean {
  const length = end - pos;
  if (length !== 4 && length !== 5) return false;
  const run = text.slice(pos, end).toLowerCase();
  return run === 'http' || run === 'https';
}

/**
 * Where the word lexeme starting at `pos` ends, when it is a plain run of
 * letters and digits from the class table that the lexer's regular
 * expression would match as a word of its own; -1 when the expression must
 * decide (a character outside the table, a connector, or a dot or colon
 * after a run that may begin an abbreviation or URL: `z.`, `usw.`, `www.`, `https:`).
 */
function plainWordEnd(text: string, pos: number, classes: Uint8Array): number {
  const n = text.length;
  let end = pos + 1;
  while (end < n) {
    const code = text.charCodeAt(end);
    if (code >= CLASS_TABLE_SIZE) return -1;
    const kind = classes[code];
    if (kind === LETTER || kind === NUMBER) {
      end++;
      continue;
    }
    if (isConnectorCode(code)) return -1;
    if ((code === 0x2e && mayStartAbbreviation(text, pos, end)) || (code === 0x3a && mayStartUrl(text, pos, end))) return -1;
    return end;
  }
  return end;
}

/**
 * @internal For the tests: where the fast path cuts a plain word starting at
 * `pos` (-1: the lexer expression decides), and what the expression matches
 * there (its end, and whether it is a word lexeme).
 */
export function lexemeAt(text: string, pos: number): { plainEnd: number; end: number; word: boolean } {
  const classes = CLASSES ?? characterClasses();
  const code = text.charCodeAt(pos);
  const plainEnd =
    code < CLASS_TABLE_SIZE && (classes[code] === LETTER || classes[code] === NUMBER) ? plainWordEnd(text, pos, classes) : -1;
  const lex = lexer();
  lex.lastIndex = pos;
  const m = lex.exec(text);
  return { plainEnd, end: lex.lastIndex, word: m?.[4] !== undefined };
}

/** Whether a word lexeme has a hyphen, an apostrophe or a soft hyphen in it. */
function hasConnector(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isConnectorCode(word.charCodeAt(i))) return true;
  return false;
}

/** Hyphens, apostrophes and the soft hyphen: what may continue a word lexeme. */
function isConnectorCode(code: number): boolean {
  return (
    code === 0x2d ||
    code === 0x27 ||
    code === 0x60 ||
    code === 0xad ||
    code === 0xb4 ||
    code === 0x2bc ||
    code === 0x2010 ||
    code === 0x2011 ||
    code === 0x2018 ||
    code === 0x2019
  );
}
/** The next whitespace character. */
const WHITESPACE_AHEAD = /\s/g;
/** The norm starts with a letter (so it is no number). */
const LETTER_START = /^\p{L}/u;

/**
 * The tokens of one {@link scanGerman}, as ranges of the scanned text:
 * token `i` has the surface `text.slice(start[i], end[i])` and the norm
 * `norm[i]`, or, where `norm[i]` is `undefined`, it is a plain word (one
 * word lexeme without hyphens or apostrophes) whose norm
 * {@link plainWordNorm} gives (`null`: no word, e.g. a number). Plain words
 * are most tokens; leaving them as ranges lets a caller look them up without
 * making a string or an object per token.
 *
 * @internal
 */
export interface TokenRanges {
  /** Tokens of the last scan. */
  count: number;
  start: Int32Array;
  end: Int32Array;
  norm: Array<string | undefined>;
}

/** @internal Empty {@link TokenRanges}, to be reused from scan to scan (the buffers grow as needed). */
export function newTokenRanges(): TokenRanges {
  return { count: 0, start: new Int32Array(64), end: new Int32Array(64), norm: [] };
}

/** Appends one token to `out`. */
function addRange(out: TokenRanges, start: number, end: number, norm: string | undefined): void {
  const i = out.count;
  if (i === out.start.length) {
    const grown = new Int32Array(2 * i);
    grown.set(out.start);
    out.start = grown;
    const grownEnd = new Int32Array(2 * i);
    grownEnd.set(out.end);
    out.end = grownEnd;
  }
  out.start[i] = start;
  out.end[i] = end;
  out.norm[i] = norm;
  out.count = i + 1;
}

/**
 * Cuts one normalised German note into word tokens.
 *
 * @param text - The note text, normalised (NFC, single spaces; see `normalizeText`).
 * @returns The tokens in reading order; URLs, e-mail addresses, numbers and
 *   punctuation are not among them.
 *
 * @example
 * ```ts
 * tokenizeGerman('Akteur*innen z. B. im E-Learning (www.example.de), 2021');
 * // [ { surface: 'Akteur*innen', norm: 'akteur' },
 * //   { surface: 'z. B.', norm: 'z.b.' },
 * //   { surface: 'im', norm: 'im' },
 * //   { surface: 'E-Learning', norm: 'e-learning' } ]
 * ```
 */
export function tokenizeGerman(text: string): Token[] {
  const ranges = TOKENIZE_RANGES;
  scanGerman(text, ranges);
  const tokens: Token[] = [];
  for (let i = 0; i < ranges.count; i++) {
    const surface = text.slice(ranges.start[i], ranges.end[i]);
    const norm = ranges.norm[i] ?? plainWordNorm(surface);
    if (norm !== null) tokens.push({ surface, norm });
  }
  return tokens;
}
/** The buffers of {@link tokenizeGerman} (read out before the next scan: nothing in between tokenizes). */
const TOKENIZE_RANGES = newTokenRanges();

/**
 * The tokenizer's scan: cuts one normalised German note into tokens and
 * writes them to `out` (see {@link TokenRanges}). {@link tokenizeGerman}
 * makes them `Token` objects; `extractTerms` looks plain words up by their range.
 *
 * @param text - The note text, normalised (NFC, single spaces; see `normalizeText`).
 * @param out - Receives the tokens (its previous contents are dropped).
 *
 * @internal
 */
export function scanGerman(text: string, out: TokenRanges): void {
  out.count = 0;
  const n = text.length;
  // The token being built: [start, end) in `text`; its norm so far, or
  // `undefined` while it is one plain lexeme [start, firstEnd) not yet
  // sliced (most tokens, which then never need a string of their own here);
  // whether its last part is a suffix; a connector waiting for the next word.
  let start = -1;
  let end = 0;
  let firstEnd = 0;
  let norm: string | undefined = '';
  let afterSuffix = false;
  let pending: string | null = null;
  // The current whitespace-delimited chunk, for the e-mail/host-name check.
  let chunkStart = 0;
  let chunkTokens = 0;
  let chunkChecked = false;
  let pos = 0;
  const classes = CLASSES ?? characterClasses();

  while (pos < n) {
    const code = text.charCodeAt(pos);
    let kind: number;
    // The lexeme's text; not made for a plain word (the fast path below).
    let lexeme = '';
    // A plain word of the class table ends here (-1: not one, or the expression must decide).
    const plainEnd =
      code < CLASS_TABLE_SIZE && (classes[code] === LETTER || classes[code] === NUMBER) ? plainWordEnd(text, pos, classes) : -1;
    let next: number;
    if (code === 0x20) {
      // Fast path: the single space of normalised text.
      kind = SPACE;
      lexeme = ' ';
      next = pos + 1;
    } else if (code < CLASS_TABLE_SIZE && classes[code] === SEPARATOR) {
      // Fast path: punctuation that starts no lexeme of its own.
      kind = OTHER;
      lexeme = text.charAt(pos);
      next = pos + 1;
    } else if (plainEnd >= 0) {
      // Fast path: a plain word.
      kind = WORD;
      next = plainEnd;
    } else {
      const lex = lexer();
      lex.lastIndex = pos;
      const m = lex.exec(text);
      /* c8 ignore next */
      if (m === null) break; // unreachable: the last alternative matches any character
      next = lex.lastIndex;
      lexeme = m[0];
      kind =
        m[4] !== undefined
          ? WORD
          : m[5] !== undefined
            ? SUFFIX
            : m[1] !== undefined
              ? SPACE
              : m[2] !== undefined
                ? ABBREVIATION
                : m[3] !== undefined
                  ? URL
                  : OTHER;
    }

    if (kind === WORD) {
      // A word, possibly with inner hyphens and apostrophes (not if it came by the fast path).
      if (start >= 0 && (pending !== null || afterSuffix)) {
        const word = plainEnd >= 0 ? stripBinnenI(text.slice(pos, plainEnd)) : wordNorm(lexeme);
        norm = (norm ?? stripBinnenI(text.slice(start, firstEnd))) + (pending ?? '') + word;
        if (norm.length > MAX_TOKEN_LENGTH) norm = norm.slice(0, MAX_TOKEN_LENGTH + 1);
        pending = null;
      } else {
        if (start >= 0) start = endToken(out, text, start, end, firstEnd, norm);
        start = pos;
        firstEnd = next;
        // A word without connectors (from the fast path or not) has the norm of a plain word.
        norm = plainEnd >= 0 || !hasConnector(lexeme) ? undefined : wordNorm(lexeme);
        pending = null;
      }
      end = next;
      afterSuffix = false;
    } else if (kind === SUFFIX) {
      // A gender or ending suffix: attach to a word, else skip its first character.
      if (start >= 0 && pending === null && !afterSuffix) {
        end = next;
        afterSuffix = true;
      } else {
        if (start >= 0) start = endToken(out, text, start, end, firstEnd, norm);
        pos += 1;
        continue;
      }
    } else if (kind === SPACE) {
      if (start >= 0) start = endToken(out, text, start, end, firstEnd, norm);
      chunkStart = next;
      chunkTokens = out.count;
      chunkChecked = false;
    } else if (kind === ABBREVIATION) {
      if (start >= 0) start = endToken(out, text, start, end, firstEnd, norm);
      addRange(out, pos, next, abbreviationNorm(lexeme));
    } else if (kind === URL) {
      if (start >= 0) start = endToken(out, text, start, end, firstEnd, norm);
    } else {
      // One other character: a connector after a suffix, or a separator.
      if ((lexeme === '.' || lexeme === '@') && !chunkChecked && startsWord(text, next)) {
        // A dot or @ inside a chunk: is the whole chunk an address? Checked once per chunk.
        chunkChecked = true;
        WHITESPACE_AHEAD.lastIndex = next;
        const chunkEnd = WHITESPACE_AHEAD.exec(text)?.index ?? n;
        if (isAddress(text.slice(chunkStart, chunkEnd))) {
          start = -1;
          out.count = chunkTokens;
          pos = chunkEnd;
          continue;
        }
      }
      if (start >= 0 && pending === null && isConnector(lexeme) && startsWord(text, next)) {
        pending = connectorNorm(lexeme);
      } else if (start >= 0) {
        start = endToken(out, text, start, end, firstEnd, norm);
      }
    }
    pos = next;
  }
  if (start >= 0) start = endToken(out, text, start, end, firstEnd, norm);
}

/**
 * Ends the token `text[start, end)`: adds it to `out` if it is a word (a
 * plain word of one lexeme as a range, for the caller to judge). `norm` is
 * its raw norm, or `undefined` for the plain lexeme `text[start, firstEnd)`.
 * Returns -1 (no token being built).
 */
function endToken(out: TokenRanges, text: string, start: number, end: number, firstEnd: number, norm: string | undefined): number {
  if (norm === undefined) {
    if (end === firstEnd) {
      addRange(out, start, end, undefined);
      return -1;
    }
    // A plain word with a suffix (Akteur*innen): its norm is the word's.
    norm = stripBinnenI(text.slice(start, firstEnd));
  }
  const finished = finishNorm(norm);
  if (finished !== null) addRange(out, start, end, finished);
  return -1;
}

/**
 * The norm of a token that is a plain word (one word lexeme without hyphens
 * or apostrophes), or `null` when it is no word (a number, too long). It
 * depends on the surface alone.
 *
 * @internal
 */
export function plainWordNorm(lexeme: string): string | null {
  return finishNorm(stripBinnenI(lexeme));
}

/** The final norm of a token from its raw norm, or `null` when the token is not a word. */
function finishNorm(rawNorm: string): string | null {
  if (rawNorm.length > MAX_TOKEN_LENGTH) return null;
  // Text below U+0250 (letters with ccc 0, no decomposition to undo) is in NFC and has no emoji marks.
  // Such text without a character that lowercasing changes is its own lowercase (most words of a
  // text): no new string. Otherwise lowercase, and check again (İ becomes i + U+0307).
  const lower = isLowerBelowIpa(rawNorm);
  let norm = lower ? rawNorm : rawNorm.toLowerCase();
  if (!lower && !isBelowIpa(norm)) norm = norm.replace(EMOJI_MARKS, '').normalize('NFC');
  const last = norm.length - 2;
  if (last >= 0 && norm.charCodeAt(last) === 0x27 && norm.charCodeAt(last + 1) === 0x73) norm = norm.slice(0, last);
  if (norm === '') return null;
  // A word run starts with a letter or a digit; only the latter can be a number.
  const first = norm.charCodeAt(0);
  const letterFirst = first < CLASS_TABLE_SIZE ? characterClass(first) === LETTER : LETTER_START.test(norm);
  if (!letterFirst && (!HAS_LETTER.test(norm) || NUMBERISH.test(norm))) return null;
  return norm;
}

/** Characters below U+0250 that `toLowerCase` changes (1), built on first use. */
let CASED: Uint8Array | undefined;

function casedCharacters(): Uint8Array {
  const table = new Uint8Array(CLASS_TABLE_SIZE);
  for (let code = 0; code < CLASS_TABLE_SIZE; code++) {
    const ch = String.fromCharCode(code);
    if (ch.toLowerCase() !== ch) table[code] = 1;
  }
  CASED = table;
  return table;
}

/**
 * Whether every character is below U+0250 and none is changed by
 * `toLowerCase` (which maps these characters one by one: the string is then
 * its own lowercase).
 */
function isLowerBelowIpa(s: string): boolean {
  const cased = CASED ?? casedCharacters();
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= CLASS_TABLE_SIZE || cased[code] === 1) return false;
  }
  return true;
}

/** Whether every character is below U+0250 (ASCII, Latin-1, Latin Extended-A and -B). */
function isBelowIpa(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= CLASS_TABLE_SIZE) return false;
  return true;
}

/** The raw norm of a word lexeme: connectors unified, Binnen-I removed per compound part. */
function wordNorm(word: string): string {
  if (word.length < 2) return word;
  CONNECTORS.lastIndex = 0;
  if (!CONNECTORS.test(word)) return stripBinnenI(word);
  // Far too long to be a word: finishToken drops it, no need to look inside.
  if (word.length > 4 * MAX_TOKEN_LENGTH) return word;
  return word.replace(CONNECTORS, connectorNorm).split('-').map(stripBinnenI).join('-');
}

/** Removes a Binnen-I gender suffix from one word run (keeps LinkedIn & co.). */
function stripBinnenI(word: string): string {
  if (!word.includes('In')) return word;
  if (CAMEL_IN.has(word.toLowerCase())) return word;
  return word.replace(BINNEN_I, '');
}

/** The canonical norm of a matched abbreviation: lowercase, no spaces, final dot. */
function abbreviationNorm(surface: string): string {
  const compact = surface.toLowerCase().replace(/[ \u00A0\u202F]/g, '');
  return compact.endsWith('.') ? compact : `${compact}.`;
}

function isConnector(ch: string): boolean {
  return HYPHENS.has(ch) || APOSTROPHES.has(ch) || ch === SOFT_HYPHEN;
}

/** How a connector appears in the norm: one ASCII hyphen or apostrophe; a soft hyphen vanishes. */
function connectorNorm(ch: string): string {
  if (ch === SOFT_HYPHEN) return '';
  return HYPHENS.has(ch) ? '-' : "'";
}

function startsWord(text: string, at: number): boolean {
  WORD_START.lastIndex = at;
  return WORD_START.test(text);
}

/**
 * Whether a whitespace-delimited chunk is an e-mail address or a host name
 * (`info@example.de`, `example.de/path`), surrounding punctuation ignored.
 * URLs with a scheme or `www.` are caught by the lexer.
 */
function isAddress(chunk: string): boolean {
  if (!chunk.includes('.')) return false;
  let start = 0;
  let end = chunk.length;
  while (start < end && !isWordChar(chunk, start)) start++;
  while (end > start && !isWordChar(chunk, end - 1)) end--;
  const core = chunk.slice(start, end);
  const at = core.indexOf('@');
  if (at > 0) return core.indexOf('.', at + 2) > at + 1;
  let hostEnd = core.length;
  for (const stop of ['/', '?', '#', ':']) {
    const i = core.indexOf(stop);
    if (i >= 0 && i < hostEnd) hostEnd = i;
  }
  const parts = core.slice(0, hostEnd).split('.');
  if (parts.length < 2) return false;
  const tld = (parts[parts.length - 1] ?? '').toLowerCase();
  return TLDS.has(tld) && parts.every((p) => HOST_PART.test(p));
}

function isWordChar(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  if (code < 0x80) return false;
  return /[\p{L}\p{N}]/u.test(String.fromCodePoint(s.codePointAt(i) ?? code));
}
