/**
 * Reading a notes file from disk (Node only): CSV, TSV, JSON, JSONL, XLSX
 * and plain text, chosen by extension (or by content when the extension does
 * not tell), with encoding detection and size limits.
 */
import { readFile, stat } from 'node:fs/promises';
import { ThemenfinderError, describeValue } from '../errors';
import { type CsvDelimiter, parseCsv, tableFromRows } from '../import/csv';
import { type InputFormat, INPUT_FORMATS, formatFromFileName, sniffTextFormat } from '../import/detect';
import { parseJson, parseJsonl } from '../import/json';
import { tableToNotes } from '../import/records';
import type { NoteRecord } from '../types';
import { ENCODING_OPTIONS, type TextEncodingOption, binaryReason, decodeBytes } from './encoding';

/** Default largest file read at once: 200 MB. */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** Options of {@link readNotesFile}. */
export interface ReadNotesOptions {
  /** The file format; by default from the extension, else sniffed from the content. */
  format?: InputFormat;
  /** Text encoding when there is no BOM: `utf-8` (default), `windows-1252` or `latin1` (= windows-1252). */
  encoding?: TextEncodingOption;
  /** CSV/TSV/XLSX: the column with the note text (name or 1-based number). */
  textColumn?: string;
  /** CSV/TSV/XLSX: the column with the note id (name or 1-based number). */
  idColumn?: string;
  /** JSON/JSONL: the field with the note text. */
  textField?: string;
  /** CSV: the delimiter (sniffed when left out; tab for `.tsv`). */
  delimiter?: CsvDelimiter;
  /** CSV/TSV/XLSX: whether the first row is a header (sniffed when left out). */
  header?: boolean;
  /** XLSX: the sheet, by name or 1-based number. Default: the first sheet. */
  sheet?: string | number;
  /** Largest file size in bytes. Default {@link DEFAULT_MAX_BYTES} (200 MB). */
  maxBytes?: number;
}

/** What {@link readNotesFile} returns. */
export interface ReadNotesResult {
  /** The format that was read. */
  format: InputFormat;
  /** The notes; empty for `txt` (use `text` with the board parser). */
  notes: NoteRecord[];
  /** Things the user should know: the column chosen, an unclosed quote, … */
  warnings: string[];
  /** For `txt`: the decoded text, for the board parser. */
  text?: string;
  /** The text encoding used (not for xlsx). */
  encoding?: string;
  /** For tables: the column the text came from. */
  textColumn?: string;
  /** For CSV/TSV: the delimiter used. */
  delimiter?: string;
}

const OPTION_NAMES = [
  'format',
  'encoding',
  'textColumn',
  'idColumn',
  'textField',
  'delimiter',
  'header',
  'sheet',
  'maxBytes',
] as const;

function closest(name: string, names: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower || n.toLowerCase().startsWith(lower.slice(0, 4)));
}

/** Validates the options up front; throws `BAD_OPTION` with a suggestion. */
export function checkReadOptions(options: ReadNotesOptions): void {
  for (const key of Object.keys(options)) {
    if (!(OPTION_NAMES as readonly string[]).includes(key)) {
      const hint = closest(key, OPTION_NAMES);
      throw new ThemenfinderError(
        'BAD_OPTION',
        `Unknown option ${JSON.stringify(key)} of readNotesFile.${hint ? ` Did you mean "${hint}"?` : ''} Known options: ${OPTION_NAMES.join(', ')}.`,
        { option: key },
      );
    }
  }
  const o = options;
  if (o.format !== undefined && !INPUT_FORMATS.includes(o.format)) {
    throw new ThemenfinderError('BAD_OPTION', `format must be one of ${INPUT_FORMATS.join(', ')}; got ${describeValue(o.format)}.`, {
      option: 'format',
      value: o.format,
    });
  }
  if (o.encoding !== undefined && !ENCODING_OPTIONS.includes(o.encoding)) {
    throw new ThemenfinderError(
      'BAD_OPTION',
      `encoding must be one of ${ENCODING_OPTIONS.join(', ')}; got ${describeValue(o.encoding)}.`,
      { option: 'encoding', value: o.encoding },
    );
  }
  if (o.maxBytes !== undefined && !(Number.isInteger(o.maxBytes) && o.maxBytes > 0)) {
    throw new ThemenfinderError('BAD_OPTION', `maxBytes must be a positive integer; got ${describeValue(o.maxBytes)}.`, {
      option: 'maxBytes',
      value: o.maxBytes,
    });
  }
  if (o.delimiter !== undefined && o.delimiter !== ',' && o.delimiter !== ';' && o.delimiter !== '\t') {
    throw new ThemenfinderError('BAD_OPTION', `delimiter must be ",", ";" or a tab; got ${describeValue(o.delimiter)}.`, {
      option: 'delimiter',
      value: o.delimiter,
    });
  }
}

