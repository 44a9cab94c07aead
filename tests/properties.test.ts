/**
 * Property tests of `analyze` (issue 7): for arbitrary notes and arbitrary
 * option values, valid or not, `analyze` either returns a report that
 * validates against the shipped schema, keeps every note once in order and is
 * byte-identical for the same seed, or throws a ThemenfinderError with a
 * known code — never another error type. With valid notes and valid options
 * it always succeeds.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze';
import { type ErrorCode, ThemenfinderError } from '../src/errors';
import type { AnalyzeOptions, NoteInput, ThemeReport } from '../src/types';
import { repoPath } from './helpers/corpus';

const schema = JSON.parse(readFileSync(repoPath('schema/report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const CODES: ErrorCode[] = ['EMPTY_INPUT', 'BAD_OPTION', 'BAD_NOTE'];

// --- notes -----------------------------------------------------------------

const WORDS = [
  'Digitalisierung', 'Schule', 'Schulen', 'digital', 'Netzwerk', 'Netzwerke', 'Bildung', 'Daten', 'Monitoring',
  'Kooperation', 'Akteur*innen', 'Schüler:innen', 'E-Learning', 'und', 'der', 'die', 'z. B.', '2021', '🚀',
  'www.example.de', 'Ｓｃｈｕｌｅ', 'Schu\u0308le', 'Jugend', 'Beteiligung', 'Kita', 'Sport', 'Kultur',
];
/** Text that looks like notes: words from a small German vocabulary, sometimes with noise. */
const noteText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', '\u200B', '\uD800', 'a'.repeat(200)) },
);
/** Metadata keys, including the ones that are dangerous on plain objects. */
const metaKey = fc.oneof(
  fc.constantFrom('group', 'column', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
  fc.string({ maxLength: 8 }).filter((k) => k !== 'id' && k !== 'text'),
);
const metaValue = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }));

/** A list of valid notes: strings, or objects with unique ids (or none), text and metadata. */
const validNotes = fc
  .array(
    fc.tuple(
      fc.boolean(),
      noteText,
      fc.option(fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 5 })), { nil: undefined }),
      fc.array(fc.tuple(metaKey, metaValue), { maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 14 },
  )
  .map((items) => {
    const used = new Set<string>();
    return items.map(([asString, text, id, meta], i): NoteInput => {
      if (asString) {
        used.add(String(i + 1));
        return text;
      }
      // JSON.parse makes "__proto__" an own key, as a file reader would
      const record = JSON.parse(JSON.stringify({ text })) as Record<string, unknown> & { text: string };
      for (const [key, value] of meta) Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
      const candidate = id === undefined ? String(i + 1) : String(id);
      if (!used.has(candidate) && id !== undefined) record.id = id;
      used.add(id !== undefined && record.id !== undefined ? candidate : String(i + 1));
      return record;
    });
  })
  // positional ids ("3") may collide with given ones; keep only lists without collisions
  .filter((notes) => {
    const ids = notes.map((n, i) => (typeof n === 'string' || n.id === undefined ? String(i + 1) : String(n.id)));
    return new Set(ids).size === ids.length;
  });

/** Anything, including things that are not notes. */
const anyNotes = fc.oneof(
  { weight: 4, arbitrary: validNotes },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.oneof(
        noteText,
        fc.record({ text: noteText }),
        fc.constant(null),
        fc.integer(),
        fc.record({ text: fc.integer() }),
        fc.record({ id: fc.constant(1), text: fc.constant('dup') }),
        fc.array(fc.string(), { maxLength: 2 }),
      ),
      { maxLength: 8 },
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.constant([]), fc.constant(null), fc.string(), fc.constant({ text: 'x' })) },
) as fc.Arbitrary<NoteInput[]>;

// --- options ---------------------------------------------------------------

/** Valid values of every option (kept small so runs stay fast). */
const validOptions: fc.Arbitrary<AnalyzeOptions> = fc
  .record(
  {
    k: fc.oneof(fc.constant('auto' as const), fc.integer({ min: 1, max: 20 })),
    seed: fc.oneof(fc.integer(), fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER)),
    stemmer: fc.constantFrom('cistem' as const, 'snowball' as const),
    minDf: fc.oneof(fc.constant('auto' as const), fc.integer({ min: 1, max: 4 })),
    maxDf: fc.oneof(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 2, max: 30 })),
    keepRareTerms: fc.boolean(),
    topTerms: fc.integer({ min: 1, max: 12 }),
    representatives: fc.integer({ min: 0, max: 5 }),
    restarts: fc.integer({ min: 1, max: 3 }),
    maxNoteLength: fc.integer({ min: 1, max: 300 }),
    outlierThreshold: fc.double({ min: 0, max: 1, noNaN: true }),
    stopwords: fc.record(
      { add: fc.array(fc.constantFrom(...WORDS, 'x', ''), { maxLength: 3 }), remove: fc.array(fc.constantFrom('und', 'der', 'Schule'), { maxLength: 2 }) },
      { requiredKeys: [] },
    ),
    themes: fc.constantFrom('bildung', [{ label: 'Digitales', terms: ['Digitalisierung', 'E-Learning'] }]),
    guidedThreshold: fc.double({ min: 0, max: 3, noNaN: true }),
    stability: fc.oneof(fc.boolean(), fc.integer({ min: 1, max: 3 })),
  },
  { requiredKeys: [] },
  )
  // A guided term on the user's stopword list is a BAD_OPTION (a real conflict): keep them apart here.
  .map((o) => (o.themes !== undefined && o.stopwords?.add ? { ...o, stopwords: { ...o.stopwords, add: [] } } : o));

