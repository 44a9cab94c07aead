/**
 * CSV/TSV reading: an incremental RFC 4180 state machine (quoted fields with
 * embedded delimiters, doubled quotes and line breaks; CRLF, LF and CR line
 * ends), delimiter sniffing and header sniffing. Pure: no Node built-ins, no
 * regular expressions on user data, linear time in the input length.
 */
import { isKnownColumnName } from './columns';

/** A delimiter themenfinder can sniff or be given. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Options of {@link parseCsv}. */
export interface CsvOptions {
  /** The field delimiter; sniffed from the first rows when left out. */
  delimiter?: CsvDelimiter;
  /** Whether the first row is a header; sniffed when left out. */
  header?: boolean;
}

/** A parsed table. */
export interface CsvTable {
  /** Column names: the first row, or `column1`, `column2`, … when there is no header. */
  header: string[];
  /** The data rows (the header row excluded); rows may be shorter or longer than the header. */
  rows: string[][];
  /** The delimiter used. */
  delimiter: string;
  /** Whether the first row was taken as the header. */
  hasHeader: boolean;
  /** The 1-based line of the input on which each data row starts. */
  rowLines: number[];
  /** Problems that did not stop parsing (e.g. an unclosed quote). */
  warnings: string[];
}

/** The delimiters tried when sniffing, in order of preference on a tie. */
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Parser states (plain numbers: fast, and no enum for bundlers to trip on). */
const State = { FieldStart: 0, Unquoted: 1, Quoted: 2, QuoteInQuoted: 3 } as const;
type State = (typeof State)[keyof typeof State];

/**
 * The incremental CSV state machine behind {@link parseCsv} and the streaming
 * reader: push text in chunks of any size (a chunk may end in the middle of a
 * field, a quote pair or a CRLF) and take the completed rows.
 *
 * Blank lines (a row with one empty field) are skipped. A quote inside an
 * unquoted field, or text after a closing quote, is kept literally, as
 * spreadsheet programs do.
 *
 * @example
 * ```ts
 * const parser = new CsvParser(';');
 * parser.push('a;"b\n');
 * parser.push('c"\r\n1;2');
 * parser.finish();
 * parser.takeRows(); // [['a', 'b\nc'], ['1', '2']]
 * ```
 */
export class CsvParser {
  private readonly delim: number;
  private state: State = State.FieldStart;
  private field = '';
  private row: string[] = [];
  private rows: string[][] = [];
  private lines: number[] = [];
  private line = 1;
  private rowLine = 1;
  private quoteLine = 0;
  private skipLf = false;
  private prevCr = false;
  private quotedInRow = false;
  private finished = false;
  /** Problems found so far, e.g. an unclosed quote at the end. */
  readonly warnings: string[] = [];

