import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze';
import { renderXlsx } from '../src/render/xlsx';

const NOTES = [
  { text: 'Digitalisierung der Schulen', group: 'Gruppe 1', votes: 3 },
  { text: '=1+1 Digitalisierung', group: 'Gruppe 2', votes: 0 },
  { text: 'Netzwerke stärken <script>', group: 'Gruppe 1' },
  { text: 'Netzwerke und Kooperation', group: 'Gruppe 2', votes: 5 },
];

describe('renderXlsx', () => {
  it('writes a notes sheet and a themes sheet that Excel readers open', async () => {
    const report = analyze(NOTES, { k: 2 });
    const bytes = await renderXlsx(report);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip archive
    const sheets = await readXlsxFile(Buffer.from(bytes));
    expect(sheets.map((s) => s.sheet)).toEqual(['Notes', 'Themes']);
    const notes = sheets[0]!.data;
    expect(notes[0]).toEqual(['id', 'text', 'themeId', 'theme', 'score', 'reason', 'terms', 'group', 'votes']);
    expect(notes).toHaveLength(NOTES.length + 1);
    expect(notes[2]![1]).toBe('=1+1 Digitalisierung'); // text, not a formula
    expect(notes[3]![1]).toBe('Netzwerke stärken <script>');
    expect(notes[1]![8]).toBe(3); // numbers stay numbers
    expect(notes.slice(1).map((row) => row[4])).toEqual(report.notes.map((n) => n.score));
    const themes = sheets[1]!.data;
    expect(themes.slice(1).map((row) => row[2])).toEqual(report.themes.map((t) => t.label));
    expect(themes.slice(1).map((row) => row[3])).toEqual(report.themes.map((t) => t.size));
  });
});
