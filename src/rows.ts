/**
 * Tidy rows of a report for data tools (Observable Plot, Arquero, Danfo,
 * spreadsheets): one row per note, one row per theme × keyword.
 */
import type { ThemeReport } from './types';

/** One note as a flat row; metadata fields are spread in after the fixed columns. */
export interface NoteRow {
  id: string;
  text: string;
  /** Theme id, or `null` for notes without theme. */
  themeId: string | null;
  /** Theme label, or `null` for notes without theme. */
  theme: string | null;
  score: number;
  /** Why the note has no theme (`'no-terms'`, `'outlier'`), else `null`. */
  reason: string | null;
  /** The note's explanation terms joined with `', '`. */
  terms: string;
  [meta: string]: unknown;
}

/** One keyword of one theme. */
export interface KeywordRow {
  themeId: string;
  theme: string;
  term: string;
  stem: string;
  weight: number;
  /** 1 for the most distinctive keyword of the theme. */
  rank: number;
}

/** The tidy tables of a report. */
export interface ReportRows {
  notes: NoteRow[];
  keywords: KeywordRow[];
}

const FIXED = new Set(['id', 'text', 'themeId', 'theme', 'score', 'reason', 'terms']);

/**
 * Turns a report into tidy rows. Metadata fields become columns; a field
 * whose name clashes with a fixed column (say `theme`) is kept as
 * `meta.theme`. Every note row has every metadata column (missing values
 * are `null`), so the rows form a rectangular table.
 *
 * @example
 * ```ts
 * import { analyze, toRows } from 'themenfinder';
 * const { notes, keywords } = toRows(analyze(input));
 * // Observable Plot: Plot.barY(notes, Plot.groupX({ y: 'count' }, { x: 'theme' }))
 * ```
 */
export function toRows(report: ThemeReport): ReportRows {
  const labels = new Map(report.themes.map((theme) => [theme.id, theme.label]));
  const metaKeys = metadataColumns(report);
  const notes = report.notes.map((note) => {
    const row: NoteRow = {
      id: note.id,
      text: note.text,
      themeId: note.themeId,
      theme: note.themeId === null ? null : (labels.get(note.themeId) ?? null),
      score: note.score,
      reason: note.reason ?? null,
      terms: (note.terms ?? []).join(', '),
    };
    for (const { key, column } of metaKeys) {
      const value = note.meta && Object.hasOwn(note.meta, key) ? note.meta[key] : null;
      Object.defineProperty(row, column, { value: value ?? null, enumerable: true, writable: true, configurable: true });
    }
    return row;
  });
  const keywords = report.themes.flatMap((theme) =>
    theme.keywords.map((kw, i) => ({
      themeId: theme.id,
      theme: theme.label,
      term: kw.term,
      stem: kw.stem,
      weight: kw.weight,
      rank: i + 1,
    })),
  );
  return { notes, keywords };
}

/**
 * The metadata fields of a report in order of first appearance, with the
 * column name each gets in the tidy rows (`meta.<name>` on a clash).
 *
 * @example
 * ```ts
 * metadataColumns(report); // [{ key: 'group', column: 'group' }, …]
 * ```
 */
export function metadataColumns(report: ThemeReport): Array<{ key: string; column: string }> {
  const seen = new Set<string>();
  const columns: Array<{ key: string; column: string }> = [];
  for (const note of report.notes) {
    for (const key of Object.keys(note.meta ?? {})) {
      if (seen.has(key)) continue;
      seen.add(key);
      columns.push({ key, column: FIXED.has(key) ? `meta.${key}` : key });
    }
  }
  return columns;
}