  constructor(delimiter: CsvDelimiter | string = ',') {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) === QUOTE || delimiter === '\n' || delimiter === '\r') {
      throw new Error(`CsvParser: bad delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delim = delimiter.charCodeAt(0);
  }

  /** Feeds the next piece of text. */
  push(chunk: string): void {
    if (this.finished) throw new Error('CsvParser: push() after finish()');
    const n = chunk.length;
    let i = 0;
    // `start` marks the beginning of the not yet copied part of the current field.
    let start = 0;
    const delim = this.delim;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) {
          i++;
          start = i;
          continue;
        }
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            this.quotedInRow = true;
            this.prevCr = false;
            i++;
            start = i;
          } else if (c === delim) {
            this.endField();
            i++;
            start = i;
          } else if (c === LF || c === CR) {
            this.endRow(c);
            i++;
            start = i;
          } else {
            // The Unquoted case scans the field from here.
            this.state = State.Unquoted;
            start = i;
          }
          break;
        case State.Unquoted: {
          // Scan to the next delimiter or line end in one go.
          while (i < n) {
            const d = chunk.charCodeAt(i);
            if (d === delim || d === LF || d === CR) break;
            i++;
          }
          this.field += chunk.slice(start, i);
          start = i;
          if (i < n) {
            const d = chunk.charCodeAt(i);
            if (d === delim) this.endField();
            else this.endRow(d);
            i++;
            start = i;
          }
          break;
        }
        case State.Quoted: {
          while (i < n) {
            const d = chunk.charCodeAt(i);
            if (d === QUOTE) {
              this.prevCr = false;
              break;
            }
            // CR, LF and CRLF each count as one line break, also across chunks.
            if (d === CR || (d === LF && !this.prevCr)) this.line++;
            this.prevCr = d === CR;
            i++;
          }
          this.field += chunk.slice(start, i);
          if (i < n) {
            this.state = State.QuoteInQuoted;
            i++;
          }
          start = i;
          break;
        }
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
            start = i;
          } else if (c === delim) {
            this.endField();
            i++;
            start = i;
          } else if (c === LF || c === CR) {
            this.endRow(c);
            i++;
            start = i;
          } else {
            // Text after a closing quote: keep it, like spreadsheet programs.
            this.state = State.Unquoted;
            start = i;
          }
          break;
      }
    }
  }

  /** Ends the input: completes the last row and reports an unclosed quote. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.state === State.Quoted) {
      this.warnings.push(
        `A quoted field that starts on line ${this.quoteLine} is never closed; it runs to the end of the input. Check for a missing '"'.`,
      );
    }
    if (this.state !== State.FieldStart || this.row.length > 0) this.endRow(-1);
  }

  /** Returns the rows completed since the last call and forgets them. */
  takeRows(): string[][] {
    const out = this.rows;
    this.rows = [];
    return out;
  }

  /** Returns the start lines of the rows returned by the matching {@link takeRows} call. */
  takeRowLines(): number[] {
    const out = this.lines;
    this.lines = [];
    return out;
  }

  /** Takes rows and their start lines together. */
  take(): { rows: string[][]; lines: number[] } {
    return { rows: this.takeRows(), lines: this.takeRowLines() };
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
  }

  private endRow(c: number): void {
    this.row.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
    const row = this.row;
    this.row = [];
    const blank = row.length === 1 && row[0] === '' && !this.quotedInRow;
    this.quotedInRow = false;
    if (!blank) {
      this.rows.push(row);
      this.lines.push(this.rowLine);
    }
    if (c === CR) this.skipLf = true;
    if (c === LF || c === CR) this.line++;
    this.rowLine = this.line;
  }
}

/**
 * Picks the delimiter whose field counts are most consistent over the first
 * rows of a sample (and, on a tie, the one giving more columns). When no
 * candidate gives at least two columns consistently, the text is a
 * one-column list and the delimiter that splits the fewest rows is returned.
 *
 * @example
 * ```ts
 * sniffDelimiter('Name;Beitrag\nAnna;Mehr Zeit, weniger Papier\n'); // ';'
 * ```
 */
export function sniffDelimiter(sample: string, maxRows = 50): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  let bestColumns = 1;
  // For a one-column list: the delimiter that splits the fewest rows.
  let single: CsvDelimiter = ',';
  let singleSplit = Number.POSITIVE_INFINITY;
  for (const candidate of CSV_DELIMITERS) {
    const parser = new CsvParser(candidate);
    parser.push(sample);
    parser.finish();
    let rows = parser.takeRows();
    // The last row of a cut sample may be incomplete.
    if (rows.length > 2 && sample.length >= 65536) rows = rows.slice(0, -1);
    rows = rows.slice(0, maxRows);
    if (rows.length === 0) continue;
    let split = 0;
    for (const row of rows) if (row.length > 1) split++;
    if (split < singleSplit) {
      single = candidate;
      singleSplit = split;
    }
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let modeColumns = 1;
    let modeRows = 0;
    for (const [columns, times] of counts) {
      if (times > modeRows || (times === modeRows && columns > modeColumns)) {
        modeColumns = columns;
        modeRows = times;
      }
    }
    if (modeColumns < 2) continue;
    // Rows that agree with the most common count, and the header row agreeing counts extra.
    const firstAgrees = rows[0]?.length === modeColumns ? 1 : 0;
    const score = modeRows / rows.length + firstAgrees * 0.5;
    if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && modeColumns > bestColumns)) {
      best = candidate;
      bestScore = score;
      bestColumns = modeColumns;
    }
  }
  return bestScore > 0 ? best : single;
}

function looksNumeric(cell: string): boolean {
  const s = cell.trim();
  if (s === '') return false;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 46 && c !== 44 && c !== 45 && c !== 43 && c !== 58 && c !== 47 && c !== 32 && c !== 84 && c !== 90) {
      return false; // not a digit or . , - + : / space T Z
    }
  }
  return digits > 0;
}

/**
 * Decides whether the first row of a table is a header. It is when one of its
 * cells is a known column name (`text`, `Beitrag`, `Start time`, …). Otherwise
 * it is when all its cells are non-empty, distinct and not numbers, there are
 * at least two columns, and either a column holds numbers or dates below a
 * non-numeric first cell, or the first row's cells are clearly shorter than
 * the cells below them. A one-column table without a known name has no header.
 *
 * @example
 * ```ts
 * sniffHeader([['Gruppe', 'Notiz'], ['1', 'Mehr Zeit für Projekte']]); // true
 * sniffHeader([['Mehr Zeit'], ['Weniger Papier']]); // false
 * ```
 */
export function sniffHeader(rows: readonly (readonly string[])[]): boolean {
  const first = rows[0];
  if (!first || first.length === 0) return false;
  if (first.some((cell) => isKnownColumnName(cell))) return true;
  if (first.length < 2 || rows.length < 2) return false;
  const seen = new Set<string>();
  for (const cell of first) {
    const key = cell.trim().toLowerCase();
    if (key === '' || seen.has(key) || looksNumeric(cell)) return false;
    seen.add(key);
  }
  const sample = rows.slice(1, 51);
  for (let c = 0; c < first.length; c++) {
    let numeric = 0;
    let filled = 0;
    for (const row of sample) {
      const cell = row[c] ?? '';
      if (cell.trim() === '') continue;
      filled++;
      if (looksNumeric(cell)) numeric++;
    }
    if (filled > 0 && numeric / filled >= 0.8) return true;
  }
  let headLength = 0;
  let bodyLength = 0;
  let bodyCells = 0;
  for (const cell of first) headLength += cell.length;
  for (const row of sample) {
    for (let c = 0; c < first.length; c++) {
      const cell = row[c];
      if (cell === undefined) continue;
      bodyLength += cell.length;
      bodyCells++;
    }
  }
  const headMean = headLength / first.length;
  const bodyMean = bodyCells > 0 ? bodyLength / bodyCells : 0;
  return headMean * 2 <= bodyMean;
}

/** Generated column names of a table without a header: `column1`, `column2`, … */
export function defaultColumnNames(count: number): string[] {
  const names: string[] = [];
  for (let i = 1; i <= count; i++) names.push(`column${i}`);
  return names;
}

/** Removes a leading byte order mark (U+FEFF). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses CSV or TSV text. Handles RFC 4180 quoting (delimiters, doubled
 * quotes and line breaks inside quotes), CRLF/LF/CR line ends and a leading
 * BOM; sniffs the delimiter (`,` `;` tab) and whether there is a header row
 * unless they are given. Runs in time linear in the input.
 *
 * @example
 * ```ts
 * const table = parseCsv('Gruppe;Beitrag\n1;"Mehr Zeit; weniger ""Papier"""\n');
 * table.delimiter; // ';'
 * table.header; // ['Gruppe', 'Beitrag']
 * table.rows; // [['1', 'Mehr Zeit; weniger "Papier"']]
 * ```
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvTable {
  const input = stripBom(text);
  const delimiter = options.delimiter ?? sniffDelimiter(input.slice(0, 65536));
  const parser = new CsvParser(delimiter);
  parser.push(input);
  parser.finish();
  const { rows, lines } = parser.take();
  return tableFromRows(rows, lines, delimiter, options.header, parser.warnings);
}

/**
 * Splits parsed rows into header and data rows (sniffing the header when
 * `header` is undefined). Shared by {@link parseCsv}, the xlsx reader and the
 * streaming reader.
 *
 * @example
 * ```ts
 * tableFromRows([['Text'], ['Mehr Zeit']], [1, 2], ',').header; // ['Text']
 * ```
 */
export function tableFromRows(
  rows: string[][],
  lines: number[],
  delimiter: string,
  header?: boolean,
  warnings: string[] = [],
): CsvTable {
  const hasHeader = header ?? sniffHeader(rows);
  if (hasHeader && rows.length > 0) {
    const head = rows[0] ?? [];
    return {
      header: head.map((cell) => stripBom(cell).trim()),
      rows: rows.slice(1),
      delimiter,
      hasHeader: true,
      rowLines: lines.slice(1),
      warnings: [...warnings],
    };
  }
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  return { header: defaultColumnNames(width), rows, delimiter, hasHeader: false, rowLines: lines, warnings: [...warnings] };
}

/**
 * Writes one CSV field, quoting it when it holds the delimiter, a quote, a
 * line break or leading/trailing space.
 *
 * @example
 * ```ts
 * csvField('Zeit, Geld', ','); // '"Zeit, Geld"'
 * ```
 */
export function csvField(value: string, delimiter: string = ','): string {
  let needs = value === '';
  for (let i = 0; !needs && i < value.length; i++) {
    const c = value[i];
    if (c === delimiter || c === '"' || c === '\n' || c === '\r') needs = true;
  }
  if (!needs) return value;
  let out = '"';
  for (const c of value) out += c === '"' ? '""' : c;
  return `${out}"`;
}

/**
 * Serialises rows to CSV (RFC 4180, CRLF line ends). The inverse of
 * {@link parseCsv} with the same delimiter and `header: false`.
 *
 * @example
 * ```ts
 * formatCsv([['a', 'b,c']]); // 'a,"b,c"\r\n'
 * ```
 */
export function formatCsv(rows: readonly (readonly string[])[], delimiter: string = ','): string {
  let out = '';
  for (const row of rows) out += `${row.map((cell) => csvField(cell, delimiter)).join(delimiter)}\r\n`;
  return out;
}
