/**
 * The Snowball German stemmer, current algorithm (Snowball 3.0.x,
 * `algorithms/german.sbl` as of April 2025): the 2023 merge of `german2`
 * (ae/oe/ue treated as umlauts), `-ln`/`-lns` → `-l`, `-erin`/`-erinnen`,
 * and `-et` removal with its exceptions (`tick`, `plan`, `geordn`, `intern`,
 * `tr`).
 *
 * Written by hand from the published algorithm; no regular expressions, one
 * left-to-right pass for the prelude, index arithmetic for the suffixes.
 * Verified against every line of snowball-data `german/voc.txt` →
 * `german/output.txt` (see tests/stem.test.ts).
 *
 * @module
 */

const CH_A = 0x61; // a
const CH_E = 0x65; // e
const CH_O = 0x6f; // o
const CH_Q = 0x71; // q
const CH_U = 0x75; // u
const CH_Y = 0x79; // y
const CH_SZ = 0xdf; // ß
const CH_AE = 0xe4; // ä
const CH_OE = 0xf6; // ö
const CH_UE = 0xfc; // ü
const CH_BIG_U = 0x55; // U (marked consonantal u)
const CH_BIG_Y = 0x59; // Y (marked consonantal y)

/** `v`: a e i o u y ä ö ü. */
function isVowel(c: number): boolean {
  switch (c) {
    case 0x61:
    case 0x65:
    case 0x69:
    case 0x6f:
    case 0x75:
    case 0x79:
    case 0xe4:
    case 0xf6:
    case 0xfc:
      return true;
    default:
      return false;
  }
}

/** `s_ending`: b d f g h k l m n r t. */
function isSEnding(c: number): boolean {
  return c === 0x72 || isStEnding(c);
}

/** `st_ending`: `s_ending` without r. */
function isStEnding(c: number): boolean {
  switch (c) {
    case 0x62: // b
    case 0x64: // d
    case 0x66: // f
    case 0x67: // g
    case 0x68: // h
    case 0x6b: // k
    case 0x6c: // l
    case 0x6d: // m
    case 0x6e: // n
    case 0x74: // t
      return true;
    default:
      return false;
  }
}

/** `et_ending`: d f g k l m n r s t U z ä. */
function isEtEnding(c: number): boolean {
  switch (c) {
    case 0x64:
    case 0x66:
    case 0x67:
    case 0x6b:
    case 0x6c:
    case 0x6d:
    case 0x6e:
    case 0x72:
    case 0x73:
    case 0x74:
    case CH_BIG_U:
    case 0x7a:
    case CH_AE:
      return true;
    default:
      return false;
  }
}

/** Words whose `-et` is part of the stem: "tick-et", "plan-et", "geordn-et", "intern-et", "tr-et". */
const ET_EXCEPTIONS = ['tick', 'plan', 'geordn', 'intern', 'tr'] as const;

/** True when `w[0..end)` ends with `suffix`. */
function endsAt(w: string, end: number, suffix: string): boolean {
  const start = end - suffix.length;
  return start >= 0 && w.startsWith(suffix, start);
}

/**
 * Prelude part 1: `u` and `y` between vowels become `U` and `Y` (treated as
 * consonants), scanning left to right so that a marked letter no longer
 * counts as a vowel for its right neighbour.
 */
function markConsonantalUY(w: string): string {
  const n = w.length;
  let out = '';
  let last = 0;
  let prevVowel = false;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    if (prevVowel && (c === CH_U || c === CH_Y) && i + 1 < n && isVowel(w.charCodeAt(i + 1))) {
      out += w.slice(last, i) + (c === CH_U ? 'U' : 'Y');
      last = i + 1;
      prevVowel = false;
      continue;
    }
    prevVowel = isVowel(c);
  }
  return last === 0 ? w : out + w.slice(last);
}

/** Prelude part 2: ß → ss, ae → ä, oe → ö, ue → ü (but "qu" is left alone). */
function foldUmlautSpellings(w: string): string {
  const n = w.length;
  let out = '';
  let last = 0;
  let i = 0;
  while (i < n) {
    const c = w.charCodeAt(i);
    if (c === CH_SZ) {
      out += `${w.slice(last, i)}ss`;
      i += 1;
      last = i;
    } else if (i + 1 < n && w.charCodeAt(i + 1) === CH_E && (c === CH_A || c === CH_O || c === CH_U)) {
      out += w.slice(last, i) + (c === CH_A ? 'ä' : c === CH_O ? 'ö' : 'ü');
      i += 2;
      last = i;
    } else if (c === CH_Q && i + 1 < n && w.charCodeAt(i + 1) === CH_U) {
      i += 2;
    } else {
      i += 1;
    }
  }
  return last === 0 ? w : out + w.slice(last);
}

/** Postlude: Y → y, U → u, ä → a, ö → o, ü → u. */
function postlude(w: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let r: string | undefined;
    if (c === CH_BIG_Y) r = 'y';
    else if (c === CH_BIG_U || c === CH_UE) r = 'u';
    else if (c === CH_AE) r = 'a';
    else if (c === CH_OE) r = 'o';
    if (r !== undefined) {
      out += w.slice(last, i) + r;
      last = i + 1;
    }
  }
  return last === 0 ? w : out + w.slice(last);
}

