/**
 * Column and field names that real exports use, and the rules for finding the
 * text and id columns among them. See docs/import.md for where each name
 * comes from.
 */

/**
 * Names of a column or JSON field holding the note text, in order of
 * preference (compared case-insensitively, trimmed).
 */
export const TEXT_COLUMN_NAMES: readonly string[] = [
  'text',
  'note',
  'content',
  'body',
  'inhalt',
  'notiz',
  'beitrag',
  'notes',
  'notizen',
  'beiträge',
  'sticky note',
  'sticky',
  'post',
  'card',
  'karte',
  'idea',
  'idee',
  'message',
  'nachricht',
  'comment',
  'kommentar',
  'answer',
  'antwort',
  'response',
  'freitext',
  'title',
  'subject',
  'titel',
  'betreff',
];

/** Names of a column or field holding a note id (compared case-insensitively). */
export const ID_COLUMN_NAMES: readonly string[] = ['id', 'nr', 'nr.', 'nummer', 'no', 'no.', '#', 'lfd. nr.', 'response id'];

/**
 * Column names of export furniture: timestamps, respondent data, board
 * positions. They are metadata, never the note text; they also mark a first
 * row as a header.
 */
export const META_COLUMN_NAMES: readonly string[] = [
  // Microsoft Forms (English and German UI)
  'start time',
  'completion time',
  'email',
  'name',
  'last modified time',
  'total points',
  'quiz feedback',
  'startzeit',
  'fertigstellungszeit',
  'e-mail',
  'zeitpunkt der letzten änderung',
  // Google Forms
  'timestamp',
  'zeitstempel',
  'email address',
  'e-mail-adresse',
  // Padlet
  'author',
  'autor',
  'created at',
  'updated at',
  'section',
  'attachment',
  'reactions',
  'comments',
  // Miro and other boards
  'frame',
  'tags',
  'color',
  'colour',
  'farbe',
  'type',
  'created by',
  'x',
  'y',
  // Mentimeter and general
  'question',
  'frage',
  'group',
  'gruppe',
  'column',
  'spalte',
  'category',
  'kategorie',
  'date',
  'datum',
  'votes',
  'stimmen',
  'likes',
];

const TEXT_SET = new Set(TEXT_COLUMN_NAMES);
const ID_SET = new Set(ID_COLUMN_NAMES);
const META_SET = new Set(META_COLUMN_NAMES);

/** Normalises a column name for comparison: trimmed, lowercased, BOM removed. */
export function columnKey(name: string): string {
  let s = name;
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return s.trim().toLowerCase();
}

/**
 * Whether a cell is a column name that themenfinder knows (a text, id or
 * metadata name), which marks a first row as a header.
 *
 * @example
 * ```ts
 * isKnownColumnName('Beitrag'); // true
 * isKnownColumnName('Mehr Zeit für Projekte'); // false
 * ```
 */
export function isKnownColumnName(name: string): boolean {
  const key = columnKey(name);
  return TEXT_SET.has(key) || ID_SET.has(key) || META_SET.has(key) || isFormsScoreColumn(key);
}

/** Microsoft Forms quiz columns such as `Points - Question` or `Feedback - Question`. */
function isFormsScoreColumn(key: string): boolean {
  return key.startsWith('points - ') || key.startsWith('feedback - ') || key.startsWith('punkte - ');
}

/** Whether a column name is export furniture (timestamps, respondent, scores). */
export function isMetaColumnName(name: string): boolean {
  const key = columnKey(name);
  return META_SET.has(key) || ID_SET.has(key) || isFormsScoreColumn(key);
}

/**
 * Finds a column by a name (case-insensitive) or a 1-based column number.
 * Returns -1 when there is none.
 *
 * @example
 * ```ts
 * findColumn(['ID', 'Beitrag'], 'beitrag'); // 1
 * findColumn(['ID', 'Beitrag'], '2'); // 1
 * ```
 */
export function findColumn(header: readonly string[], wanted: string): number {
  const exact = header.indexOf(wanted);
  if (exact >= 0) return exact;
  const key = columnKey(wanted);
  const index = header.findIndex((name) => columnKey(name) === key);
  if (index >= 0) return index;
  if (/^[1-9][0-9]{0,5}$/.test(key)) {
    const n = Number(key) - 1;
    if (n < header.length) return n;
  }
  return -1;
}

/**
 * Finds the text column by the known names, in order of preference.
 * Returns -1 when no column has a known text name.
 *
 * @example
 * ```ts
 * findTextColumnByName(['Author', 'Subject', 'Body']); // 2 ('body' ranks before 'subject')
 * ```
 */
export function findTextColumnByName(header: readonly string[]): number {
  const keys = header.map(columnKey);
  for (const name of TEXT_COLUMN_NAMES) {
    const index = keys.indexOf(name);
    if (index >= 0) return index;
  }
  return -1;
}

/**
 * Finds the id column by the known names. Returns -1 when there is none.
 *
 * @example
 * ```ts
 * findIdColumnByName(['Nr', 'Text']); // 0
 * ```
 */
export function findIdColumnByName(header: readonly string[]): number {
  const keys = header.map(columnKey);
  for (const name of ID_COLUMN_NAMES) {
    const index = keys.indexOf(name);
    if (index >= 0) return index;
  }
  return -1;
}

/** Keys that must never be set on an object from user data. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
