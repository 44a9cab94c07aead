/**
 * From a table (header + rows of strings) to note records: find the text
 * column and the id column, and carry every other column along as metadata.
 * Pure: no Node built-ins.
 */
import { ThemenfinderError } from '../errors';
import type { NoteRecord } from '../types';
import {
  findColumn,
  findIdColumnByName,
  findTextColumnByName,
  isMetaColumnName,
  TEXT_COLUMN_NAMES,
  UNSAFE_KEYS,
} from './columns';

/** Options of {@link recordsFromTable}. */
export interface TableRecordOptions {
  /** The column with the note text: a header name (case-insensitive) or a 1-based column number. */
  textColumn?: string;
  /** The column with the note id: a header name or a 1-based column number. */
  idColumn?: string;
}

/** A table as {@link parseCsv} returns it (only `header` and `rows` are needed). */
export interface TableLike {
  header: readonly string[];
  rows: readonly (readonly string[])[];
}

/** How rows of a table become notes; made once from the header and a sample of rows. */
export interface TablePlan {
  /** Index of the text column. */
  textIndex: number;
  /** Index of the id column, or -1. */
  idIndex: number;
  /** The metadata key of every column (`null` for the text and id columns and skipped columns). */
  keys: (string | null)[];
  /** Header of the table (for naming extra cells). */
  header: readonly string[];
  /** What the plan decided that the user should know. */
  warnings: string[];
}

/** The result of {@link tableToNotes}. */
export interface TableNotes {
  notes: NoteRecord[];
  /** Name of the column the text came from. */
  textColumn: string;
  /** Name of the id column, if any. */
  idColumn?: string;
  warnings: string[];
}

function quoteList(names: readonly string[]): string {
  const shown = names.slice(0, 12).map((name) => JSON.stringify(name));
  if (names.length > 12) shown.push(`… (${names.length} columns)`);
  return shown.join(', ');
}

/** Columns that look like free text: long, mostly distinct values. */
function freeTextColumns(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const sample = rows.slice(0, 200);
  const found: number[] = [];
  for (let c = 0; c < header.length; c++) {
    if (isMetaColumnName(header[c] ?? '')) continue;
    const values: string[] = [];
    for (const row of sample) {
      const cell = (row[c] ?? '').trim();
      if (cell !== '') values.push(cell);
    }
    if (values.length === 0) continue;
    let length = 0;
    for (const v of values) length += v.length;
    const mean = length / values.length;
    const distinct = new Set(values).size / values.length;
    if (mean >= 15 && distinct >= 0.5) found.push(c);
  }
  return found;
}

function noTextColumn(header: readonly string[], extra: string): ThemenfinderError {
  return new ThemenfinderError(
    'NO_TEXT_COLUMN',
    `No column holds the note text${extra}. Columns found: ${quoteList(header)}. ` +
      `Name the column with --text-column "<name>" (API: textColumn), or rename it to one of: ${TEXT_COLUMN_NAMES.slice(0, 8).join(', ')}.`,
    { value: [...header] },
  );
}

/**
 * Decides which column is the text, which the id and what the metadata keys
 * are. The text column is the one given, else the first known text name
 * (`text`, `note`, `content`, `body`, `Inhalt`, `Notiz`, `Beitrag`, …), else
 * the only column that looks like free text once export furniture (`Start
 * time`, `Email`, `Timestamp`, …) is set aside — as in Microsoft Forms or
 * Google Forms exports, where the column is named after the question.
 *
 * @example
 * ```ts
 * const plan = planTable(['Nr', 'Gruppe', 'Beitrag'], []);
 * plan.textIndex; // 2
 * plan.idIndex; // 0
 * plan.keys; // [null, 'Gruppe', null]
 * ```
 */
