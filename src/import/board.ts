/**
 * Board import: rebuilds sticky notes from the text export of a whiteboard
 * (PDF-to-text), where every visual line of a note stands on its own line
 * and nothing marks where a note ends. See docs/board-import.md.
 */

import { ThemenfinderError, describeValue } from '../errors';
import { joinLines } from '../normalize';
import { classifySegments } from './board/classify';
import { readLines } from './board/lines';
import { assignMetadata } from './board/metadata';
import { segmentLines } from './board/segment';

/** One rebuilt unit of a board: a sticky note or a piece of the organisers' furniture. */
export interface BoardUnit {
  /** "1", "2", … in reading order over all units, headings included. */
  id: string;
  /** The unit's lines joined (line-end hyphens rejoined, whitespace folded). */
  text: string;
  /** `note` for participants' notes, `heading` for group names, column labels, titles, prompts, imprint. */
  kind: 'note' | 'heading';
  /** 1-based line number of the unit's first line in the input. */
  start: number;
  /** 1-based line number of the unit's last line in the input. */
  end: number;
  /** The section title the unit sits under ("Was ist?"). */
  section?: string;
  /** The working group ("Gruppe 1: Daten"). */
  group?: string;
  /** The column, when one single column label heads the unit ("Utopie"). */
  column?: string;
}

/** Options of {@link parseBoard}. */
export interface ParseBoardOptions {
  /** Extra patterns: a line matching one of them is a heading (e.g. `/^Runde \d+$/`). */
  headings?: readonly RegExp[];
}

const KNOWN_OPTIONS = new Set(['headings']);

function checkOptions(options: ParseBoardOptions): RegExp[] {
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) {
      throw new ThemenfinderError('BAD_OPTION', `parseBoard: unknown option "${key}". Known options: headings.`, {
        option: key,
      });
    }
  }
  const headings = options.headings ?? [];
  if (!Array.isArray(headings) || !headings.every((h) => h instanceof RegExp)) {
    throw new ThemenfinderError(
      'BAD_OPTION',
      `parseBoard: option "headings" must be an array of regular expressions, got ${describeValue(headings)}.`,
      { option: 'headings', value: headings },
    );
  }
  // a global or sticky flag would make RegExp#test stateful; drop it
  return headings.map((h) => (h.global || h.sticky ? new RegExp(h.source, h.flags.replace(/[gy]/gu, '')) : h));
}

/**
 * Rebuilds the sticky notes of a whiteboard text export.
 *
 * Every non-empty input line ends up in exactly one unit. Lines are joined
 * into notes by a small scoring model (lowercase starts, line-end hyphens,
 * commas and function words, typed breaks, the wrap width of the note);
 * group names, column labels, section titles, prompts and the imprint
 * become `heading` units, and notes inherit `section`, `group` and `column`.
 * Pure and linear in the input length.
 *
 * @param text - The board text (lines separated by `\n`, `\r\n` or `\r`).
 * @param options - See {@link ParseBoardOptions}.
 * @returns The units in reading order.
 * @throws ThemenfinderError `BAD_OPTION` for an unknown option or a bad `headings` value.
 *
 * @example
 * ```ts
 * const units = parseBoard('Gruppe 1: Daten\n\nBildungs-\n\nmonitoring\n\nstärken\n\nKurze Wege\n');
 * // [{ id: '1', kind: 'heading', text: 'Gruppe 1: Daten', start: 1, end: 1, group: 'Gruppe 1: Daten' },
 * //  { id: '2', kind: 'note', text: 'Bildungsmonitoring stärken', start: 3, end: 7, group: 'Gruppe 1: Daten' },
 * //  { id: '3', kind: 'note', text: 'Kurze Wege', start: 9, end: 9, group: 'Gruppe 1: Daten' }]
 * ```
 */
export function parseBoard(text: string, options: ParseBoardOptions = {}): BoardUnit[] {
  if (typeof text !== 'string') {
    throw new ThemenfinderError('BAD_OPTION', `parseBoard: expected the board text as a string, got ${describeValue(text)}.`, {
      value: text,
    });
  }
  const extra = checkOptions(options);
  const lines = readLines(text);
  const segments = classifySegments(
    segmentLines(lines, extra).map((s) => ({ ...s, text: joinLines(s.lines.map((l) => l.raw)) })),
  );
  const meta = assignMetadata(segments.map((s) => ({ text: s.text, role: s.role, lineCount: s.lines.length })));
  return segments.map((s, i) => {
    const m = meta[i]!;
    const unit: BoardUnit = {
      id: String(i + 1),
      text: s.text,
      kind: s.role !== undefined || m.role !== undefined ? 'heading' : 'note',
      start: s.lines[0]!.no,
      end: s.lines[s.lines.length - 1]!.no,
    };
    if (m.section !== undefined) unit.section = m.section;
    if (m.group !== undefined) unit.group = m.group;
    if (m.column !== undefined) unit.column = m.column;
    return unit;
  });
}
