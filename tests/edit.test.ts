import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLANTED_NOTES } from './helpers/notes';
import { analyze } from '../src/analyze';
import { mergeThemes, renameTheme, splitTheme } from '../src/edit';
import type { ThemenfinderError } from '../src/errors';
import type { ThemeReport } from '../src/types';

const NOTES = [...PLANTED_NOTES, '…'];

/** The invariants every report must keep. */
function checkReport(report: ThemeReport): void {
  const n = report.notes.length;
  const ids = report.themes.flatMap((t) => t.noteIds);
  expect(new Set(ids).size).toBe(ids.length); // every note at most once
  const assigned = report.notes.filter((note) => note.themeId !== null);
  expect(ids.length).toBe(assigned.length);
  expect(report.themes.reduce((s, t) => s + t.size, 0)).toBe(assigned.length);
  report.themes.forEach((theme, i) => {
    expect(theme.id).toBe(`t${i + 1}`);
    expect(theme.size).toBe(theme.noteIds.length);
    expect(theme.share).toBeCloseTo(theme.size / n, 6);
    for (const id of theme.noteIds) expect(report.notes.find((note) => note.id === id)!.themeId).toBe(theme.id);
    for (const id of theme.representativeNoteIds) expect(theme.noteIds).toContain(id);
    if (i > 0) expect(theme.size).toBeLessThanOrEqual(report.themes[i - 1]!.size);
  });
  expect(report.meta.k).toBe(report.themes.length);
  expect(report.meta.assigned + report.meta.unassigned).toBe(n);
  expect(new Set(report.themes.map((t) => t.label.toLowerCase())).size).toBe(report.themes.length);
}

const themeOf = (report: ThemeReport, noteId: string) => report.themes.find((t) => t.noteIds.includes(noteId))!;

describe('edit: merge, split, rename', () => {
  const report = analyze(NOTES, { k: 3, stability: false });

  it('the analysed report holds the three planted themes', () => {
    checkReport(report);
    expect(report.themes.map((t) => t.size)).toEqual([3, 3, 3]);
  });

  it('merges two themes into one with the given label, recomputing keywords', () => {
    const a = themeOf(report, '1').id;
    const b = themeOf(report, '4').id;
    const merged = mergeThemes(report, [a, b], 'Digitalisierung und Vernetzung');
    checkReport(merged);
    expect(merged.themes).toHaveLength(2);
    expect(merged.themes[0]).toMatchObject({ id: 't1', label: 'Digitalisierung und Vernetzung', size: 6 });
    expect(merged.themes[0]!.noteIds).toEqual(['1', '2', '3', '4', '5', '6']);
    const stems = merged.themes[0]!.keywords.map((k) => k.stem);
    expect(stems).toContain('netzwerk');
    expect(stems).toContain('digitalisierung');
    expect(merged.notes[9]!.themeId).toBeNull();
    expect(merged.notes[9]!.reason).toBe('no-terms');
    // the untouched theme keeps its label
    expect(themeOf(merged, '7').label).toBe(themeOf(report, '7').label);
  });

  it('merging without a label takes the label of the largest theme (ties: the first in the report)', () => {
    const merged = mergeThemes(report, ['t3', 't1']);
    expect(themeOf(merged, report.themes[0]!.noteIds[0]!).label).toBe(report.themes[0]!.label);
    const bigger = mergeThemes(report, ['t1', 't2'], 'Groß');
    const again = mergeThemes(bigger, [bigger.themes[1]!.id, 't1']);
    expect(again.themes[0]!.label).toBe('Groß');
  });

  it('split undoes a merge: the planted themes come back', () => {
    const merged = mergeThemes(report, [themeOf(report, '1').id, themeOf(report, '4').id], 'Beides');
    const split = splitTheme(merged, 't1', 2);
    checkReport(split);
    const groups = split.themes.map((t) => t.noteIds.join(',')).sort();
    expect(groups).toEqual(['1,2,3', '4,5,6', '7,8,9']);
  });

  it('renames a theme and changes nothing else', () => {
    const renamed = renameTheme(report, 't2', '  Netzwerke & Kooperation ');
    expect(renamed.themes[1]!.label).toBe('Netzwerke & Kooperation');
    expect({ ...renamed, themes: renamed.themes.map((t) => ({ ...t, label: '' })) }).toEqual({
      ...report,
      themes: report.themes.map((t) => ({ ...t, label: '' })),
    });
    expect(report.themes[1]!.label).not.toBe('Netzwerke & Kooperation'); // input unchanged
  });

  it('keeps guided fields of untouched themes and drops them for merged ones', () => {
    const guided = analyze(NOTES, {
      themes: [{ label: 'Daten', terms: ['Daten', 'Monitoring'], description: 'Data.' }],
      k: 2,
      stability: 3,
    });
    const data = guided.themes.find((t) => t.guided)!;
    const others = guided.themes.filter((t) => !t.guided);
    const merged = mergeThemes(guided, others.map((t) => t.id));
    checkReport(merged);
    const kept = merged.themes.find((t) => t.label === 'Daten')!;
    expect(kept).toMatchObject({ guided: true, description: 'Data.', stability: data.stability });
    expect(merged.themes.find((t) => t.label !== 'Daten')!.stability).toBeUndefined();
  });

  it('is deterministic', () => {
    const once = splitTheme(mergeThemes(report, ['t1', 't2', 't3']), 't1', 3);
    const twice = splitTheme(mergeThemes(report, ['t1', 't2', 't3']), 't1', 3);
    expect(once).toEqual(twice);
    checkReport(once);
  });

  it('keeps the invariants under random merges and splits', () => {
    const corpus = analyze(
      [...NOTES, 'Tablets und Laptops', 'Kooperation mit Vereinen', 'Statistik der Schulen', 'Daten teilen', 'Netzwerke pflegen'],
      { k: 4, stability: false },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.nat()), { maxLength: 4 }), (steps) => {
        let current = corpus;
        for (const [merge, x, y] of steps) {
          const ids = current.themes.map((t) => t.id);
          if (merge && ids.length >= 2) {
            const a = ids[x % ids.length]!;
            const b = ids[(x + 1 + (y % (ids.length - 1))) % ids.length]!;
            current = mergeThemes(current, [a, b]);
          } else {
            const theme = current.themes[x % current.themes.length]!;
            try {
              current = splitTheme(current, theme.id, 2);
            } catch (error) {
              expect((error as ThemenfinderError).code).toBe('BAD_OPTION');
            }
          }
          checkReport(current);
        }
      }),
      { numRuns: 12, seed: 7 },
    );
  });

  it('rejects unknown ids, too few ids, bad k and taken labels with BAD_OPTION', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return [(error as ThemenfinderError).code, (error as Error).message];
      }
      return ['none', ''];
    };
    expect(code(() => mergeThemes(report, ['t1']))).toEqual(['BAD_OPTION', expect.stringMatching(/at least two/)]);
    expect(code(() => mergeThemes(report, ['t1', 't9']))).toEqual(['BAD_OPTION', expect.stringMatching(/t9.*t1, t2, t3/)]);
    expect(code(() => splitTheme(report, 't1', 1))[0]).toBe('BAD_OPTION');
    expect(code(() => splitTheme(report, 't1', 4))).toEqual(['BAD_OPTION', expect.stringMatching(/cannot be split into 4/)]);
    expect(code(() => renameTheme(report, 't1', report.themes[1]!.label))[0]).toBe('BAD_OPTION');
    expect(code(() => renameTheme(report, 't1', '  '))[0]).toBe('BAD_OPTION');
  });
});
