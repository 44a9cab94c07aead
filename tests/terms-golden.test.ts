// The "terms" stage must not change by a single stem or surface when it is
// made faster: a hash of the whole output (every note's stems and surfaces,
// both stemmers, one shared stem cache as in analyze) over all 10kGNAD test
// articles, all SIB-200 sentences, the corpus notes and the corpus lines. A legitimate change
// of the tokenizer, stopwords or stemmers updates the hashes (printed on failure).
// bench/terms.mjs --check compares old and new code note by note.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gnadArticles, sharedDataDir } from '../bench/generate.mjs';
import { parseBoard } from '../src/import/board';
import { german } from '../src/language/german';
import { buildStopwords } from '../src/language/german/stopwords';
import { extractTerms } from '../src/terms';
import { corpusText } from './helpers/corpus';

const DATA = sharedDataDir();
const HAVE_DATA = existsSync(`${DATA}/10kgnad/test.csv`) && existsSync(`${DATA}/sib200-de/all.jsonl`);

function termsHash(texts: readonly string[], stemmer: 'cistem' | 'snowball', cached: boolean): string {
  const stopwords = buildStopwords(german.stopwords);
  const cache = cached ? new Map<string, string>() : undefined;
  const h = createHash('sha256');
  for (const text of texts) {
    const { stems, surfaces } = extractTerms(text, { language: german, stopwords, stemmer, cache });
    h.update(`${stems.join('\u0001')}\u0002${surfaces.join('\u0001')}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

describe.skipIf(!HAVE_DATA)('term output on real text is unchanged', () => {
  const sets: Record<string, string[]> = {
    gnad: HAVE_DATA ? gnadArticles(DATA).map((a) => a.text) : [],
    sib: HAVE_DATA
      ? readFileSync(`${DATA}/sib200-de/all.jsonl`, 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => (JSON.parse(l) as { text: string }).text)
      : [],
    corpus: parseBoard(corpusText())
      .filter((u) => u.kind === 'note')
      .map((u) => u.text),
    lines: corpusText()
      .split(/\r?\n/)
      .filter((l) => l.trim() !== ''),
  };
  const expected: Record<string, string> = {
    'gnad cistem': '3b1449ffebe63961',
    'gnad snowball': 'f8efaefbbee9b72f',
    'sib cistem': '4e5797d813faaecd',
    'sib snowball': 'fd106ae826878b85',
    'corpus cistem': '524c730e7fe2979b',
    'corpus snowball': '2b548a7c47e05869',
    'lines cistem': '35eb3919c1a113d6',
    'lines snowball': '75c47a4f147e871f',
  };

  it('has the expected number of texts', () => {
    expect([sets.gnad?.length, sets.sib?.length, sets.corpus?.length, sets.lines?.length]).toEqual([1028, 1004, 500, 1675]);
  });
  for (const key of Object.keys(expected)) {
    const [set, stemmer] = key.split(' ') as [string, 'cistem' | 'snowball'];
    it(`${key}: same stems and surfaces, with and without the shared stem cache`, () => {
      const texts = sets[set] ?? [];
      const withCache = termsHash(texts, stemmer, true);
      expect(termsHash(texts, stemmer, false)).toBe(withCache);
      expect(withCache).toBe(expected[key]);
    });
  }
});
