/**
 * Output of `themenfinder parse`: the units as JSON Lines, JSON or CSV.
 */
import { formatCsv } from '../import/csv';

/** A unit as read from a file: a note or (board text only) a heading, with metadata. */
export interface InputUnit {
  id?: string;
  text: string;
  kind: 'note' | 'heading';
  [meta: string]: unknown;
}

/**
 * Formats units for display.
 *
 * @example
 * ```ts
 * formatUnits([{ id: '1', text: 'Datenschutz', kind: 'note' }], 'jsonl');
 * ```
 */
export function formatUnits(units: readonly InputUnit[], format: 'jsonl' | 'json' | 'csv'): string {
  if (format === 'json') return `${JSON.stringify(units, null, 2)}\n`;
  if (format === 'jsonl') return units.map((unit) => `${JSON.stringify(unit)}\n`).join('');
  const columns: string[] = ['id', 'kind', 'text'];
  for (const unit of units) for (const key of Object.keys(unit)) if (!columns.includes(key)) columns.push(key);
  const rows = [columns, ...units.map((unit) => columns.map((c) => cell(unit[c])))];
  return formatCsv(rows, ',');
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
