/**
 * Odd but valid input (issue 7): every note comes back exactly once, in
 * order, with its text; every number is finite; the report survives a JSON
 * round trip and validates against the shipped schema. Through `analyze` and
 * through the CLI.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './helpers/cli';
import { analyze } from '../src/analyze';
import { german } from '../src/language/german';
import { normalizeText } from '../src/normalize';
import { extractTerms } from '../src/terms';
import type { NoteInput, ThemeReport } from '../src/types';
import { repoPath } from './helpers/corpus';

const schema = JSON.parse(readFileSync(repoPath('schema/report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** Every number anywhere in the value. */
function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) numbersIn(v, out);
  return out;
}

/** The checks every report of odd input must pass. */
function expectComplete(report: ThemeReport, input: readonly NoteInput[], maxNoteLength = 10_000): void {
  const ids = input.map((note, i) => (typeof note === 'string' || note.id === undefined ? String(i + 1) : String(note.id)));
  const texts = input.map((note) => (typeof note === 'string' ? note : note.text).slice(0, maxNoteLength));
  expect(report.notes.map((n) => n.id)).toEqual(ids);
  expect(report.notes.map((n) => n.text)).toEqual(texts);
  const inThemes = report.themes.flatMap((t) => t.noteIds);
  expect(new Set(inThemes).size).toBe(inThemes.length);
  const unassigned = report.notes.filter((n) => n.themeId === null).map((n) => n.id);
  expect(inThemes.length + unassigned.length).toBe(input.length);
  expect(report.meta.assigned + report.meta.unassigned).toBe(input.length);
  for (const note of report.notes) {
    if (note.themeId === null) expect(note.reason).toBeDefined();
    else expect(report.themes.find((t) => t.id === note.themeId)?.noteIds).toContain(note.id);
  }
  for (const x of numbersIn(report)) expect(Number.isFinite(x)).toBe(true);
  const json = JSON.stringify(report);
  const back = JSON.parse(json);
  expect(JSON.stringify(back)).toBe(json);
  expect(back).toEqual(JSON.parse(JSON.stringify(back)));
  const ok = validate(back);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const stems = (text: string) => extractTerms(text, { language: german, stopwords: german.stopwords }).stems;

const CONTENT = ['Digitalisierung der Schulen', 'Digitale Schulen vernetzen', 'Netzwerke der Bildung', 'Bildung vernetzen'];

/** Named odd inputs; each is analysed alone and (where it makes sense) with k. */
const CASES: Record<string, NoteInput[]> = {
  'empty and whitespace-only notes': ['', ' ', '\t', '\n\r\n', '\u00A0\u2028\u3000', ...CONTENT, ''],
  'only empty notes': ['', '   ', '\n'],
  'stopwords only': ['und oder aber', 'der die das', 'ich du er sie es', 'z. B. usw. etc.'],
  'numbers only': ['2021', '42 %', '3,14', '1.000.000', '12:30', '1990er', '-7'],
  'a single note': ['Digitalisierung der Schulen vorantreiben'],
  'mixed German and English': [
    'Digitalisierung der Schulen',
    'digital transformation of schools',
    'Netzwerke stärken and build networks',
    'Schule digital',
    'schools go digital',
  ],
  'emoji only': ['🚀', '👩‍👩‍👧 ❤️', '1️⃣ 🇩🇪', '😀😀😀', '\uFE0F'],
  'right-to-left text': ['التعليم الرقمي في المدارس', 'חינוך דיגיטלי בבתי ספר', 'التعليم الرقمي', 'Digitalisierung ‏בבתי ספר‎'],
  'control characters': [
    Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('Schule'),
    'Digital\u007Fisierung',
    'Digi\u200Btalisierung',
    'Digi\u200Dtalisierung\u200C',
    '\u202EDigitalisierung\u202C der Schulen',
    '\u2066Schule\u2069 \u2067digital\u2069',
  ],
  'combining and precomposed letters': ['Schu\u0308ler digital', 'Schüler digital', 'Mädchen und Jungen', 'Ma\u0308dchen und Jungen'],
  'full-width letters': ['ＳＣＨＵＬＥ digital', 'Schule digital', 'Ａｋｔｅｕｒ＊ｉｎｎｅｎ', 'Akteur*innen'],
  'lone surrogates': ['\uD800', 'Schule \uDC00 digital', '\uDBFF\uDFFF\uD83D', 'Schule digital \uD83D'],
  'very long single words': ['a'.repeat(5_000), `Donaudampfschifffahrts${'gesellschaft'.repeat(50)}`, 'Schule digital', 'Schule'],
  'notes with only URLs': [
    'https://example.org/schule?x=1',
    'www.example.de',
    'info@example.de',
    '<https://example.org>, (www.example.com).',
    'Schule digital https://example.org',
  ],
  'objects with ids and metadata': [
    { id: 7, text: 'Schule digital', group: 'A' },
    { id: 'x', text: '', group: null },
    { text: 'Netzwerk Bildung', nested: { deep: [1, 2] } },
  ],
};

describe('odd but valid input through analyze', () => {
  for (const [name, notes] of Object.entries(CASES)) {
    it(`${name}: every note once, in order, finite, schema-valid`, () => {
      expectComplete(analyze(notes), notes);
      expectComplete(analyze(notes, { k: 3, seed: 1 }), notes);
    });
  }

  it('notes without content words have no theme and the reason "no-terms"', () => {
    for (const name of ['only empty notes', 'stopwords only', 'numbers only', 'emoji only', 'notes with only URLs']) {
      const notes = CASES[name]!;
      const report = analyze(notes);
      const expected = name === 'notes with only URLs' ? notes.length - 1 : notes.length;
      expect(report.notes.filter((n) => n.reason === 'no-terms'), name).toHaveLength(expected);
      if (expected === notes.length) expect(report.themes, name).toEqual([]);
    }
  });

  it('a single note makes one theme', () => {
    const report = analyze(CASES['a single note']!);
    expect(report.themes).toHaveLength(1);
    expect(report.notes[0]!.themeId).toBe('t1');
  });

  it('clamps k larger than the distinct notes and says so in meta.warnings', () => {
    const notes = ['Datenschutz', 'Datenschutz', 'Digitalisierung Schule', 'Digitalisierung Schule', ''];
    const report = analyze(notes, { k: 10 });
    expectComplete(report, notes);
    expect(report.themes.length).toBeLessThanOrEqual(2);
    expect(report.meta.k).toBe(report.themes.length);
    expect(report.meta.warnings.some((w) => /k = 10/.test(w))).toBe(true);
    const none = analyze(['', 'und'], { k: 4 });
    expect(none.themes).toEqual([]);
    expect(none.meta.warnings.some((w) => /k = 4/.test(w))).toBe(true);
  });

  it('5,000 identical notes: all kept, k clamped with a warning', () => {
    const notes = Array.from({ length: 5_000 }, () => 'Digitalisierung der Schulen');
    const report = analyze(notes);
    expectComplete(report, notes);
    expect(report.themes.length).toBeLessThanOrEqual(1);
    const clamped = analyze(notes, { k: 3 });
    expectComplete(clamped, notes);
    expect(clamped.themes.length).toBeLessThanOrEqual(1);
    expect(clamped.meta.warnings.join(' ')).toMatch(/k = 3/);
  });

  // Regression: maxDf (default 0.5) once counted duplicates, so a note repeated
  // by more than half of the participants lost all its terms ("no-terms").
  // Document frequencies are now counted over distinct term bags.
  it('a note repeated by most participants still forms a theme', () => {
    const others = ['Netzwerke der Bildung', 'Bildung vernetzen', 'Daten nutzen', 'Datenschutz beachten', 'Monitoring Daten'];
    const notes = [...Array.from({ length: 100 }, () => 'Digitalisierung Schule'), ...others];
    const report = analyze(notes);
    expect(report.notes[0]!.themeId).not.toBeNull();
    expect(analyze(Array.from({ length: 50 }, () => 'Digitalisierung Schule')).themes).toHaveLength(1);
  });

  it('combining accents give the same terms as precomposed letters', () => {
    expect(stems('Schu\u0308ler')).toEqual(stems('Schüler'));
    expect(stems('Ma\u0308dchen Fo\u0308rderung')).toEqual(stems('Mädchen Förderung'));
    const report = analyze(CASES['combining and precomposed letters']!, { k: 2 });
    expect(report.notes[0]!.themeId).toBe(report.notes[1]!.themeId);
    expect(report.notes[2]!.themeId).toBe(report.notes[3]!.themeId);
  });

  it('full-width letters give the same terms as ASCII (NFKC folding)', () => {
    expect(stems('ＳＣＨＵＬＥ')).toEqual(stems('SCHULE'));
    expect(stems('ｓｃｈｕｌｅ ｄｉｇｉｔａｌ')).toEqual(stems('schule digital'));
    expect(stems('Ａｋｔｅｕｒ＊ｉｎｎｅｎ')).toEqual(stems('Akteur*innen'));
    expect(stems('ﬁnanzieren')).toEqual(stems('finanzieren'));
    expect(normalizeText('Ｓｃｈｕｌｅ')).toBe('Schule');
    // punctuation that NFKC would break is left alone
    expect(normalizeText('geht´s weiter…')).toBe('geht´s weiter…');
    const report = analyze(CASES['full-width letters']!, { k: 2 });
    expect(report.notes[0]!.themeId).toBe(report.notes[1]!.themeId);
    expect(report.notes[2]!.themeId).toBe(report.notes[3]!.themeId);
  });

  it('invisible format characters do not split words; other controls separate them', () => {
    expect(stems('Digi\u200Btalisierung')).toEqual(stems('Digitalisierung'));
    expect(stems('Digi\u200Dtali\u2060sierung\uFEFF')).toEqual(stems('Digitalisierung'));
    expect(stems('\u202EDigitalisierung\u202C')).toEqual(stems('Digitalisierung'));
    expect(stems('Schule\u0000digital')).toEqual(stems('Schule digital'));
    expect(stems('Schule\u0007digital\u007F')).toEqual(stems('Schule digital'));
  });

  it('right-to-left notes get terms of their own script', () => {
    const report = analyze(CASES['right-to-left text']!, { k: 2, keepRareTerms: true });
    expect(report.notes[0]!.themeId).not.toBeNull();
    expect(stems('חינוך דיגיטלי')).toEqual(['חינוך', 'דיגיטלי']);
  });

  it('lone surrogates survive JSON and are not terms', () => {
    expect(stems('\uD800 \uDC00')).toEqual([]);
    const report = analyze(CASES['lone surrogates']!);
    expect(JSON.parse(JSON.stringify(report)).notes[0].text).toBe('\uD800');
  });

  it('very long words are not terms but the note is kept whole', () => {
    const report = analyze(CASES['very long single words']!);
    expect(report.notes[0]!.reason).toBe('no-terms');
    expect(report.notes[0]!.text).toHaveLength(5_000);
  });
});

const cli = runCaptured;

describe('odd but valid input through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tf-odd-'));

  for (const [name, notes] of Object.entries(CASES)) {
    it(`${name} (JSONL): exit 0, every note once, in order, with its text`, async () => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.jsonl`);
      const records = notes.map((n, i) => (typeof n === 'string' ? { id: `n${i}`, text: n } : { id: `n${i}`, ...n }));
      writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
      const result = await cli(['analyze', file, '--format', 'json', '--quiet', '--seed', '5']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as ThemeReport;
      expectComplete(report, records);
    });
  }

  it('the same notes as a JSON array of strings and as CSV (printable cases)', async () => {
    const printable = [
      ...CASES['empty and whitespace-only notes']!.filter((t) => typeof t === 'string' && t.trim() !== ''),
      ...(CASES['mixed German and English'] as string[]),
      ...(CASES['emoji only'] as string[]),
      ...(CASES['right-to-left text'] as string[]),
      ...(CASES['full-width letters'] as string[]),
      ...(CASES['combining and precomposed letters'] as string[]),
    ] as string[];
    const json = join(dir, 'strings.json');
    writeFileSync(json, JSON.stringify(printable));
    const fromJson = await cli(['analyze', json, '--format', 'json', '--quiet']);
    expect(fromJson.code).toBe(0);
    expectComplete(JSON.parse(fromJson.stdout), printable);

    const csv = join(dir, 'notes.csv');
    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    writeFileSync(csv, `text\n${printable.map(quote).join('\n')}\n`);
    const fromCsv = await cli(['analyze', csv, '--format', 'json', '--quiet']);
    expect(fromCsv.code).toBe(0);
    const report = JSON.parse(fromCsv.stdout) as ThemeReport;
    expect(report.notes.map((n) => n.text)).toEqual(printable);
  });

  it('clamps k in the CLI too and prints every format without error', async () => {
    const file = join(dir, 'few.json');
    writeFileSync(file, JSON.stringify(['Datenschutz', 'Datenschutz', '', '🚀']));
    const json = await cli(['analyze', file, '--format', 'json', '--k', '9', '--quiet']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).meta.warnings.join(' ')).toMatch(/k = 9/);
    for (const format of ['md', 'html', 'csv']) {
      const out = await cli(['analyze', file, '--format', format, '--k', '9', '--quiet']);
      expect(out.code, format).toBe(0);
      expect(out.stdout.length, format).toBeGreaterThan(0);
    }
  });
});
