// Correctness of the terms stage's fast paths: extractTerms with the German
// tokenizer reads plain words by their range through a per-run table
// (src/range-table.ts) instead of Token objects; it must give exactly what
// the straightforward loop over tokenizeGerman's tokens gives. And the
// tokenizer's fast path for a word before a dot or colon must cut where the
// lexer expression cuts. No timings here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { german } from '../src/language/german';
import { buildStopwords } from '../src/language/german/stopwords';
import { GERMAN_ABBREVIATIONS, lexemeAt, tokenizeGerman } from '../src/language/german/tokenize';
import { normalizeText } from '../src/normalize';
import { findRange, hashRange, insertAt, newRangeTable } from '../src/range-table';
import { extractAllTerms, extractTerms, type NoteTerms } from '../src/terms';
import { termIds } from '../src/vectors/vocabulary';

/** The plain version: every token of tokenizeGerman, its norm through stopwords, stemmer and a Map. */
function plainTerms(text: string, stopwords: ReadonlySet<string>, stemmer: string, cache: Map<string, string>): NoteTerms {
  const stems: string[] = [];
  const surfaces: string[] = [];
  for (const token of tokenizeGerman(normalizeText(text))) {
    const norm = token.norm;
    if (norm.length < 2 || stopwords.has(norm)) continue;
    let stem = cache.get(norm);
    if (stem === undefined) {
      const s = german.stem(norm, stemmer);
      stem = s.length < 2 || stopwords.has(s) ? '' : s;
      cache.set(norm, stem);
    }
    if (stem === '') continue;
    stems.push(stem);
    surfaces.push(token.surface);
  }
  return { stems, surfaces };
}

const piece = fc.constantFrom(
  ...'abcdeghilmnorstuzäöüßÄÖÜABEIST0123456789 ',
  ...' -‐\'’ʼ*_:/().@,;!?„“"–…\n\u00A0\u00AD',
  'Schule',
  'Schulen',
  'schulen',
  'Akteur*innen',
  'SchülerInnen',
  'LinkedIn',
  'z. B.',
  'z.B',
  'usw.',
  'Usw.',
  'insbes.',
  'www.x.de',
  'https://a.b/c',
  'http:',
  'info@x.de',
  'geht\'s',
  'E-Learning',
  'jede/r',
  'Lehrer(innen)',
  '1990er',
  'der',
  'die',
  'und',
  'Digitalisierung',
  'ＳＣＨＵＬＥ',
  'İ',
  'ǅemal',
  'Łódź',
  'e\u0301',
  '😀',
);
const note = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

describe('extractTerms: the German fast path', () => {
  it('gives the terms of the plain token loop, note after note with one cache (property)', () => {
    const stopwords = buildStopwords(german.stopwords, {});
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 12 }), fc.constantFrom('cistem', 'snowball'), (notes, stemmer) => {
        const fast = new Map<string, string>();
        const plain = new Map<string, string>();
        for (const text of notes) {
          expect(extractTerms(text, { language: german, stopwords, stemmer, cache: fast })).toEqual(plainTerms(text, stopwords, stemmer, plain));
        }
        // Without a cache as well (one note at a time).
        for (const text of notes) {
          expect(extractTerms(text, { language: german, stopwords, stemmer })).toEqual(plainTerms(text, stopwords, stemmer, new Map()));
        }
        expect(fast).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });
});

