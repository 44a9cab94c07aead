import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze';
import type { ThemenfinderError } from '../src/errors';
import { assignGuided, DEFAULT_GUIDED_THRESHOLD, INFIX_WEIGHT, PREFIX_WEIGHT, wordMatch } from '../src/guided/assign';
import { compileThemes, contentWords } from '../src/guided/compile';
import { loadThemes } from '../src/guided/validate';
import { german } from '../src/language/german';
import type { GuidedTheme } from '../src/types';
import { repoPath } from './helpers/corpus';

const TERM_OPTIONS = { language: german, stopwords: german.stopwords };

const THEMES: GuidedTheme[] = [
  { label: 'Digitales Lernen', terms: ['digital', 'Tablets', 'WLAN'], description: 'Devices and networks.' },
  { label: 'Vernetzung', terms: ['Netzwerk', 'Kooperation'] },
  { label: 'Nie benutzt', terms: ['Raumfahrt'] },
];

const NOTES = [
  'Tablets für alle Klassen', // 1 → Digitales Lernen
  'WLAN in jeder Schule', // 2 → Digitales Lernen
  'Netzwerkarbeit stärken', // 3 → Vernetzung (compound: Netzwerk…)
  'Kooperation mit Vereinen', // 4 → Vernetzung
  'Bildungsnetzwerke ausbauen', // 5 → Vernetzung (compound: …netzwerk)
  'Mittagessen in der Mensa', // 6 → none: clustered
  'Mensa Mittagessen gesünder', // 7 → none: clustered
  'Sporthalle sanieren', // 8 → none: clustered
  'Sporthalle modernisieren', // 9 → none: clustered
];

describe('guided: term matching', () => {
  const w = (text: string) => contentWords(text, TERM_OPTIONS)[0]!;
  it('matches the same stem, a compound start and a compound end with falling weights', () => {
    expect(wordMatch(w('Netzwerke'), w('Netzwerk'))).toBe(1);
    expect(wordMatch(w('Netzwerkarbeit'), w('Netzwerk'))).toBe(PREFIX_WEIGHT);
    expect(wordMatch(w('Bildungsnetzwerk'), w('Netzwerk'))).toBe(INFIX_WEIGHT);
    expect(wordMatch(w('Datenlage'), w('Daten'))).toBe(PREFIX_WEIGHT); // by the norm: the stem "dat" is too short
  });
  it('does not match short terms inside other words', () => {
    expect(wordMatch(w('Toolbox'), w('Tool'))).toBe(0); // "tool" has 4 letters
    expect(wordMatch(w('Kandidaten'), w('Kita'))).toBe(0);
  });
  it('needs every word of a phrase term', () => {
    const theme = compileThemes([{ label: 'Herkunft', terms: ['soziale Herkunft'] }], TERM_OPTIONS);
    const one = assignGuided([contentWords('Herkunft der Eltern', TERM_OPTIONS)], theme, { threshold: 0 });
    const both = assignGuided([contentWords('soziale Herkunft entscheidet', TERM_OPTIONS)], theme, { threshold: 0 });
    expect(one.theme[0]).toBe(-1);
    expect(both.theme[0]).toBe(0);
  });
});