/**
 * Checks that a path is a readable file within the size limit; returns its
 * size. Throws `FILE_NOT_FOUND` or `TOO_LARGE`.
 */
export async function checkFile(path: string, maxBytes: number): Promise<number> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new ThemenfinderError('FILE_NOT_FOUND', `${path} is a directory, not a file. Give the path of a notes file.`, {
        file: path,
      });
    }
    size = info.size;
  } catch (error) {
    if (error instanceof ThemenfinderError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ThemenfinderError(
        'FILE_NOT_FOUND',
        `File not found: ${path}. Check the path (relative paths start from ${process.cwd()}).`,
        { file: path },
      );
    }
    throw new ThemenfinderError('FILE_NOT_FOUND', `Cannot read ${path}: ${(error as Error).message}.`, { file: path });
  }
  if (size > maxBytes) {
    throw new ThemenfinderError(
      'TOO_LARGE',
      `${path} has ${size} bytes, more than the limit of ${maxBytes} bytes. ` +
        'Raise the limit with --max-bytes (API: maxBytes), or split the file.',
      { file: path, value: size },
    );
  }
  return size;
}

/** Turns an xlsx cell into a string: dates as ISO dates (times only when not midnight). */
export function cellToString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // Excel stores dates as fractional days; round away float noise to the second.
    const iso = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return String(value);
}

async function readXlsx(path: string, bytes: Uint8Array, options: ReadNotesOptions): Promise<ReadNotesResult> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const why = binaryReason(bytes);
    throw new ThemenfinderError(
      'UNSUPPORTED_FORMAT',
      `${path} is not an .xlsx workbook${why ? ` (it looks like ${why})` : ' (it is not a ZIP file)'}. ` +
        'If it is a CSV file, rename it to .csv or pass --format csv.',
      { file: path },
    );
  }
  const { readSheet } = await import('read-excel-file/node');
  let data: unknown[][];
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    data = (options.sheet === undefined ? await readSheet(buffer) : await readSheet(buffer, options.sheet)) as unknown[][];
  } catch (error) {
    const e = error as { name?: string; message?: string; sheets?: unknown };
    if (e.name === 'SheetNotFoundError' || /sheet/i.test(e.message ?? '')) {
      const sheets = Array.isArray(e.sheets) ? ` Sheets in the file: ${e.sheets.map((s) => JSON.stringify(s)).join(', ')}.` : '';
      throw new ThemenfinderError(
        'BAD_OPTION',
        `${path} has no sheet ${JSON.stringify(options.sheet)}.${sheets} Give a sheet name or a 1-based number.`,
        { option: 'sheet', value: options.sheet, file: path },
      );
    }
    throw new ThemenfinderError('NOT_TEXT', `${path} cannot be read as an .xlsx workbook: ${e.message ?? String(error)}.`, {
      file: path,
    });
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  data.forEach((row, index) => {
    const cells = row.map(cellToString);
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0) return;
    rows.push(cells);
    lines.push(index + 1);
  });
  const table = tableFromRows(rows, lines, 'xlsx', options.header);
  const result = tableToNotes(table, pickTableOptions(options));
  return { format: 'xlsx', notes: result.notes, warnings: [...table.warnings, ...result.warnings], textColumn: result.textColumn };
}

