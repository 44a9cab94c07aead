/**
 * Themes × metadata: which metadata field to cross the themes with, and the
 * counts of that table.
 */
import type { ThemeReport } from '../../types';
import { displayValue } from './escape';

/** A themes × values count table. */
export interface CrossTable {
  /** The metadata field. */
  field: string;
  /** The distinct values, in order of first appearance; `''` stands for "not given" and comes last. */
  values: string[];
  /** One row per theme (report order), then one for the notes without theme when there are any. */
  rows: Array<{ themeId: string | null; counts: number[]; total: number }>;
  /** The largest single count (for colour scales). */
  max: number;
}

/**
 * Picks the metadata field to cross with the themes: among the fields with
 * 2 to 15 distinct values, the one with the highest
 * `notes that have the field × log2(distinct values)`, so a field given on
 * every note with two values loses to one given on most notes with ten.
 * Returns `undefined` when no field qualifies.
 *
 * @example
 * ```ts
 * chooseCrossField(report); // e.g. 'group'
 * ```
 */
export function chooseCrossField(report: ThemeReport): string | undefined {
  const stats = new Map<string, { given: number; values: Set<string> }>();
  for (const note of report.notes) {
    for (const [key, raw] of Object.entries(note.meta ?? {})) {
      const value = displayValue(raw);
      if (value === '') continue;
      let entry = stats.get(key);
      if (!entry) {
        entry = { given: 0, values: new Set() };
        stats.set(key, entry);
      }
      entry.given++;
      if (entry.values.size <= 16) entry.values.add(value);
    }
  }
  let best: string | undefined;
  let bestScore = 0;
  for (const [key, { given, values }] of stats) {
    if (values.size < 2 || values.size > 15) continue;
    const score = given * Math.log2(values.size);
    if (score > bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Counts the notes of each theme per value of a metadata field.
 *
 * @example
 * ```ts
 * const table = crossTable(report, 'group');
 * table.rows[0].counts; // notes of the first theme per group
 * ```
 */
export function crossTable(report: ThemeReport, field: string): CrossTable {
  const values: string[] = [];
  const index = new Map<string, number>();
  let missing = false;
  for (const note of report.notes) {
    const value = displayValue(note.meta?.[field]);
    if (value === '') {
      missing = true;
      continue;
    }
    if (!index.has(value)) {
      index.set(value, values.length);
      values.push(value);
    }
  }
  if (missing) {
    index.set('', values.length);
    values.push('');
  }
  const rowOf = new Map<string | null, number>();
  const rows: CrossTable['rows'] = report.themes.map((theme, i) => {
    rowOf.set(theme.id, i);
    return { themeId: theme.id, counts: new Array(values.length).fill(0), total: 0 };
  });
  if (report.notes.some((note) => note.themeId === null)) {
    rowOf.set(null, rows.length);
    rows.push({ themeId: null, counts: new Array(values.length).fill(0), total: 0 });
  }
  let max = 0;
  for (const note of report.notes) {
    const row = rows[rowOf.get(note.themeId) ?? -1];
    if (!row) continue;
    const column = index.get(displayValue(note.meta?.[field]))!;
    row.counts[column]!++;
    row.total++;
    max = Math.max(max, row.counts[column]!);
  }
  return { field, values, rows, max };
}
