import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze';
import { toRows } from '../src/rows';

const NOTES = [
  { id: 'a', text: 'Digitalisierung der Schulen', group: 'G1' },
  { id: 'b', text: 'Digitalisierung und Endgeräte', column: 'Was war?' },
  { id: 'c', text: 'Netzwerke stärken', group: 'G2', theme: 'given by the user' },
  { id: 'd', text: 'und oder', group: 'G2' },
  { id: 'e', text: 'Netzwerke und Kooperation', ['__proto__']: 'not a prototype' },
];

describe('toRows', () => {
  const report = analyze(NOTES, { k: 2 });
  const { notes, keywords } = toRows(report);

  it('gives one rectangular row per note with the metadata as columns', () => {
    expect(notes.map((row) => row.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const columns = Object.keys(notes[0]!);
    for (const row of notes) expect(Object.keys(row)).toEqual(columns);
    expect(columns).toEqual(['id', 'text', 'themeId', 'theme', 'score', 'reason', 'terms', 'group', 'column', 'meta.theme', '__proto__']);
    expect(notes[2]!['meta.theme']).toBe('given by the user');
    expect(notes[1]!.group).toBeNull();
    expect(Object.getPrototypeOf(notes[4])).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(notes[4], '__proto__')?.value).toBe('not a prototype');
    const d = notes[3]!;
    expect([d.themeId, d.theme, d.reason]).toEqual([null, null, 'no-terms']);
  });

  it('labels each note with its theme', () => {
    const labels = new Map(report.themes.map((t) => [t.id, t.label]));
    for (const row of notes) expect(row.theme).toBe(row.themeId === null ? null : labels.get(row.themeId));
  });

  it('gives one row per theme and keyword, ranked', () => {
    expect(keywords).toHaveLength(report.themes.reduce((sum, t) => sum + t.keywords.length, 0));
    for (const theme of report.themes) {
      const rows = keywords.filter((row) => row.themeId === theme.id);
      expect(rows.map((row) => row.rank)).toEqual(rows.map((_, i) => i + 1));
      expect(rows.map((row) => row.stem)).toEqual(theme.keywords.map((kw) => kw.stem));
    }
  });

  it('keeps every note and every metadata value (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: fc.constantFrom('Schule digital', 'Netzwerk stärken', 'Daten nutzen'), tag: fc.option(fc.string()) }), {
          minLength: 1,
          maxLength: 20,
        }),
        (input) => {
          const rows = toRows(analyze(input, { k: 1 })).notes;
          return rows.length === input.length && rows.every((row, i) => row.tag === (input[i]!.tag ?? null));
        },
      ),
      { numRuns: 50 },
    );
  });
});
