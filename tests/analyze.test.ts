import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLANTED_NOTES } from './helpers/notes';
import { analyze } from '../src/analyze';
import { ThemenfinderError } from '../src/errors';
import { parseBoard } from '../src/import/board';
import { corpusText } from './helpers/corpus';

const SMALL = PLANTED_NOTES;

function corpusNotes() {
  return parseBoard(corpusText())
    .filter((u) => u.kind === 'note')
    .map(({ id, text, group, column, section }) => ({ id, text, group, column, section }));
}

describe('analyze: the contract', () => {
  it('finds the three planted themes in a small hand-made set', () => {
    const report = analyze(SMALL, { k: 3 });
    expect(report.themes).toHaveLength(3);
    const groups = report.themes.map((t) => t.noteIds.map(Number).sort((a, b) => a - b));
    expect(groups).toEqual(
      expect.arrayContaining([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ]),
    );
    const labels = report.themes.map((t) => t.label);
    expect(labels.some((l) => /^Digital/i.test(l))).toBe(true);
    expect(labels.some((l) => /^(Daten|Bildungsmonitoring|Monitoring)/i.test(l))).toBe(true);
  });

  it('gives ids "1", "2", … to notes without ids and keeps given ids', () => {
    const report = analyze(['Schule digital', { id: 'x-7', text: 'Schule vernetzt', group: 'G1' }, 'Schule offen']);
    expect(report.notes.map((n) => n.id)).toEqual(['1', 'x-7', '3']);
    expect(report.notes[1]!.meta).toEqual({ group: 'G1' });
  });

  it('keeps the own enumerable fields of a note object as meta, in their order, and not inherited or hidden ones', () => {
    const note = Object.create({ inherited: 'no' }) as Record<string, unknown>;
    Object.assign(note, { b: 2, text: 'Schule digital', a: 1, 7: 'seven' });
    Object.defineProperty(note, 'hidden', { value: 'no', enumerable: false });
    const report = analyze([note as { text: string }, 'Schule vernetzt', 'Schule offen']);
    expect(report.notes[0]!.meta).toEqual({ 7: 'seven', b: 2, a: 1 });
    expect(Object.keys(report.notes[0]!.meta!)).toEqual(['7', 'b', 'a']);
  });

  it('keeps every note exactly once, in input order, with finite numbers', () => {
    const notes = corpusNotes();
    const report = analyze(notes);
    expect(report.notes.map((n) => n.id)).toEqual(notes.map((n) => n.id));
    const inThemes = report.themes.flatMap((t) => t.noteIds);
    const unassigned = report.notes.filter((n) => n.themeId === null).map((n) => n.id);
    expect(new Set(inThemes).size).toBe(inThemes.length);
    expect([...inThemes, ...unassigned].sort()).toEqual(notes.map((n) => n.id).sort());
    for (const note of report.notes) {
      expect(Number.isFinite(note.score)).toBe(true);
      if (note.themeId === null) expect(note.reason).toBeDefined();
    }
    for (const theme of report.themes) {
      expect(theme.size).toBe(theme.noteIds.length);
      expect(theme.share).toBeCloseTo(theme.size / notes.length, 5);
      expect(theme.representativeNoteIds.every((id) => theme.noteIds.includes(id))).toBe(true);
      expect(theme.keywords.length).toBeGreaterThan(0);
    }
    expect(report.meta.assigned + report.meta.unassigned).toBe(notes.length);
  });

  it('is byte-identical for the same input and seed, and differs in nothing but randomness for another seed', () => {
    const notes = corpusNotes();
    const a = JSON.stringify(analyze(notes, { k: 8, seed: 7 }));
    const b = JSON.stringify(analyze(notes, { k: 8, seed: 7 }));
    expect(a).toBe(b);
    const c = analyze(notes, { k: 8, seed: 8 });
    expect(c.notes.map((n) => n.id)).toEqual(notes.map((n) => n.id));
  });

  it('puts notes without content words aside with a reason instead of merging them', () => {
    const report = analyze(['Digitalisierung Schule', 'Digitalisierung Schule Netz', 'und oder aber', '', '2021']);
    const byId = new Map(report.notes.map((n) => [n.id, n]));
    for (const id of ['3', '4', '5']) {
      expect(byId.get(id)!.themeId).toBeNull();
      expect(byId.get(id)!.reason).toBe('no-terms');
    }
  });

  it('clamps k to the distinct notes and says so', () => {
    const report = analyze(['Datenschutz', 'Datenschutz', 'Digitalisierung Schule', 'Digitalisierung Schule'], { k: 5 });
    expect(report.themes.length).toBeLessThanOrEqual(2);
    expect(report.meta.warnings.join(' ')).toMatch(/k = 5/);
  });

  it('takes user stopwords per call', () => {
    const notes = ['Schule digital', 'Schule vernetzt', 'Schule offen', 'Schule digital vernetzt'];
    const plain = analyze(notes, { k: 1, keepRareTerms: true, maxDf: 1 });
    expect(plain.themes[0]!.keywords.map((k) => k.stem)).toContain('schul');
    const without = analyze(notes, { k: 1, keepRareTerms: true, maxDf: 1, stopwords: { add: ['Schule'] } });
    expect(without.themes[0]!.keywords.map((k) => k.term)).not.toContain('Schule');
  });

  it('reports each stage to onStage and keeps the callback out of the report', () => {
    const seen: string[] = [];
    const report = analyze(SMALL, {
      k: 3,
      onStage: (stage, ms) => {
        expect(ms).toBeGreaterThanOrEqual(0);
        seen.push(stage);
      },
    });
    expect(seen).toEqual(['prepare', 'terms', 'guided', 'features', 'cluster', 'stability', 'describe', 'report']);
    expect(Object.keys(report.meta.options)).not.toContain('onStage');
    expect(JSON.stringify(report)).toBe(JSON.stringify(analyze(SMALL, { k: 3 })));
  });

  it('throws only ThemenfinderError for arbitrary input and options', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.record({ text: fc.string() })), { maxLength: 12 }),
        fc.record({ k: fc.oneof(fc.constant('auto' as const), fc.integer({ min: -2, max: 20 })), seed: fc.integer() }, { requiredKeys: [] }),
        (notes, options) => {
          try {
            const report = analyze(notes, options);
            expect(report.notes).toHaveLength(notes.length);
          } catch (error) {
            expect(error).toBeInstanceOf(ThemenfinderError);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
