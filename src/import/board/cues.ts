/**
 * The cues that decide whether a line continues the note above it, and
 * their weights. A positive score means "same note", a negative one "new
 * note". See docs/board-import.md for the reasoning behind each weight.
 */

import type { BoardLine } from './lines';
import { ABBREVIATIONS, AUXILIARIES, CONTINUING_WORDS, PARTICLES } from './lexicon';
import { SPACE_WIDTH } from './width';

/** Weights of the cues (log-odds-like, summed). */
export const WEIGHTS = {
  /** Next line starts with a lowercase letter. */
  lowerStart: 3,
  /** Next line starts with a capital letter (German nouns are capitalised, so weak). */
  upperStart: -0.5,
  /** Next line starts with an opening bracket. */
  bracketStart: 1,
  /** Next line starts with a joining symbol: / - – & + > … */
  symbolStart: 2,
  /** Line ends with letter + hyphen (word broken at the line end). */
  hyphenEnd: 4,
  /** Line ends with a joining symbol: " -", "/", "&", "+", "=>". */
  symbolEnd: 3,
  /** Line ends with a comma. */
  commaEnd: 2,
  /** Line ends with a semicolon. */
  semicolonEnd: 1.5,
  /** Line ends with a colon. */
  colonEnd: 2.5,
  /** Line ends with sentence punctuation . ! ? (not an abbreviation). */
  sentenceEnd: -2,
  /** Last word is an article, preposition or conjunction. */
  functionWordEnd: 4,
  /** Last word is a particle that rarely ends a note ("auch", "sehr", "viel"). */
  particleEnd: 2,
  /** Last word is an auxiliary after a subject ("Bildungskette ist"). */
  auxiliaryEnd: 2,
  /** Last word is an auxiliary after a participle ("abgesagt werden"): a verb-final clause ends. */
  verbFinalEnd: -0.5,
  /** Last word looks like an inflected attributive adjective ("technische", "Fehlende", "Zentraler"). */
  adjectiveEnd: 2,
  /** Last word is a lowercase word in -er (comparative or adjective). */
  comparativeEnd: 1,
  /** Line ends with an abbreviation ("insb.", "z.B."). */
  abbreviationEnd: 1,
  /** A bracket or quote of the note is still open. */
  openBracket: 3,
  /** Last word is another lowercase word (adverb, participle, predicative adjective). */
  lowerWordEnd: 0,
  /** Last word is capitalised (a noun): notes often end on one. */
  nounEnd: -1,
  /** The writer typed a break at the end of the line. */
  hardEnd: -1.5,
  /** The next line begins with a typed break. */
  hardStart: -1,
  /** The first word of the next line would have fitted on this line. */
  wouldFit: -3,
  /** The first word of the next line clearly did not fit: a wrap. */
  forcedWrap: 0.5,
  /** The next line is wider than an earlier wrap of the note allows: another box. */
  widthChange: -2,
  /** The line is a lone glyph (one letter or symbol): an icon, not a note. */
  glyph: 5,
} as const;

/** The part of the note built so far that the width cue needs. */
export interface NoteShape {
  /** Widest line so far. */
  maxWidth: number;
  /** Smallest "line + space + first word of the next line" over the wraps so far (Infinity if none). */
  minWrap: number;
  /** Lines so far. */
  lineCount: number;
  /** Brackets and quotes opened and not yet closed. */
  open: number;
}

/** The shape of a note that starts with `line`. */
export function startShape(line: BoardLine): NoteShape {
  return { maxWidth: line.width, minWrap: Number.POSITIVE_INFINITY, lineCount: 1, open: openCount(line.text) };
}

/** Adds line `b` to the note whose last line is `a`. */
export function extendShape(shape: NoteShape, a: BoardLine, b: BoardLine): NoteShape {
  return {
    maxWidth: Math.max(shape.maxWidth, b.width),
    minWrap: a.hardEnd ? shape.minWrap : Math.min(shape.minWrap, a.width + SPACE_WIDTH + b.firstWordWidth),
    lineCount: shape.lineCount + 1,
    open: Math.max(0, shape.open + openCount(b.text)),
  };
}

/** Opening minus closing brackets and German quotes in a line. */
function openCount(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '„' || ch === '[') n++;
    else if (ch === ')' || ch === '“' || ch === ']') n--;
  }
  return n;
}

/** Tolerance of the width model, in letter widths (proportional fonts differ). */
const SLACK = 0.75;

