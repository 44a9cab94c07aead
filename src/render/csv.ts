/**
 * CSV: one row per note, for Excel, LibreOffice and other programs.
 *
 * UTF-8 with a byte order mark by default (Excel then reads umlauts right),
 * `;` as delimiter for Excel in German locales, RFC 4180 quoting, CRLF line
 * ends. Cells that start with `=`, `+`, `-`, `@`, tab or carriage return get
 * a leading `'` so a spreadsheet never runs a note as a formula.
 */
import { ThemenfinderError } from '../errors';
import { displayValue } from './html/escape';
import { metadataColumns } from '../rows';
import type { ThemeReport } from '../types';

/** Options of {@link renderCsv}. */
export interface CsvRenderOptions {
  /** Field delimiter: `','` (default) or `';'` (Excel with German locale). `'\t'` writes TSV. */
  delimiter?: ',' | ';' | '\t';
  /** Start with a UTF-8 byte order mark so Excel detects the encoding. Default true. */
  bom?: boolean;
  /** Prefix cells that start with `= + - @` (or tab/CR) with `'`. Default true; turn off only for programs, never for spreadsheets. */
  formulaGuard?: boolean;
}

/**
 * Renders a report as CSV text, one row per note in input order, with the
 * columns `id, text, themeId, theme, score, reason, terms` and one column
 * per metadata field.
 *
 * @param report - A report from `analyze`.
 * @param options - Delimiter, byte order mark, formula guard.
 * @returns The CSV text (starting with U+FEFF unless `bom: false`).
 * @throws ThemenfinderError `BAD_OPTION` for an unsupported delimiter.
 *
 * @example
 * ```ts
 * import { analyze, renderCsv } from 'themenfinder';
 * const csv = renderCsv(analyze(notes), { delimiter: ';' }); // for Excel (German)
 * ```
 */
export function renderCsv(report: ThemeReport, options: CsvRenderOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  if (delimiter !== ',' && delimiter !== ';' && delimiter !== '\t') {
    throw new ThemenfinderError('BAD_OPTION', `delimiter must be ",", ";" or a tab, got ${JSON.stringify(delimiter)}.`, {
      option: 'delimiter',
      value: delimiter,
    });
  }
  const guard = options.formulaGuard ?? true;
  const labels = new Map(report.themes.map((theme) => [theme.id, theme.label]));
  const meta = metadataColumns(report);
  const header = ['id', 'text', 'themeId', 'theme', 'score', 'reason', 'terms', ...meta.map((m) => m.column)];
  const lines = [header.map((cell) => csvCell(cell, delimiter, guard)).join(delimiter)];
  for (const note of report.notes) {
    const cells = [
      note.id,
      note.text,
      note.themeId ?? '',
      note.themeId === null ? '' : (labels.get(note.themeId) ?? ''),
      note.score,
      note.reason ?? '',
      (note.terms ?? []).join(', '),
      ...meta.map((m) => (note.meta && Object.hasOwn(note.meta, m.key) ? note.meta[m.key] : '')),
    ];
    lines.push(cells.map((cell) => csvCell(cell, delimiter, guard)).join(delimiter));
  }
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/**
 * One CSV cell: numbers as written (with a decimal comma when the delimiter
 * is `;`), text guarded against formulas and quoted when needed.
 *
 * @example
 * ```ts
 * csvCell('=SUM(A1)', ',', true); // "'=SUM(A1)"
 * csvCell('a;b', ';', true); // '"a;b"'
 * ```
 */
export function csvCell(value: unknown, delimiter: string, guard: boolean): string {
  if (typeof value === 'number') {
    const text = Number.isFinite(value) ? String(value) : '';
    return delimiter === ';' ? text.replace('.', ',') : text;
  }
  let text = displayValue(value);
  if (guard && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (text.includes(delimiter) || /["\r\n]/.test(text) || /^\s|\s$/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}