/** A wrong value for some option, or an unknown option name. */
const wrongOption: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ k: fc.constantFrom(0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '3', 'many', null, [], {}) }),
  fc.record({ seed: fc.constantFrom(1.5, Number.NaN, '7', Number.MAX_SAFE_INTEGER + 2, true) }),
  fc.record({ stemmer: fc.constantFrom('porter', '', 'CISTEM', 0) }),
  fc.record({ minDf: fc.constantFrom(0, -3, 0.5, 'all') }),
  fc.record({ maxDf: fc.constantFrom(0, -0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '0.5') }),
  fc.record({ topTerms: fc.constantFrom(0, -1, 1.5, '8') }),
  fc.record({ stopwords: fc.constantFrom(null, 'und', ['und'], { add: 'x' }, { add: [1] }, { plus: [] }) }),
  fc.record({ keepRareTerms: fc.constantFrom('yes', 1, null) }),
  fc.record({ restarts: fc.constantFrom(0, 1001, 2.5) }),
  fc.record({ maxNoteLength: fc.constantFrom(0, -1, 1.5) }),
  fc.record({ outlierThreshold: fc.constantFrom(-0.1, 1.1, Number.NaN) }),
  fc.record({ language: fc.constantFrom('fr', 'en', '', null) }),
  fc.record({ themes: fc.constantFrom('unbekannt', [{ label: '' }], [{ label: 'A', terms: 'x' }], 5) }),
  fc.record({ stability: fc.constantFrom(0, 101, 'yes', 1.5) }),
  fc.dictionary(fc.constantFrom('kk', 'seeds', 'stemer', 'topterms', 'max_df', '__proto__', 'constructor', 'toString', ''), fc.anything(), {
    minKeys: 1,
    maxKeys: 2,
  }),
);

/** Valid options, sometimes with one wrong option mixed in, sometimes not an object at all. */
const anyOptions = fc.oneof(
  { weight: 3, arbitrary: validOptions as fc.Arbitrary<unknown> },
  { weight: 2, arbitrary: fc.tuple(validOptions, wrongOption).map(([a, b]) => ({ ...a, ...b })) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, 5, 'k', [], [1]) },
);

// --- checks ----------------------------------------------------------------

function expectedIds(notes: readonly NoteInput[]): string[] {
  return notes.map((n, i) => (typeof n === 'string' || n.id === undefined || n.id === null ? String(i + 1) : String(n.id)));
}

function expectGoodReport(report: ThemeReport, notes: readonly NoteInput[]): void {
  expect(report.notes.map((n) => n.id)).toEqual(expectedIds(notes));
  const inThemes = report.themes.flatMap((t) => t.noteIds);
  expect(new Set(inThemes).size).toBe(inThemes.length);
  expect(inThemes.length + report.notes.filter((n) => n.themeId === null).length).toBe(notes.length);
  const back = JSON.parse(JSON.stringify(report));
  const ok = validate(back);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

function expectOnlyThemenfinderError(error: unknown): void {
  if (!(error instanceof ThemenfinderError)) throw error;
  expect(CODES).toContain(error.code);
  expect(error.message.length).toBeGreaterThan(10);
  expect(error.message.split('\n').length).toBeLessThanOrEqual(3);
}

describe('analyze: properties', () => {
  it('valid notes and valid options: a schema-valid report, every note once in order, deterministic', () => {
    fc.assert(
      fc.property(validNotes, validOptions, (notes, options) => {
        const before = JSON.stringify(notes);
        const report = analyze(notes, options);
        expectGoodReport(report, notes);
        expect(JSON.stringify(notes)).toBe(before); // the input is not changed
        expect(JSON.stringify(analyze(notes, options))).toBe(JSON.stringify(report));
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  it('anything: a good report or a ThemenfinderError with a known code, never another error', () => {
    fc.assert(
      fc.property(anyNotes, anyOptions, (notes, options) => {
        let report: ThemeReport;
        try {
          report = analyze(notes, options as AnalyzeOptions);
        } catch (error) {
          expectOnlyThemenfinderError(error);
          return;
        }
        expectGoodReport(report, notes);
        expect(JSON.stringify(analyze(notes, options as AnalyzeOptions))).toBe(JSON.stringify(report));
      }),
      { numRuns: 150 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);

  it('a wrong option is always BAD_OPTION naming it, whatever the notes', () => {
    fc.assert(
      fc.property(validNotes, validOptions, wrongOption, (notes, good, wrong) => {
        let caught: unknown;
        try {
          analyze(notes, { ...good, ...wrong } as AnalyzeOptions);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(ThemenfinderError);
        const e = caught as ThemenfinderError;
        expect(e.code).toBe('BAD_OPTION');
        const name = Object.keys(wrong)[0]!;
        expect(e.message).toContain(name === '' ? '""' : name);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('the seed is the only source of randomness: shuffled option order, same bytes', () => {
    fc.assert(
      fc.property(validNotes, validOptions, (notes, options) => {
        const reversed = Object.fromEntries(Object.entries(options).reverse()) as AnalyzeOptions;
        expect(JSON.stringify(analyze(notes, reversed))).toBe(JSON.stringify(analyze(notes, options)));
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('larger inputs (up to 80 notes): every note once, in order', () => {
    const many = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 6 }).map((w) => w.join(' ')), {
      minLength: 20,
      maxLength: 80,
    });
    fc.assert(
      fc.property(many, fc.integer(), (notes, seed) => {
        expectGoodReport(analyze(notes, { seed }), notes);
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});