/**
 * Stems one lowercase German word with the current Snowball German
 * algorithm (Snowball 3.0.x; matches snowball-data `german/output.txt` of
 * April 2025 on all 35,033 words).
 *
 * Like every Snowball stemmer it expects lowercase input: uppercase `U` and
 * `Y` are the algorithm's internal markers. The result never contains
 * umlauts or ß (ä → a, ö → o, ü → u, ß → ss). Pure, no caches, never throws.
 *
 * @param word - One lowercase word.
 * @returns Its stem.
 *
 * @example
 * ```ts
 * snowballGerman('häuser'); // 'haus'
 * snowballGerman('mitarbeiterinnen'); // 'mitarbeit'
 * snowballGerman('internet'); // 'internet'
 * ```
 */
export function snowballGerman(word: string): string {
  const w = foldUmlautSpellings(markConsonantalUY(word));
  const n = w.length;

  // mark_regions: R1 starts after the first non-vowel that follows a vowel
  // (but not before position 3), R2 likewise inside R1.
  let p1 = n;
  let p2 = n;
  if (n >= 3) {
    let i = 0;
    while (i < n && !isVowel(w.charCodeAt(i))) i++;
    if (i < n) {
      i++;
      while (i < n && isVowel(w.charCodeAt(i))) i++;
      if (i < n) {
        i++;
        p1 = Math.max(i, 3);
        while (i < n && !isVowel(w.charCodeAt(i))) i++;
        if (i < n) {
          i++;
          while (i < n && isVowel(w.charCodeAt(i))) i++;
          if (i < n) p2 = i + 1;
        }
      }
    }
  }

  let end = n;

  // Step 1.
  {
    let len = 0;
    let action = 0;
    if (endsAt(w, end, 'erinnen')) [len, action] = [7, 2];
    else if (endsAt(w, end, 'erin')) [len, action] = [4, 2];
    else if (endsAt(w, end, 'lns')) [len, action] = [3, 5];
    else if (endsAt(w, end, 'ern')) [len, action] = [3, 2];
    else if (endsAt(w, end, 'em')) [len, action] = [2, 1];
    else if (endsAt(w, end, 'en')) [len, action] = [2, 3];
    else if (endsAt(w, end, 'ln')) [len, action] = [2, 5];
    else if (endsAt(w, end, 'er')) [len, action] = [2, 2];
    else if (endsAt(w, end, 'es')) [len, action] = [2, 3];
    else if (endsAt(w, end, 'e')) [len, action] = [1, 3];
    else if (endsAt(w, end, 's')) [len, action] = [1, 4];
    const bra = end - len;
    if (action !== 0 && bra >= p1) {
      switch (action) {
        case 1: // -em, but not in -system
          if (!endsAt(w, bra, 'syst')) end = bra;
          break;
        case 2: // -ern -er -erin -erinnen
          end = bra;
          break;
        case 3: // -e -en -es, then -niss → -nis
          end = bra;
          if (endsAt(w, end, 'niss')) end -= 1;
          break;
        case 4: // -s after an s-ending
          if (bra > 0 && isSEnding(w.charCodeAt(bra - 1))) end = bra;
          break;
        default: // -ln -lns → -l
          end = bra + 1;
      }
    }
  }

  // Step 2.
  {
    let len = 0;
    let action = 0;
    if (endsAt(w, end, 'est')) [len, action] = [3, 1];
    else if (endsAt(w, end, 'en') || endsAt(w, end, 'er')) [len, action] = [2, 1];
    else if (endsAt(w, end, 'et')) [len, action] = [2, 3];
    else if (endsAt(w, end, 'st')) [len, action] = [2, 2];
    const bra = end - len;
    if (action !== 0 && bra >= p1) {
      if (action === 1) {
        end = bra;
      } else if (action === 2) {
        // -st after an st-ending that has at least 3 letters before it.
        if (bra - 1 >= 3 && isStEnding(w.charCodeAt(bra - 1))) end = bra;
      } else if (bra > 0 && isEtEnding(w.charCodeAt(bra - 1))) {
        let exception = false;
        for (const ex of ET_EXCEPTIONS) {
          if (endsAt(w, bra, ex)) {
            exception = true;
            break;
          }
        }
        if (!exception) end = bra;
      }
    }
  }

  // Step 3 (derivational suffixes, in R2).
  {
    let len = 0;
    let action = 0;
    if (endsAt(w, end, 'lich') || endsAt(w, end, 'heit')) [len, action] = [4, 3];
    else if (endsAt(w, end, 'isch')) [len, action] = [4, 2];
    else if (endsAt(w, end, 'keit')) [len, action] = [4, 4];
    else if (endsAt(w, end, 'end') || endsAt(w, end, 'ung')) [len, action] = [3, 1];
    else if (endsAt(w, end, 'ig') || endsAt(w, end, 'ik')) [len, action] = [2, 2];
    const bra = end - len;
    if (action !== 0 && bra >= p2) {
      switch (action) {
        case 1: // -end -ung, then -ig (not after e, in R2)
          end = bra;
          if (endsAt(w, end, 'ig') && w.charCodeAt(end - 3) !== CH_E && end - 2 >= p2) end -= 2;
          break;
        case 2: // -ig -ik -isch, not after e
          if (w.charCodeAt(bra - 1) !== CH_E) end = bra;
          break;
        case 3: // -lich -heit, then -er/-en in R1
          end = bra;
          if ((endsAt(w, end, 'er') || endsAt(w, end, 'en')) && end - 2 >= p1) end -= 2;
          break;
        default: // -keit, then -lich/-ig in R2
          end = bra;
          if (endsAt(w, end, 'lich')) {
            if (end - 4 >= p2) end -= 4;
          } else if (endsAt(w, end, 'ig')) {
            if (end - 2 >= p2) end -= 2;
          }
      }
    }
  }

  return postlude(end === n ? w : w.slice(0, end));
}