const LAST_WORD = /(\S+)$/u;
/** Inflected adjective endings: -isch/-lich/-ig/-end/-iert/-ell/-al/-iv/… + e/er/es/em. */
const ADJECTIVE =
  /(?:(?:isch|lich|ig|end|iert|ell|al|iv|sam|bar|haft|los|ut|iel|eu|cht|ht|et|re|en)(?:e|er|es|em)|(?:isch|lich|ig|end|iert|ell|al|iv|sam|bar|haft|er)en)$/u;

/**
 * Scores whether line `b` continues the note whose last line is `a`.
 *
 * @param a - The last line of the note so far.
 * @param b - The candidate next line.
 * @param shape - Width facts of the note so far.
 * @returns The summed cue weights; > 0 means continue.
 *
 * @example
 * ```ts
 * // 'Übergang Schule-' / 'Beruf steht jetzt im' → positive (broken word)
 * ```
 */
export function continuationScore(a: BoardLine, b: BoardLine, shape: NoteShape, why?: string[]): number {
  let s = 0;
  const add = (name: keyof typeof WEIGHTS) => {
    s += WEIGHTS[name];
    why?.push(name);
  };
  const at = a.text;
  const bt = b.text;
  const bFirst = bt.charAt(0);

  if (isGlyph(at)) {
    add('glyph');
    return s;
  }

  // --- start of the next line
  if (/\p{Ll}/u.test(bFirst)) add('lowerStart');
  else if (/\p{Lu}/u.test(bFirst)) add('upperStart');
  else if (bFirst === '(') add('bracketStart');
  else if (/[/\-–&+>…]/u.test(bFirst) || bt.startsWith('...')) add('symbolStart');

  // --- end of this line
  const lastWordRaw = (LAST_WORD.exec(at)?.[1] ?? '').replace(/^[(„"“»]+|[)"“”«]+$/gu, '');
  const lastWord = lastWordRaw.toLowerCase();
  if (/\p{L}-$/u.test(at)) add('hyphenEnd');
  else if (/(\s[-–]|\/|&|\+|=>|->|>)$/u.test(at)) add('symbolEnd');
  else if (at.endsWith(',')) add('commaEnd');
  else if (at.endsWith(';')) add('semicolonEnd');
  else if (at.endsWith(':')) add('colonEnd');
  else if (/[.!?…]["“”»)]?$/u.test(at)) {
    if (ABBREVIATIONS.has(lastWord) || /^\p{L}\.$/u.test(lastWord)) add('abbreviationEnd');
    else add('sentenceEnd');
  } else if (AUXILIARIES.has(lastWord)) {
    // "Bildungskette ist / umgesetzt" goes on; "… abgesagt werden" is a verb-final clause end
    const words = at.split(' ');
    const before = words.length >= 2 ? (words[words.length - 2] ?? '') : '';
    const verbFinal =
      (words.length === 1 && shape.lineCount > 1) ||
      (/^\p{Ll}/u.test(before) && !CONTINUING_WORDS.has(before.toLowerCase()));
    add(verbFinal ? 'verbFinalEnd' : 'auxiliaryEnd');
  } else if (CONTINUING_WORDS.has(lastWord)) add('functionWordEnd');
  else if (PARTICLES.has(lastWord) || lastWordRaw === 'Mehr' || lastWordRaw === 'Weniger') add('particleEnd');
  else if (ADJECTIVE.test(lastWordRaw) || /^\p{Ll}.*(?:e|es|em)$/u.test(lastWordRaw)) add('adjectiveEnd');
  else if (/^\p{Ll}.*er$/u.test(lastWordRaw)) add('comparativeEnd');
  else if (/^\p{Ll}/u.test(lastWordRaw)) add('lowerWordEnd');
  else if (/^\p{Lu}/u.test(lastWordRaw)) add('nounEnd');

  // --- an open bracket or quote must close first
  if (shape.open > 0) add('openBracket');

  // --- typed breaks
  if (a.hardEnd) add('hardEnd');
  if (b.hardStart) add('hardStart');

  // --- wrap width
  if (!a.hardEnd) {
    const wrapAt = a.width + SPACE_WIDTH + b.firstWordWidth;
    const width = Math.max(shape.maxWidth, b.width);
    if (wrapAt <= width - SLACK) add('wouldFit');
    else if (wrapAt > width + SLACK) add('forcedWrap');
  }
  if (b.width > shape.minWrap + SLACK) add('widthChange');
  return s;
}

/** A lone glyph such as an icon letter: "D", "A", "•". */
export function isGlyph(text: string): boolean {
  return text.length <= 1;
}
