/**
 * CISTEM, the German stemmer of Weissweiler & Fraser (2017), "Developing a
 * Stemmer for German Based on a Comparative Analysis of Publicly Available
 * Stemmers" (GSCL 2017). A port of the `stem` function of the reference
 * implementation (LeonieWeissweiler/CISTEM, `Cistem.py`), written from its
 * published description.
 *
 * Differences from the reference, none of which change the stem of a word
 * made of letters: the internal placeholders for "sch", "ei", "ie" and
 * doubled letters are private-use characters (U+E000–U+E003) instead of
 * `$ % & *`, so input that contains those symbols is not corrupted; lengths
 * count code points, as in Python.
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

const SCH = '\uE000';
const EI = '\uE001';
const IE = '\uE002';
const STAR = '\uE003';

const STRIP_GE = /^ge(.{4,})/u;
const DOUBLE = /(.)\1/gu;
const DOUBLE_BACK = /(.)\uE003/gu;
const UPPER_FIRST = /^\p{Uppercase}/u;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/g;

const CH_D = 0x64;
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
  const upper = UPPER_FIRST.test(word);
  const stripT = !upper || options?.caseInsensitive === true;

  let w = word.toLowerCase();
  if (/[üöäß]/.test(w)) w = w.replaceAll('ü', 'u').replaceAll('ö', 'o').replaceAll('ä', 'a').replaceAll('ß', 'ss');
  if (w.startsWith('ge')) w = w.replace(STRIP_GE, '$1');
  w = w.replaceAll('sch', SCH).replaceAll('ei', EI).replaceAll('ie', IE);
  w = w.replace(DOUBLE, `$1${STAR}`);

  // Lengths in code points: only BMP letters are stripped below, so the
  // number of astral characters stays the same.
  const astral = w.match(HIGH_SURROGATE)?.length ?? 0;
  let end = w.length;
  while (end - astral > 3) {
    const last = w.charCodeAt(end - 1);
    if (end - astral > 5) {
      const prev = w.charCodeAt(end - 2);
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
  if (end !== w.length) w = w.slice(0, end);

  if (w.includes(STAR)) w = w.replace(DOUBLE_BACK, '$1$1');
  if (w.includes(EI)) w = w.replaceAll(EI, 'ei');
  if (w.includes(IE)) w = w.replaceAll(IE, 'ie');
  if (w.includes(SCH)) w = w.replaceAll(SCH, 'sch');
  return w;
}
