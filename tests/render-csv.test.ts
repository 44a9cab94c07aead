import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze';
import { parseCsv } from '../src/import/csv';
import { csvCell, renderCsv } from '../src/render/csv';
import type { NoteRecord } from '../src/types';

const NOTES: NoteRecord[] = [
  { text: 'Digitalisierung der Schulen vorantreiben', group: 'Gruppe 1', column: 'Was war?' },
  { text: '=HYPERLINK("http://evil.example","Digitalisierung")', group: '+Gruppe 2' },
  { text: 'Netzwerke; Kooperation, "stärken"', group: '-1', column: '@home' },
  { text: 'Netzwerke der Bildungsakteure\nüber Zeilen hinweg', group: 'Gruppe 1' },
  { text: 'Daten nutzen', score: 'metadata named like a column' },
];

describe('renderCsv', () => {
  const report = analyze(NOTES, { k: 2 });

  it('starts with a BOM and round-trips through a CSV parser', () => {
    for (const delimiter of [',', ';', '\t'] as const) {
      const csv = renderCsv(report, { delimiter });
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const table = parseCsv(csv, { delimiter, header: true });
      expect(table.header.slice(0, 7)).toEqual(['id', 'text', 'themeId', 'theme', 'score', 'reason', 'terms']);
      expect(table.header).toContain('group');
      expect(table.header).toContain('meta.score');
      expect(table.rows).toHaveLength(NOTES.length);
      const text = table.header.indexOf('text');
      expect(table.rows[3]![text]).toBe(NOTES[3]!.text);
      expect(table.rows[2]![text]).toBe(NOTES[2]!.text);
    }
  });

  it('guards cells that a spreadsheet would run as formulas', () => {
    const csv = renderCsv(report, { bom: false });
    const table = parseCsv(csv, { delimiter: ',', header: true });
    const col = (name: string) => table.header.indexOf(name);
    expect(table.rows[1]![col('text')]).toBe(`'${NOTES[1]!.text}`);
    expect(table.rows[1]![col('group')]).toBe("'+Gruppe 2");
    expect(table.rows[2]![col('group')]).toBe("'-1");
    expect(table.rows[2]![col('column')]).toBe("'@home");
    expect(renderCsv(report, { formulaGuard: false, bom: false })).toContain('"=HYPERLINK(');
  });

  it('writes decimal commas with ";" and points with ","', () => {
    const score = report.notes.find((n) => n.score > 0 && !Number.isInteger(n.score))!.score;
    expect(renderCsv(report, { delimiter: ';' })).toContain(`;${String(score).replace('.', ',')};`);
    expect(renderCsv(report)).toContain(`,${score},`);
  });

  it('rejects an unknown delimiter with its name', () => {
    expect(() => renderCsv(report, { delimiter: '|' as never })).toThrow(/delimiter must be/);
  });

  it('never lets a cell start a formula and always parses back (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(',', ';'), (value, delimiter) => {
        const cell = csvCell(value, delimiter, true);
        const parsed = parseCsv(`a${delimiter}b\r\n${cell}${delimiter}x\r\n`, { delimiter, header: true }).rows[0]![0] ?? '';
        const unguarded = /^[=+\-@\t\r]/.test(value) ? parsed.slice(1) : parsed;
        return !/^[=+\-@\t\r]/.test(parsed) && unguarded === value;
      }),
      { numRuns: 500 },
    );
  });
});