describe('guided: assignment in analyze', () => {
  const report = analyze(NOTES, { themes: THEMES, k: 2, stability: false });
  const byLabel = new Map(report.themes.map((t) => [t.label, t]));

  it('puts each note where a moderator would', () => {
    expect(byLabel.get('Digitales Lernen')!.noteIds).toEqual(['1', '2']);
    expect(byLabel.get('Vernetzung')!.noteIds).toEqual(['3', '4', '5']);
  });
  it('clusters the notes that fit no guided theme into k new themes next to them', () => {
    const clustered = report.themes.filter((t) => !t.guided);
    expect(clustered).toHaveLength(2);
    expect(clustered.map((t) => t.noteIds).sort()).toEqual([['6', '7'], ['8', '9']]);
  });
  it('keeps guided labels exactly, with description and guided: true', () => {
    const digital = byLabel.get('Digitales Lernen')!;
    expect(digital.guided).toBe(true);
    expect(digital.description).toBe('Devices and networks.');
    expect(byLabel.get('Vernetzung')!.description).toBeUndefined();
    expect(digital.keywords.length).toBeGreaterThan(0);
  });
  it('shows an empty guided theme with size 0, after the others', () => {
    const empty = byLabel.get('Nie benutzt')!;
    expect(empty).toMatchObject({ size: 0, share: 0, noteIds: [], guided: true });
    expect(report.themes.at(-1)!.label).toBe('Nie benutzt');
  });
  it('explains guided notes by the words that matched', () => {
    expect(report.notes[2]!.terms).toEqual(['Netzwerkarbeit']);
    expect(report.notes[4]!.terms).toEqual(['Bildungsnetzwerke']);
  });
  it('keeps every note exactly once and sizes consistent', () => {
    const ids = report.themes.flatMap((t) => t.noteIds).sort();
    expect(ids).toEqual(NOTES.map((_, i) => String(i + 1)).sort());
    expect(report.themes.reduce((s, t) => s + t.size, 0)).toBe(NOTES.length);
  });
  it('is deterministic', () => {
    expect(analyze(NOTES, { themes: THEMES, k: 2, stability: false })).toEqual(report);
  });
  it('a high threshold leaves notes to the clustering', () => {
    const strict = analyze(NOTES, { themes: THEMES, k: 2, guidedThreshold: 5, stability: false });
    expect(strict.themes.filter((t) => t.guided).every((t) => t.size === 0)).toBe(true);
  });
  it('rejects bad options with BAD_OPTION', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as ThemenfinderError).code;
      }
      return 'none';
    };
    expect(code(() => analyze(NOTES, { guidedThreshold: -1 }))).toBe('BAD_OPTION');
    expect(code(() => analyze(NOTES, { themes: [{ label: 'X', terms: ['der'] }] }))).toBe('BAD_OPTION');
    expect(() => analyze(NOTES, { themes: 'bildungg' })).toThrow(/Did you mean "bildung"\?.*Known presets: bildung/);
  });
});

/** Per-theme F1 of the four core themes of the preset against the hand coding. */
function corpusF1(threshold: number) {
  const rows = readFileSync(repoPath('tests/fixtures/guided/corpus-sample.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { text: string; label: string });
  const compiled = compileThemes(loadThemes('bildung'), TERM_OPTIONS);
  const assignment = assignGuided(
    rows.map((r) => contentWords(r.text, TERM_OPTIONS)),
    compiled,
    { threshold },
  );
  const four = ['Digitalisierung', 'Vernetzung', 'Bildungsgerechtigkeit', 'Datenbasierung'];
  return four.map((label) => {
    const g = compiled.findIndex((c) => c.theme.label === label);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    rows.forEach((row, i) => {
      const gold = row.label === label.toLowerCase();
      const predicted = assignment.theme[i] === g;
      if (gold && predicted) tp++;
      else if (predicted) fp++;
      else if (gold) fn++;
    });
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    return { label, precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
  });
}

describe('guided: the bildung preset against a hand coding of the corpus', () => {
  it('reaches a macro F1 of at least 0.65 over the four core themes', () => {
    const scores = corpusF1(DEFAULT_GUIDED_THRESHOLD);
    const macro = scores.reduce((s, x) => s + x.f1, 0) / scores.length;
    console.log(scores.map((s) => `${s.label}: P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} F1 ${s.f1.toFixed(3)}`).join('\n'), `\nmacro F1 ${macro.toFixed(3)}`);
    expect(macro).toBeGreaterThanOrEqual(0.65);
    for (const s of scores) expect(s.f1).toBeGreaterThan(0.5);
  });
  it('the hand coding has the labels the test expects', () => {
    const labels = new Set(
      readFileSync(repoPath('tests/fixtures/guided/corpus-sample.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { label: string }).label),
    );
    expect([...labels].sort()).toEqual(['bildungsgerechtigkeit', 'datenbasierung', 'digitalisierung', 'other', 'vernetzung']);
  });
});
