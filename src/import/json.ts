/**
 * JSON and JSON Lines reading: arrays of strings or objects, an object with a
 * `notes` array, or one value per line. User keys are copied as own data
 * properties only, so `__proto__`, `constructor` and `prototype` keys cannot
 * reach any prototype. Pure: no Node built-ins.
 */
import { ThemenfinderError, describeValue } from '../errors';
import type { NoteRecord } from '../types';
import { TEXT_COLUMN_NAMES, UNSAFE_KEYS, columnKey } from './columns';

/** Options of {@link parseJson} and {@link parseJsonl}. */
export interface JsonNoteOptions {
  /** The field with the note text when it is not `text` (or another known name). */
  textField?: string;
  /** The field with the note id. Default `id`. */
  idField?: string;
  /** A file name to put in error messages. */
  file?: string;
}

function where(file: string | undefined): string {
  return file ? ` in ${file}` : '';
}

/** The 1-based line and column of a character offset. */
function lineOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Reads the error position out of a V8 JSON.parse message. */
function errorOffset(message: string, text: string): number | undefined {
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lc) {
    const line = Number(lc[1]);
    const column = Number(lc[2]);
    let offset = 0;
    for (let l = 1; l < line; l++) {
      const next = text.indexOf('\n', offset);
      if (next < 0) break;
      offset = next + 1;
    }
    return offset + column - 1;
  }
  const pos = /at position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  return undefined;
}

function findTextField(item: Record<string, unknown>, textField: string | undefined): string | undefined {
  if (textField !== undefined) return Object.hasOwn(item, textField) ? textField : undefined;
  if (Object.hasOwn(item, 'text')) return 'text';
  const keys = Object.keys(item);
  const byKey = new Map<string, string>();
  for (const key of keys) {
    const k = columnKey(key);
    if (!byKey.has(k)) byKey.set(k, key);
  }
  for (const name of TEXT_COLUMN_NAMES) {
    const key = byKey.get(name);
    if (key !== undefined) return key;
  }
  return undefined;
}

function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Turns one JSON value (a string or an object) into a note record. `index` is
 * the 0-based position used in error messages; `line` the 1-based line for
 * JSONL. Throws `BAD_NOTE` for other values or a missing text field.
 *
 * @example
 * ```ts
 * noteFromJsonValue({ id: 3, text: 'Mehr Zeit', gruppe: 'A' }, 0);
 * // { id: '3', text: 'Mehr Zeit', gruppe: 'A' }
 * ```
 */
export function noteFromJsonValue(
  value: unknown,
  index: number,
  options: JsonNoteOptions = {},
  line?: number,
): NoteRecord {
  const at = line !== undefined ? `line ${line}` : `note ${index + 1}`;
  if (typeof value === 'string') return { text: value };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ThemenfinderError(
      'BAD_NOTE',
      `${at}${where(options.file)} is ${describeValue(value)}, not a string or an object with a text field.`,
      { note: index + 1, value: describeValue(value), ...(line !== undefined ? { line } : {}), ...(options.file ? { file: options.file } : {}) },
    );
  }
  const item = value as Record<string, unknown>;
  const textKey = findTextField(item, options.textField);
  if (textKey === undefined) {
    const fields = Object.keys(item).slice(0, 12).map((k) => JSON.stringify(k)).join(', ') || 'none';
    throw new ThemenfinderError(
      'BAD_NOTE',
      options.textField !== undefined
        ? `${at}${where(options.file)} has no field ${JSON.stringify(options.textField)}. Fields found: ${fields}. Check --text-field.`
        : `${at}${where(options.file)} has no text field. Fields found: ${fields}. Name the field with --text-field "<name>" (API: textField).`,
      { note: index + 1, ...(line !== undefined ? { line } : {}), ...(options.file ? { file: options.file } : {}) },
    );
  }
  const raw = item[textKey];
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number' || typeof raw === 'boolean') text = String(raw);
  else {
    throw new ThemenfinderError(
      'BAD_NOTE',
      `${at}${where(options.file)}: field ${JSON.stringify(textKey)} is ${describeValue(raw)}, not a string.`,
      { note: index + 1, value: describeValue(raw), ...(line !== undefined ? { line } : {}), ...(options.file ? { file: options.file } : {}) },
    );
  }
  const note: NoteRecord = { text };
  const idKey = options.idField ?? 'id';
  for (const key of Object.keys(item)) {
    if (key === textKey) continue;
    const v = item[key];
    if (key === idKey) {
      if (typeof v === 'string' && v.trim() !== '') note.id = v;
      else if (typeof v === 'number' && Number.isFinite(v)) note.id = String(v);
      else if (v !== null && v !== undefined && v !== '') setOwn(note, 'id_', v);
      continue;
    }
    let target = key;
    if (UNSAFE_KEYS.has(target)) target = `${key}_`;
    if (target === 'text' || target === 'id') target = `${target}_`;
    setOwn(note, target, v);
  }
  return note;
}

