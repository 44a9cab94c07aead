/**
 * Segmentation: groups the non-empty lines of a board into units with one
 * left-to-right pass. Furniture lines force breaks; between ordinary lines
 * the summed cue score of {@link continuationScore} decides.
 */

import { joinLines } from '../../normalize';
import { continuationScore, extendShape, type NoteShape, startShape } from './cues';
import { type HeadingRole, isColumnLabelText, lineRole } from './furniture';
import type { BoardLine } from './lines';

/** A run of lines that form one unit, before classification. */
export interface Segment {
  lines: BoardLine[];
  /** Furniture role found on one of its lines, if any. */
  role?: HeadingRole;
}

/** Roles per line; labels broken over two lines ("Handlungs-" / "optionen") get the role on both. */
export function lineRoles(
  lines: readonly BoardLine[],
  extra: readonly RegExp[],
): { roles: (HeadingRole | undefined)[]; joinsNext: boolean[] } {
  const roles = lines.map((l) => lineRole(l.text, extra));
  const joinsNext: boolean[] = lines.map(() => false);
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (roles[i + 1] !== undefined && roles[i + 1] !== 'column') continue;
    if (/\p{L}-$/u.test(a.text) && isColumnLabelText(joinLines([labelTail(a.text), b.text]))) {
      roles[i] = 'column';
      roles[i + 1] = 'column';
      joinsNext[i] = true;
    }
  }
  return { roles, joinsNext };
}

/** The last word of a label line ("Stärken Schwächen Handlungs-" → "Handlungs-"), so only it is joined. */
function labelTail(text: string): string {
  const words = text.split(' ');
  const head = words.slice(0, -1).join(' ');
  if (head !== '' && !isColumnLabelText(head)) return text;
  return words[words.length - 1] ?? text;
}

/**
 * Splits lines into segments.
 *
 * @example
 * ```ts
 * segmentLines(readLines('Übergang Schule-\n\nBeruf'), []).length; // 1
 * ```
 */
export function segmentLines(lines: readonly BoardLine[], extra: readonly RegExp[]): Segment[] {
  const { roles, joinsNext } = lineRoles(lines, extra);
  const out: Segment[] = [];
  let cur: BoardLine[] = [];
  let curRole: HeadingRole | undefined;
  let shape: NoteShape = startShape(lines[0] ?? { no: 0, raw: '', text: '', hardEnd: false, hardStart: false, width: 0, firstWordWidth: 0 });
  const flush = () => {
    if (cur.length > 0) out.push(curRole === undefined ? { lines: cur } : { lines: cur, role: curRole });
  };
  for (let i = 0; i < lines.length; i++) {
    const b = lines[i]!;
    let rb = roles[i];
    const prevJoin = i > 0 && joinsNext[i - 1] === true;
    // a lone label word that the note above clearly runs into ("Suche nach" / "Lösungen") is text
    if (rb === 'column' && !prevJoin && !joinsNext[i] && !b.text.includes(' ') && cur.length > 0 && curRole === undefined) {
      if (continuationScore(cur[cur.length - 1]!, b, shape) >= 2) rb = undefined;
    }
    let cont = false;
    if (cur.length > 0) {
      const a = cur[cur.length - 1]!;
      if (prevJoin) cont = true;
      else if (rb !== undefined || curRole !== undefined) {
        cont = rb === 'imprint' && curRole === 'imprint' && continuationScore(a, b, shape) > 0;
      } else cont = continuationScore(a, b, shape) > 0;
    }
    if (cont) {
      shape = extendShape(shape, cur[cur.length - 1]!, b);
      cur.push(b);
      if (curRole === undefined && rb !== undefined) curRole = rb;
    } else {
      flush();
      cur = [b];
      curRole = rb;
      shape = startShape(b);
    }
  }
  flush();
  return out;
}
