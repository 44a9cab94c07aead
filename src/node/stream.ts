/**
 * Streaming import of large CSV/TSV/JSONL files (Node only): the file is read
 * in chunks and notes are yielded one by one, so it is never held in memory
 * as a whole. The CSV state machine is the same as `parseCsv`'s.
 */
import { createReadStream } from 'node:fs';
import { ThemenfinderError } from '../errors';
import { CsvParser, sniffDelimiter, sniffHeader, stripBom, tableFromRows } from '../import/csv';
import { formatFromFileName } from '../import/detect';
import { parseJsonlLine } from '../import/json';
import { planTable, rowToNote } from '../import/records';
import type { NoteRecord } from '../types';
import { binaryReason, bomOf } from './encoding';
import { type ReadNotesOptions, checkFile, checkReadOptions, readNotesFile } from './read';

/** Default largest file for streaming: 4 GB. */
export const DEFAULT_STREAM_MAX_BYTES = 4 * 1024 * 1024 * 1024;

/** Options of {@link streamNotes}: those of `readNotesFile` plus a warning callback. */
export interface StreamNotesOptions extends ReadNotesOptions {
  /** Called with each warning (the column chosen, an unclosed quote, …). */
  onWarning?: (message: string) => void;
}

async function* decodeChunks(path: string, options: StreamNotesOptions): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let offset = 0;
  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let chunk = raw as Buffer;
    if (!decoder) {
      const bom = bomOf(chunk);
      let label: string = options.encoding === 'latin1' || options.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
      if (bom) {
        label = bom.encoding;
        chunk = chunk.subarray(bom.length);
      } else {
        const why = binaryReason(chunk);
        if (why) throw new ThemenfinderError('NOT_TEXT', `${path} is not readable text: it looks like ${why}.`, { file: path });
      }
      decoder = new TextDecoder(label, { fatal: label === 'utf-8' });
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new ThemenfinderError(
        'NOT_TEXT',
        `${path} is not readable text: bytes near offset ${offset} are not UTF-8. ` +
          'If the file comes from Excel or an older Windows program, read it with --encoding windows-1252 (API: encoding).',
        { file: path },
      );
    }
    offset += raw.length;
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}

/** Windows-1252 fix-up for the C1 range, as in `decodeWindows1252`. */
function fixCp1252(text: string, enabled: boolean): string {
  if (!enabled) return text;
  const high = [
    0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
    0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
  ];
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(high[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
}

/**
 * Yields the notes of a CSV, TSV or JSONL file one at a time, reading the
 * file in 1 MB chunks; memory stays bounded by the chunk size and the longest
 * row. The delimiter and header are sniffed from the first 64 KB, the text
 * column from the first 50 rows. JSON and XLSX files cannot be streamed and
 * are read whole (within `maxBytes`); `.txt` throws `UNSUPPORTED_FORMAT`
 * (use `readNotesFile` and the board parser).
 *
 * @example
 * ```ts
 * import { streamNotes } from 'themenfinder/node';
 * let count = 0;
 * for await (const note of streamNotes('survey-100k.csv', { textColumn: 'Antwort' })) count++;
 * ```
 */
export async function* streamNotes(path: string, options: StreamNotesOptions = {}): AsyncGenerator<NoteRecord> {
  const { onWarning, ...readOptions } = options;
  checkReadOptions(readOptions);
  const warn = onWarning ?? (() => {});
  await checkFile(path, readOptions.maxBytes ?? DEFAULT_STREAM_MAX_BYTES);
  const format = readOptions.format ?? formatFromFileName(path) ?? 'csv';
  if (format === 'json' || format === 'xlsx') {
    const result = await readNotesFile(path, readOptions);
    for (const w of result.warnings) warn(w);
    yield* result.notes;
    return;
  }
  if (format === 'txt') {
    throw new ThemenfinderError(
      'UNSUPPORTED_FORMAT',
      `${path}: board text cannot be streamed; read it with readNotesFile and parse it as a board.`,
      { file: path },
    );
  }
  const cp1252 = readOptions.encoding === 'windows-1252' || readOptions.encoding === 'latin1';
  const chunks = decodeChunks(path, readOptions);

  if (format === 'jsonl') {
    let carry = '';
    let line = 1;
    let index = 0;
    const jsonOptions = { file: path, ...(readOptions.textField !== undefined ? { textField: readOptions.textField } : {}) };
    for await (const piece of chunks) {
      carry += fixCp1252(piece, cp1252);
      let start = 0;
      let end = carry.indexOf('\n', start);
      while (end >= 0) {
        const note = parseJsonlLine(carry.slice(start, end), line, index, jsonOptions);
        if (note) {
          index++;
          yield note;
        }
        line++;
        start = end + 1;
        end = carry.indexOf('\n', start);
      }
      carry = carry.slice(start);
    }
    const last = parseJsonlLine(carry, line, index, jsonOptions);
    if (last) yield last;
    return;
  }

  // CSV / TSV: buffer 64 KB to sniff, then run the state machine chunk by chunk.
  let sample = '';
  let parser: CsvParser | undefined;
  let plan: ReturnType<typeof planTable> | undefined;
  let pending: string[][] = [];
  let headerDecided = false;
  const sniffRows = 51;

  const start = (text: string) => {
    const delimiter = readOptions.delimiter ?? (format === 'tsv' ? '\t' : sniffDelimiter(stripBom(text).slice(0, 65536)));
    parser = new CsvParser(delimiter);
    parser.push(stripBom(text));
  };
  const decide = (final: boolean): NoteRecord[] => {
    if (!parser) return [];
    pending.push(...parser.takeRows());
    parser.takeRowLines();
    if (!headerDecided && (pending.length >= sniffRows || final)) {
      headerDecided = true;
      const hasHeader = readOptions.header ?? sniffHeader(pending);
      const table = tableFromRows(pending, [], '', hasHeader);
      plan = planTable(table.header, table.rows, {
        ...(readOptions.textColumn !== undefined ? { textColumn: readOptions.textColumn } : {}),
        ...(readOptions.idColumn !== undefined ? { idColumn: readOptions.idColumn } : {}),
      });
      for (const w of plan.warnings) warn(w);
      pending = table.rows;
    }
    if (!plan) return [];
    const notes: NoteRecord[] = [];
    for (const row of pending) {
      const note = rowToNote(plan, row);
      if (note) notes.push(note);
    }
    pending = [];
    return notes;
  };

  for await (const piece of chunks) {
    const text = fixCp1252(piece, cp1252);
    if (!parser) {
      sample += text;
      if (sample.length < 65536) continue;
      start(sample);
      sample = '';
    } else {
      parser.push(text);
    }
    yield* decide(false);
  }
  if (!parser) start(sample);
  parser?.finish();
  for (const w of parser?.warnings ?? []) warn(w);
  yield* decide(true);
}