function badJson(text: string, error: unknown, file: string | undefined): ThemenfinderError {
  const message = error instanceof Error ? error.message : String(error);
  const offset = errorOffset(message, text);
  const pos = offset !== undefined ? lineOf(text, offset) : undefined;
  const place = pos ? ` at line ${pos.line}, column ${pos.column}` : '';
  return new ThemenfinderError(
    'BAD_JSON',
    `The JSON${where(file)} cannot be parsed${place}: ${message}. ` +
      'Fix the file, or if it holds one JSON value per line, read it as JSONL (--format jsonl).',
    { ...(pos ? { line: pos.line } : {}), ...(file ? { file } : {}) },
  );
}

/**
 * Parses a JSON document of notes: an array of strings or objects, or an
 * object with a `notes` array. Object fields other than the text and `id`
 * become metadata. Throws `BAD_JSON` (with the line) for invalid JSON and
 * `BAD_NOTE` (with the note number) for an entry that is not a note.
 *
 * @example
 * ```ts
 * parseJson('[\"Mehr Zeit\", {\"id\": 7, \"inhalt\": \"Weniger Papier\", \"gruppe\": \"A\"}]');
 * // [{ text: 'Mehr Zeit' }, { id: '7', text: 'Weniger Papier', gruppe: 'A' }]
 * ```
 */
export function parseJson(text: string, options: JsonNoteOptions = {}): NoteRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (error) {
    throw badJson(input, error, options.file);
  }
  let list: unknown;
  if (Array.isArray(data)) list = data;
  else if (data !== null && typeof data === 'object' && Object.hasOwn(data, 'notes')) {
    list = (data as Record<string, unknown>).notes;
  }
  if (!Array.isArray(list)) {
    throw new ThemenfinderError(
      'BAD_JSON',
      `The JSON${where(options.file)} is ${describeValue(data)}; expected an array of notes or an object with a "notes" array.`,
      options.file ? { file: options.file } : {},
    );
  }
  const notes: NoteRecord[] = [];
  for (let i = 0; i < list.length; i++) notes.push(noteFromJsonValue(list[i], i, options));
  return notes;
}

/**
 * Parses one line of JSON Lines; `line` is its 1-based number for messages.
 * Returns `null` for a blank line.
 *
 * @example
 * ```ts
 * parseJsonlLine('{"text": "Mehr Zeit"}', 1, 0); // { text: 'Mehr Zeit' }
 * ```
 */
export function parseJsonlLine(
  lineText: string,
  line: number,
  index: number,
  options: JsonNoteOptions = {},
): NoteRecord | null {
  let s = lineText;
  if (line === 1 && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  if (s.length > 0 && s.charCodeAt(s.length - 1) === 13) s = s.slice(0, -1);
  if (s.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ThemenfinderError(
      'BAD_JSON',
      `Line ${line}${where(options.file)} is not valid JSON (${message}): ${describeValue(s)}. ` +
        'Each line of a JSONL file must hold one JSON string or object; fix or remove that line.',
      { line, value: describeValue(s), ...(options.file ? { file: options.file } : {}) },
    );
  }
  return noteFromJsonValue(value, index, options, line);
}

/**
 * Parses JSON Lines: one JSON string or object per line; blank lines are
 * skipped. Throws `BAD_JSON` naming the line number of a broken line.
 *
 * @example
 * ```ts
 * parseJsonl('{"text": "Mehr Zeit"}\n"Weniger Papier"\n');
 * // [{ text: 'Mehr Zeit' }, { text: 'Weniger Papier' }]
 * ```
 */
export function parseJsonl(text: string, options: JsonNoteOptions = {}): NoteRecord[] {
  const notes: NoteRecord[] = [];
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const note = parseJsonlLine(text.slice(start, end), line, notes.length, options);
    if (note) notes.push(note);
    start = end + 1;
    line++;
  }
  return notes;
}