export function planTable(
  header: readonly string[],
  sampleRows: readonly (readonly string[])[],
  options: TableRecordOptions = {},
): TablePlan {
  const warnings: string[] = [];
  let textIndex: number;
  if (options.textColumn !== undefined) {
    textIndex = findColumn(header, options.textColumn);
    if (textIndex < 0) {
      throw new ThemenfinderError(
        'NO_TEXT_COLUMN',
        `The text column ${JSON.stringify(options.textColumn)} is not in the table. Columns found: ${quoteList(header)}. ` +
          'Give one of these names (or a 1-based column number) to --text-column.',
        { option: 'textColumn', value: options.textColumn },
      );
    }
  } else {
    textIndex = findTextColumnByName(header);
    if (textIndex < 0 && header.length === 1) textIndex = 0;
    if (textIndex < 0) {
      const candidates = freeTextColumns(header, sampleRows);
      if (candidates.length === 1) {
        textIndex = candidates[0] ?? 0;
        warnings.push(
          `No column has a known text name; using ${JSON.stringify(header[textIndex])}, the only column with free text. ` +
            'Use --text-column to choose another.',
        );
      } else if (candidates.length > 1) {
        throw noTextColumn(
          header,
          ` by name, and several columns hold free text (${quoteList(candidates.map((c) => header[c] ?? ''))})`,
        );
      } else {
        throw noTextColumn(header, '');
      }
    }
  }

  let idIndex = -1;
  if (options.idColumn !== undefined) {
    idIndex = findColumn(header, options.idColumn);
    if (idIndex < 0) {
      throw new ThemenfinderError(
        'BAD_OPTION',
        `The id column ${JSON.stringify(options.idColumn)} is not in the table. Columns found: ${quoteList(header)}.`,
        { option: 'idColumn', value: options.idColumn },
      );
    }
  } else {
    idIndex = findIdColumnByName(header);
  }
  if (idIndex === textIndex) idIndex = -1;

  const keys: (string | null)[] = [];
  const used = new Set<string>(['text', 'id']);
  for (let c = 0; c < header.length; c++) {
    if (c === textIndex || c === idIndex) {
      keys.push(null);
      continue;
    }
    const name = header[c] ?? '';
    let key = name.trim() === '' ? `column${c + 1}` : name;
    if (UNSAFE_KEYS.has(key)) {
      warnings.push(`Column ${c + 1} is named ${JSON.stringify(key)}, which cannot be a metadata key; it is stored as "${key}_".`);
      key = `${key}_`;
    }
    if (used.has(key)) {
      let n = 2;
      while (used.has(`${key}_${n}`)) n++;
      key = `${key}_${n}`;
    }
    used.add(key);
    keys.push(key);
  }
  return { textIndex, idIndex, keys, header, warnings };
}

/**
 * Turns one row into a note record following a {@link TablePlan}. Cells past
 * the header become `column<N>` metadata; missing cells are empty strings.
 * Returns `null` for a row whose cells are all empty.
 *
 * @example
 * ```ts
 * const plan = planTable(['Nr', 'Text', 'Gruppe'], []);
 * rowToNote(plan, ['7', 'Mehr Zeit', '2']); // { id: '7', text: 'Mehr Zeit', Gruppe: '2' }
 * ```
 */
export function rowToNote(plan: TablePlan, row: readonly string[]): NoteRecord | null {
  let empty = true;
  for (const cell of row) {
    if (cell.trim() !== '') {
      empty = false;
      break;
    }
  }
  if (empty) return null;
  const note: NoteRecord = { text: row[plan.textIndex] ?? '' };
  if (plan.idIndex >= 0) {
    const id = (row[plan.idIndex] ?? '').trim();
    if (id !== '') note.id = id;
  }
  const width = Math.max(row.length, plan.keys.length);
  for (let c = 0; c < width; c++) {
    let key = c < plan.keys.length ? plan.keys[c] : `column${c + 1}`;
    if (key === null || key === undefined) continue;
    if (c >= plan.keys.length && (key in note || plan.keys.includes(key))) key = `${key}_extra`;
    // Own data property only: never a prototype write, whatever the key.
    Object.defineProperty(note, key, { value: row[c] ?? '', enumerable: true, writable: true, configurable: true });
  }
  return note;
}

/**
 * Converts a table into note records and reports which columns were used.
 *
 * @example
 * ```ts
 * const { notes, textColumn } = tableToNotes({ header: ['Author', 'Body'], rows: [['Ana', 'Mehr Zeit']] });
 * textColumn; // 'Body'
 * notes; // [{ text: 'Mehr Zeit', Author: 'Ana' }]
 * ```
 */
export function tableToNotes(table: TableLike, options: TableRecordOptions = {}): TableNotes {
  const plan = planTable(table.header, table.rows, options);
  const notes: NoteRecord[] = [];
  for (const row of table.rows) {
    const note = rowToNote(plan, row);
    if (note) notes.push(note);
  }
  const result: TableNotes = { notes, textColumn: table.header[plan.textIndex] ?? '', warnings: plan.warnings };
  if (plan.idIndex >= 0) result.idColumn = table.header[plan.idIndex] ?? '';
  return result;
}

/**
 * Converts a table into note records: the text column found by name or
 * given, an id column (`id`, `ID`, `Nr`) if present, all other columns as
 * metadata keyed by their header. Ids stay strings; rows without an id get
 * none (the pipeline numbers them). Throws `NO_TEXT_COLUMN` naming the
 * columns found and the `--text-column` option.
 *
 * @example
 * ```ts
 * import { parseCsv, recordsFromTable } from 'themenfinder';
 * recordsFromTable(parseCsv('Nr;Notiz;Gruppe\n1;Mehr Zeit;A\n'));
 * // [{ id: '1', text: 'Mehr Zeit', Gruppe: 'A' }]
 * ```
 */
export function recordsFromTable(table: TableLike, options: TableRecordOptions = {}): NoteRecord[] {
  return tableToNotes(table, options).notes;
}
