/**
 * Themes × values of a metadata field: how the themes spread over working
 * groups, board columns, survey questions, …
 */
import { ThemenfinderError } from './errors';
import type { ThemeReport } from './types';

/** One row of a cross-tabulation: a theme (or the unassigned notes). */
export interface CrosstabRow {
  /** Theme id, or `null` for notes without theme. */
  themeId: string | null;
  /** Theme label, or `"(without theme)"`. */
  label: string;
  /** Notes of the theme per value, aligned with `values`. */
  counts: number[];
  /** Share of each value's notes that fall in this theme (column shares), aligned with `values`. */
  shares: number[];
  /** All notes of the theme. */
  total: number;
}

/** Themes × values of one metadata field. */
export interface Crosstab {
  /** The metadata field, e.g. `"group"`. */
  field: string;
  /** The distinct values in order of first appearance; notes without the field count as `"(none)"`. */
  values: string[];
  /** Number of notes per value. */
  totals: number[];
  /** One row per theme (report order), then one for unassigned notes if there are any. */
  rows: CrosstabRow[];
}

/**
 * Counts the notes of each theme per value of a metadata field.
 *
 * @param report - A report from `analyze`.
 * @param field - A metadata field of the notes.
 * @returns Counts and column shares (each value's notes spread over the themes).
 * @throws ThemenfinderError `BAD_OPTION` when no note has the field, naming the fields there are.
 *
 * @example
 * ```ts
 * const table = crosstab(report, 'group');
 * table.values; // ['Gruppe 1: Daten', 'Gruppe 2: …', …]
 * table.rows[0].counts; // notes of the first theme in each group
 * ```
 */
export function crosstab(report: ThemeReport, field: string): Crosstab {
  const known = new Set<string>();
  let seen = false;
  for (const note of report.notes) {
    if (!note.meta) continue;
    for (const key of Object.keys(note.meta)) known.add(key);
    if (Object.hasOwn(note.meta, field)) seen = true;
  }
  if (!seen) {
    const list = [...known].sort();
    throw new ThemenfinderError(
      'BAD_OPTION',
      `No note has the metadata field "${field}". ${list.length > 0 ? `Fields present: ${list.join(', ')}.` : 'The notes carry no metadata.'}`,
      { option: 'by', value: field },
    );
  }
  const values: string[] = [];
  const column = new Map<string, number>();
  const valueIn = (meta: Record<string, unknown> | undefined): string => {
    const raw = meta && Object.hasOwn(meta, field) ? meta[field] : undefined;
    if (raw === undefined || raw === null || raw === '') return '(none)';
    return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  };
  for (const note of report.notes) {
    const v = valueIn(note.meta);
    if (!column.has(v)) {
      column.set(v, values.length);
      values.push(v);
    }
  }
  const rowIndex = new Map<string | null, number>(report.themes.map((t, i) => [t.id, i]));
  const rows: CrosstabRow[] = report.themes.map((t) => ({
    themeId: t.id,
    label: t.label,
    counts: new Array(values.length).fill(0),
    shares: [],
    total: 0,
  }));
  const totals = new Array<number>(values.length).fill(0);
  for (const note of report.notes) {
    const c = column.get(valueIn(note.meta))!;
    totals[c]! += 1;
    let r = rowIndex.get(note.themeId);
    if (r === undefined) {
      rowIndex.set(null, rows.length);
      rows.push({ themeId: null, label: '(without theme)', counts: new Array(values.length).fill(0), shares: [], total: 0 });
      r = rows.length - 1;
    }
    rows[r]!.counts[c]! += 1;
    rows[r]!.total += 1;
  }
  for (const row of rows) row.shares = row.counts.map((count, c) => (totals[c]! > 0 ? Math.round((count / totals[c]!) * 1e6) / 1e6 : 0));
  return { field, values, totals, rows };
}

/**
 * Adds the cross-tabulations of `fields` to a report (as `crosstabs`), e.g.
 * for JSON output.
 *
 * @example
 * ```ts
 * withCrosstabs(report, ['group']).crosstabs?.group.rows;
 * ```
 */
export function withCrosstabs(report: ThemeReport, fields: readonly string[]): ThemeReport {
  const crosstabs: Record<string, Crosstab> = { ...(report.crosstabs ?? {}) };
  for (const field of fields) {
    // defineProperty, not assignment: a field named "__proto__" must stay a key.
    Object.defineProperty(crosstabs, field, { value: crosstab(report, field), enumerable: true, writable: true, configurable: true });
  }
  return { ...report, crosstabs };
}
