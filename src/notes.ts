/**
 * Input notes to the pipeline's own shape: ids given or numbered, text
 * checked, metadata kept apart (in objects without a prototype, so keys
 * such as `__proto__` are plain data).
 */
import { describeValue, ThemenfinderError } from './errors';
import type { NoteInput } from './types';

/** A note inside the pipeline. */
export interface Note {
  /** The given id as a string, or its 1-based position. */
  id: string;
  /** The text (truncated past the length limit). */
  text: string;
  /** Metadata fields given with the note, if any. */
  meta?: Record<string, unknown>;
}

/**
 * Checks the input notes and gives each an id.
 *
 * @param input - Strings or `{ id?, text, ...metadata }` objects.
 * @param maxNoteLength - Longer texts are cut to this many characters, with a warning.
 * @returns The notes and any warnings.
 * @throws ThemenfinderError `EMPTY_INPUT` for no notes, `BAD_NOTE` naming the note for a wrong shape or a repeated id.
 *
 * @example
 * ```ts
 * prepareNotes(['Digitalisierung', { id: 'b', text: 'Vernetzung', group: 'G1' }], 10_000).notes;
 * // [{ id: '1', text: 'Digitalisierung' }, { id: 'b', text: 'Vernetzung', meta: { group: 'G1' } }]
 * ```
 */
export function prepareNotes(input: unknown, maxNoteLength: number): { notes: Note[]; warnings: string[] } {
  if (!Array.isArray(input)) {
    throw new ThemenfinderError(
      'BAD_NOTE',
      `Notes must be an array of strings or { text } objects, got ${describeValue(input)}.`,
      { value: input },
    );
  }
  if (input.length === 0) {
    throw new ThemenfinderError('EMPTY_INPUT', 'No notes were given: pass at least one note.', {});
  }
  const warnings: string[] = [];
  const seen = new Map<string, number>();
  const notes = (input as NoteInput[]).map((item, index): Note => {
    let id: string | undefined;
    let text: string;
    let meta: Record<string, unknown> | undefined;
    if (typeof item === 'string') {
      text = item;
    } else if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const record = item as Record<string, unknown>;
      if (typeof record.text !== 'string') {
        throw new ThemenfinderError(
          'BAD_NOTE',
          `Note ${index + 1} has no string "text" field (got ${describeValue(record.text)}).`,
          { note: index + 1, value: record.text },
        );
      }
      text = record.text;
      const given = record.id;
      if (given !== undefined && given !== null) {
        if (typeof given !== 'string' && !(typeof given === 'number' && Number.isFinite(given))) {
          throw new ThemenfinderError(
            'BAD_NOTE',
            `Note ${index + 1} has an id that is not a string or number (${describeValue(given)}).`,
            { note: index + 1, value: given },
          );
        }
        id = String(given);
      }
      // The own enumerable keys in Object.keys order, without an array of them per note.
      for (const key in record) {
        if (key === 'id' || key === 'text' || !Object.hasOwn(record, key)) continue;
        meta ??= Object.create(null) as Record<string, unknown>;
        meta[key] = record[key];
      }
    } else {
      throw new ThemenfinderError(
        'BAD_NOTE',
        `Note ${index + 1} must be a string or an object with "text", got ${describeValue(item)}.`,
        { note: index + 1, value: item },
      );
    }
    id ??= String(index + 1);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new ThemenfinderError(
        'BAD_NOTE',
        `Notes ${earlier + 1} and ${index + 1} have the same id "${id}"; ids must be unique.`,
        { note: id },
      );
    }
    seen.set(id, index);
    if (text.length > maxNoteLength) {
      warnings.push(`Note "${id}" had ${text.length} characters and was cut to ${maxNoteLength} (option maxNoteLength).`);
      text = text.slice(0, maxNoteLength);
    }
    return meta ? { id, text, meta } : { id, text };
  });
  return { notes, warnings };
}
