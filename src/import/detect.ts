/**
 * Choosing an input format from a file name, and from the text when the name
 * does not tell. Pure: no Node built-ins.
 */
import { ThemenfinderError } from '../errors';

/** The input formats themenfinder reads. */
export type InputFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'txt' | 'xlsx';

/** All input formats, for validating options. */
export const INPUT_FORMATS: readonly InputFormat[] = ['csv', 'tsv', 'json', 'jsonl', 'txt', 'xlsx'];

const BY_EXTENSION: Record<string, InputFormat> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  txt: 'txt',
  text: 'txt',
  md: 'txt',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
};

const NOT_SUPPORTED: Record<string, string> = {
  xls: 'old binary Excel (.xls) files are not read; save the sheet as .xlsx or .csv',
  ods: 'OpenDocument spreadsheets are not read; save the sheet as .xlsx or .csv',
  numbers: 'Numbers files are not read; export the sheet as .xlsx or .csv',
  pdf: 'PDF files are not read; turn the PDF into text first (e.g. `pdftotext -layout file.pdf`)',
  docx: 'Word files are not read; save the document as plain text (.txt)',
  zip: 'ZIP archives are not read; unpack them and pass the CSV or XLSX inside',
};

/** The lowercased extension of a file name without the dot, or `''`. */
export function extensionOf(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const base = fileName.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * The format a file name implies, or `undefined` when the extension is not
 * known (then {@link sniffTextFormat} decides from the content). Throws
 * `UNSUPPORTED_FORMAT` for known formats that cannot be read (`.xls`,
 * `.pdf`, …) with the way out.
 *
 * @example
 * ```ts
 * formatFromFileName('antworten.XLSX'); // 'xlsx'
 * formatFromFileName('notizen.ndjson'); // 'jsonl'
 * formatFromFileName('export'); // undefined
 * ```
 */
export function formatFromFileName(fileName: string): InputFormat | undefined {
  const ext = extensionOf(fileName);
  const format = BY_EXTENSION[ext];
  if (format) return format;
  const why = NOT_SUPPORTED[ext];
  if (why) {
    throw new ThemenfinderError('UNSUPPORTED_FORMAT', `${fileName}: ${why}.`, { file: fileName, value: ext });
  }
  return undefined;
}

/**
 * Guesses the format of a text without a telling file name: JSON when it
 * starts with `[` or `{` and the first line is not a complete object (then
 * JSONL), CSV/TSV when the first line has tabs, semicolons or commas and the
 * next line has as many, plain text otherwise.
 *
 * @example
 * ```ts
 * sniffTextFormat('{"text":"a"}\n{"text":"b"}\n'); // 'jsonl'
 * sniffTextFormat('Nr;Text\n1;Mehr Zeit\n'); // 'csv'
 * sniffTextFormat('Mehr Zeit\n\nWeniger Papier\n'); // 'txt'
 * ```
 */
export function sniffTextFormat(text: string): InputFormat {
  let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  s = s.slice(0, 65536);
  const trimmed = s.trimStart();
  if (trimmed.startsWith('[')) return 'json';
  if (trimmed.startsWith('{')) {
    const firstLineEnd = trimmed.indexOf('\n');
    const firstLine = (firstLineEnd < 0 ? trimmed : trimmed.slice(0, firstLineEnd)).trim();
    if (firstLineEnd >= 0) {
      try {
        JSON.parse(firstLine);
        return 'jsonl';
      } catch {
        return 'json';
      }
    }
    return 'json';
  }
  const lines = s.split('\n', 3);
  const first = lines[0] ?? '';
  const second = lines[1] ?? '';
  const count = (line: string, c: string) => {
    let n = 0;
    for (const ch of line) if (ch === c) n++;
    return n;
  };
  if (count(first, '\t') > 0 && count(first, '\t') === count(second, '\t')) return 'tsv';
  for (const d of [';', ',']) {
    const n = count(first, d);
    if (n > 0 && n === count(second, d) && second.trim() !== '') return 'csv';
  }
  return 'txt';
}
