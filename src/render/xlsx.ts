/**
 * XLSX: a workbook with a "Notes" sheet (one row per note) and a "Themes"
 * sheet (one row per theme), written by `write-excel-file` in its universal
 * build (browser and Node alike; loaded only when called).
 */
import { metadataColumns } from '../rows';
import type { ThemeReport } from '../types';
import { displayValue } from './html/escape';
import type { Cell as XlsxCell } from 'write-excel-file/universal';

/** Options of {@link renderXlsx}. */
export interface XlsxOptions {
  /** Sheet names. Default `Notes` and `Themes`. */
  sheetNames?: { notes?: string; themes?: string };
}

type Cell = XlsxCell;

/**
 * Renders a report as an Excel workbook. Text cells are written as strings
 * (never as formulas), so a note that starts with `=` stays text.
 *
 * @param report - A report from `analyze`.
 * @returns The `.xlsx` file as bytes.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { analyze, renderXlsx } from 'themenfinder';
 * await writeFile('themes.xlsx', await renderXlsx(analyze(notes)));
 * ```
 */
export async function renderXlsx(report: ThemeReport, options: XlsxOptions = {}): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const labels = new Map(report.themes.map((theme) => [theme.id, theme.label]));
  const meta = metadataColumns(report);
  const head = (value: string): Cell => ({ value, type: String, fontWeight: 'bold' });
  const text = (value: unknown): Cell => ({ value: displayValue(value), type: String });
  const num = (value: number, format?: string): Cell => ({ value, type: Number, ...(format ? { format } : {}) });

  const notes: Cell[][] = [
    ['id', 'text', 'themeId', 'theme', 'score', 'reason', 'terms', ...meta.map((m) => m.column)].map(head),
    ...report.notes.map((note) => [
      text(note.id),
      text(note.text),
      text(note.themeId ?? ''),
      text(note.themeId === null ? '' : (labels.get(note.themeId) ?? '')),
      num(note.score, '0.000'),
      text(note.reason ?? ''),
      text((note.terms ?? []).join(', ')),
      ...meta.map((m) => {
        const value = note.meta && Object.hasOwn(note.meta, m.key) ? note.meta[m.key] : '';
        return typeof value === 'number' && Number.isFinite(value) ? num(value) : text(value);
      }),
    ]),
  ];
  const themes: Cell[][] = [
    ['rank', 'themeId', 'theme', 'notes', 'share', 'keywords', 'representative notes'].map(head),
    ...report.themes.map((theme, i) => [
      num(i + 1),
      text(theme.id),
      text(theme.label),
      num(theme.size),
      num(theme.share, '0.0%'),
      text(theme.keywords.map((kw) => kw.term).join(', ')),
      text(theme.representativeNoteIds.join(', ')),
    ]),
  ];
  if (report.meta.unassigned > 0) {
    themes.push([null, text(''), text('(without theme)'), num(report.meta.unassigned), num(report.meta.notes ? report.meta.unassigned / report.meta.notes : 0, '0.0%'), null, null]);
  }
  const blob = await writeXlsxFile(
    [
      {
        data: notes,
        sheet: sheetName(options.sheetNames?.notes ?? 'Notes'),
        columns: [{ width: 8 }, { width: 70 }, { width: 9 }, { width: 22 }, { width: 8 }, { width: 10 }, { width: 30 }, ...meta.map(() => ({ width: 20 }))],
        stickyRowsCount: 1,
      },
      {
        data: themes,
        sheet: sheetName(options.sheetNames?.themes ?? 'Themes'),
        columns: [{ width: 6 }, { width: 9 }, { width: 24 }, { width: 8 }, { width: 8 }, { width: 70 }, { width: 24 }],
        stickyRowsCount: 1,
      },
    ],
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}
