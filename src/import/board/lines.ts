/**
 * The lines of a board export: raw text split at line feeds, with the
 * facts every later step needs (hard breaks, folded text, widths).
 */

import { foldWhitespace } from '../../normalize';
import { visualWidth } from './width';

/** One non-empty line of the input. */
export interface BoardLine {
  /** 1-based line number in the input. */
  no: number;
  /** The line as written (without the line feed). */
  raw: string;
  /** Whitespace folded, trimmed. */
  text: string;
  /** The writer typed a break here: the line ends with a no-break space or U+2028. */
  hardEnd: boolean;
  /** The line starts with a typed break (U+2028) or no-break space. */
  hardStart: boolean;
  /** Visual width of `text`. */
  width: number;
  /** Visual width of the first word. */
  firstWordWidth: number;
}

const HARD_END = /[\u00A0\u2028\u2029][\s\u00A0\u2028\u2029]*$/u;
const HARD_START = /^[\u00A0\u2028\u2029]/u;

/**
 * Splits board text into its non-empty lines. Only `\n`, `\r\n` and `\r`
 * end a line; U+2028 inside a line is kept as a typed break.
 *
 * @example
 * ```ts
 * readLines('a\n\nb').map((l) => l.no); // [1, 3]
 * ```
 */
export function readLines(input: string): BoardLine[] {
  const out: BoardLine[] = [];
  const raws = input.split(/\r\n|\n|\r/);
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i] ?? '';
    const text = foldWhitespace(raw.normalize('NFC'));
    if (text === '') continue;
    const first = text.split(' ', 1)[0] ?? '';
    out.push({
      no: i + 1,
      raw,
      text,
      hardEnd: HARD_END.test(raw),
      hardStart: HARD_START.test(raw),
      width: visualWidth(text),
      firstWordWidth: visualWidth(first),
    });
  }
  return out;
}