describe('extractAllTerms: the stems as ids while reading', () => {
  it('gives the terms of extractTerms and the ids of termIds (property)', () => {
    const stopwords = buildStopwords(german.stopwords, {});
    fc.assert(
      fc.property(fc.array(note, { maxLength: 20 }), fc.constantFrom('cistem', 'snowball'), (notes, stemmer) => {
        const cache = new Map<string, string>();
        const { terms, ids } = extractAllTerms(notes, { language: german, stopwords, stemmer, cache });
        const plain = new Map<string, string>();
        const want = notes.map((text) => plainTerms(text, stopwords, stemmer, plain));
        expect(terms).toEqual(want);
        const wantIds = termIds(want.map((t) => t.stems));
        expect(ids!.names).toEqual(wantIds.names);
        expect([...ids!.tokens]).toEqual([...wantIds.tokens]);
        expect([...ids!.offsets]).toEqual([...wantIds.offsets]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tokenizeGerman: a word before a dot or colon', () => {
  it('is cut by the fast path where the lexer expression cuts it (property)', () => {
    const heads = GERMAN_ABBREVIATIONS.map((a) => a.norm.slice(0, a.norm.indexOf('.')));
    const letter = fc.constantFrom(...'abgsuwzhtpiAGSUWZHTPIäüÄÜß1');
    const run = fc.oneof(
      fc.array(letter, { minLength: 1, maxLength: 8 }).map((l) => l.join('')),
      fc.constantFrom(...heads, 'www', 'http', 'https', 'WWW', 'HTTPS', 'Http').chain((h) =>
        fc.array(fc.boolean(), { minLength: h.length, maxLength: h.length }).map((up) =>
          [...h].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''),
        ),
      ),
    );
    const tail = fc.constantFrom('.', ':', '. ', ': ', '.B.', '. B.', '.a', ':innen', '://x', '.x.de', '.d.r.', '.v.m.');
    fc.assert(
      fc.property(fc.constantFrom('', ' ', '*'), run, tail, (before, r, t) => {
        const text = before + r + t;
        const { plainEnd, end, word } = lexemeAt(text, before.length);
        if (plainEnd >= 0) {
          expect(word).toBe(true);
          expect(end).toBe(plainEnd);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('tokenizeGerman: words the scan leaves as ranges', () => {
  it('keeps the norm of a word whose first character is a connector that is also a letter (ʼ, U+02BC)', () => {
    expect(tokenizeGerman('ʼ9n xʼy')).toEqual([
      { surface: 'ʼ9n', norm: "'9n" },
      { surface: 'xʼy', norm: "x'y" },
    ]);
  });
  it('cuts a short word before a dot or colon that begins no abbreviation or URL as a word', () => {
    expect(tokenizeGerman('Das ist gut. Usw. Zb. http: Ziel: Www. Wwwx.').map((t) => t.surface)).toEqual([
      'Das',
      'ist',
      'gut',
      'Usw.',
      'Zb.',
      'http',
      'Ziel',
      'Wwwx',
    ]);
  });
});

describe('range table', () => {
  it('finds what a Map finds, by ranges of a text (property)', () => {
    const key = fc.string({ unit: fc.constantFrom(...'abcäöü😀'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(key, key, key), { maxLength: 400 }), (ops) => {
        const table = newRangeTable(16);
        const map = new Map<string, string>();
        for (const [before, k, after] of ops) {
          const text = before + k + after;
          const start = before.length;
          const end = start + k.length;
          const hash = hashRange(text, start, end);
          expect(hashRange(k, 0, k.length)).toBe(hash);
          const slot = findRange(table, text, start, end, hash);
          const want = map.get(k);
          if (want === undefined) {
            expect(slot).toBeLessThan(0);
            insertAt(table, slot, hash, k, `${after}|${k}`, map.size, 7 * map.size + 1);
            map.set(k, `${after}|${k}`);
          } else {
            expect(slot).toBeGreaterThanOrEqual(0);
            expect(table.entries[2 * slot]).toBe(k);
            expect(table.entries[2 * slot + 1]).toBe(want);
            expect(table.hashes[4 * slot + 1]).toBe([...map.keys()].indexOf(k));
            expect(table.hashes[4 * slot + 2]).toBe(7 * [...map.keys()].indexOf(k) + 1);
          }
        }
        expect(table.size).toBe(map.size);
      }),
      { numRuns: 100 },
    );
  });
});
