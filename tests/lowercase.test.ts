// The fit's lowercased words by the terms stage's surface numbers against the
// Map over the surface strings: the same words for any notes (case variants,
// compounds and gender forms that get a norm of their own, repeats).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { german } from '../src/language/german';
import { lowercaseById, lowercaseWords } from '../src/lowercase';
import { extractAllTerms } from '../src/terms';
import { ngramIds } from '../src/vectors/ngrams';

const word = fc.constantFrom('Schule', 'schule', 'SCHULE', 'Schulen', 'Netzwerk-Arbeit', 'Lehrer*innen', 'LehrerInnen', 'z.B.', 'Daten', 'DATEN', 'Öko', 'öko', 'Bildungs-gerechtigkeit', 'und', 'Kita');
const notes = fc.array(fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' ')), { minLength: 1, maxLength: 30 });

describe('lowercaseById', () => {
  // (and ngramIds with its word numbers)
  it('gives the words of lowercaseWords for any notes and any choice of rows', () => {
    fc.assert(
      fc.property(notes, fc.array(fc.nat(), { maxLength: 40 }), (texts, picks) => {
        const { terms, ids, surfaceIds } = extractAllTerms(texts, { language: german, stopwords: german.stopwords, cache: new Map() });
        const rows = picks.map((p) => p % texts.length);
        const expected = lowercaseWords(rows.map((i) => terms[i]!.surfaces));
        const numbered = lowercaseById(rows, ids!.offsets, surfaceIds!, terms);
        expect(numbered.words).toEqual(expected);
        // A number per word, below count; equal numbers are equal words.
        const flat = numbered.words.flat();
        expect(numbered.numbers.length).toBe(flat.length);
        expect([...numbered.offsets]).toEqual([0, ...numbered.words.map((_, a) => numbered.words.slice(0, a + 1).flat().length)]);
        const wordOf = new Map<number, string>();
        flat.forEach((w, x) => {
          const number = numbered.numbers[x]!;
          expect(number).toBeGreaterThanOrEqual(0);
          expect(number).toBeLessThan(numbered.count);
          expect(wordOf.get(number) ?? w).toBe(w);
          wordOf.set(number, w);
        });
        // The n-grams by number are those by word.
        const of = numbered.numbers;
        expect(ngramIds(numbered.words, 3, 5, { of, count: numbered.count })).toEqual(ngramIds(numbered.words, 3, 5));
      }),
    );
  });

  it('numbers every occurrence of a plain word alike and a token with a norm of its own -1', () => {
    const { ids, surfaceIds } = extractAllTerms(['Schule Lehrer*innen Schule', 'schule Schule'], { language: german, stopwords: german.stopwords, cache: new Map() });
    expect([...surfaceIds!.ids]).toEqual([0, -1, 0, 1, 0]);
    expect(surfaceIds!.count).toBe(2);
    expect([...ids!.tokens].length).toBe(5);
  });
});