function pickTableOptions(options: ReadNotesOptions): { textColumn?: string; idColumn?: string } {
  const out: { textColumn?: string; idColumn?: string } = {};
  if (options.textColumn !== undefined) out.textColumn = options.textColumn;
  if (options.idColumn !== undefined) out.idColumn = options.idColumn;
  return out;
}

/**
 * Reads a notes file. The format comes from the option, else the extension
 * (`.csv`, `.tsv`, `.json`, `.jsonl`/`.ndjson`, `.txt`/`.md`, `.xlsx`), else
 * the content. Text is decoded from UTF-8 (with or without BOM), UTF-16 (by
 * BOM) or, when asked, Windows-1252. A `.txt` file is returned as `text`
 * with no notes: it goes to the board parser.
 *
 * Errors: `FILE_NOT_FOUND`, `TOO_LARGE` (over `maxBytes`), `NOT_TEXT`
 * (binary or not UTF-8; suggests `--encoding windows-1252`), `EMPTY_INPUT`
 * (an empty file), `NO_TEXT_COLUMN`, `BAD_JSON`, `BAD_NOTE`,
 * `UNSUPPORTED_FORMAT`.
 *
 * @example
 * ```ts
 * import { readNotesFile } from 'themenfinder/node';
 * const { notes, warnings } = await readNotesFile('padlet-export.csv', { textColumn: 'Body' });
 * const board = await readNotesFile('whiteboard.txt'); // { format: 'txt', text: '…', notes: [] }
 * ```
 */
export async function readNotesFile(path: string, options: ReadNotesOptions = {}): Promise<ReadNotesResult> {
  checkReadOptions(options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  await checkFile(path, maxBytes);
  const bytes = new Uint8Array(await readFile(path));
  if (bytes.length > maxBytes) {
    throw new ThemenfinderError('TOO_LARGE', `${path} grew past the limit of ${maxBytes} bytes while reading. Raise --max-bytes.`, {
      file: path,
    });
  }
  let format = options.format ?? formatFromFileName(path);
  if (format === undefined && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) format = 'xlsx';
  if (format === 'xlsx') return readXlsx(path, bytes, options);

  const decodeOptions: { encoding?: TextEncodingOption; file: string } = { file: path };
  if (options.encoding !== undefined) decodeOptions.encoding = options.encoding;
  const decoded = decodeBytes(bytes, decodeOptions);
  const text = decoded.text;
  if (text.trim() === '') {
    throw new ThemenfinderError('EMPTY_INPUT', `${path} is empty. Give a file with notes in it.`, { file: path });
  }
  format ??= sniffTextFormat(text);
  const base = { warnings: [] as string[], encoding: decoded.encoding };

  switch (format) {
    case 'txt':
      return { ...base, format, notes: [], text };
    case 'json': {
      const notes = parseJson(text, options.textField !== undefined ? { textField: options.textField, file: path } : { file: path });
      return { ...base, format, notes };
    }
    case 'jsonl': {
      const notes = parseJsonl(text, options.textField !== undefined ? { textField: options.textField, file: path } : { file: path });
      return { ...base, format, notes };
    }
    case 'csv':
    case 'tsv': {
      const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : undefined);
      const table = parseCsv(text, {
        ...(delimiter !== undefined ? { delimiter } : {}),
        ...(options.header !== undefined ? { header: options.header } : {}),
      });
      const result = tableToNotes(table, pickTableOptions(options));
      const warnings = [...table.warnings, ...result.warnings];
      if (result.notes.length === 0) warnings.push(`${path} has a header but no data rows.`);
      return { ...base, warnings, format, notes: result.notes, textColumn: result.textColumn, delimiter: table.delimiter };
    }
    default:
      throw new ThemenfinderError('UNSUPPORTED_FORMAT', `Format ${describeValue(format)} cannot be read.`, { file: path });
  }
}
