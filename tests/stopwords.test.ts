import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { deu } from 'stopword';
import { describe, expect, it } from 'vitest';
import { STOPWORD_PACKAGE_DEU } from '../src/language/german/stopword-deu';
import {
  buildStopwords,
  GERMAN_CONTENT_WORDS,
  GERMAN_DOMAIN_STOPWORDS,
  GERMAN_STOPWORDS,
  STOPWORD_PACKAGE_GERMAN,
} from '../src/language/german/stopwords';
import { GERMAN_ABBREVIATIONS, tokenizeGerman } from '../src/language/german/tokenize';
import { normalizeText } from '../src/normalize';
import { corpusText, sharedPath } from './helpers/corpus';

const isCleanWord = (w: string) => w === w.trim() && w === w.toLowerCase() && w === w.normalize('NFC') && !/\s/u.test(w);

describe('German stopword lists', () => {
  it('has lowercase NFC domain entries, each with a reason, no duplicates', () => {
    const seen = new Set<string>();
    for (const [word, reason] of GERMAN_DOMAIN_STOPWORDS) {
      expect(isCleanWord(word), word).toBe(true);
      expect(word).toMatch(/\p{L}/u);
      expect(reason.length, `reason of ${word}`).toBeGreaterThanOrEqual(10);
      expect(seen.has(word), `duplicate ${word}`).toBe(false);
      seen.add(word);
    }
    expect(GERMAN_DOMAIN_STOPWORDS.length).toBeGreaterThan(50);
  });
  it('has a verbatim copy of the German list of the installed `stopword` package', () => {
    expect(STOPWORD_PACKAGE_DEU).toEqual(deu);
  });
  it('includes the German list of the `stopword` package except the documented content words', () => {
    const content = new Set(GERMAN_CONTENT_WORDS.map(([w]) => w));
    for (const raw of deu) {
      const w = raw.trim().toLowerCase().replace(/[^\p{L}\p{N}.'-]+/gu, '');
      if (w === '') continue;
      if (content.has(w)) expect(GERMAN_STOPWORDS.has(w), w).toBe(false);
      else expect(GERMAN_STOPWORDS.has(w), w).toBe(true);
    }
    expect(STOPWORD_PACKAGE_GERMAN.size).toBeGreaterThan(600);
  });
  it('takes out only words the package really has, each with a reason', () => {
    for (const [word, reason] of GERMAN_CONTENT_WORDS) {
      expect(STOPWORD_PACKAGE_GERMAN.has(word), word).toBe(true);
      expect(isCleanWord(word)).toBe(true);
      expect(reason.length).toBeGreaterThanOrEqual(10);
    }
    for (const w of ['zeit', 'menschen', 'wissen']) expect(GERMAN_STOPWORDS.has(w)).toBe(false);
  });
  it('uses the same package list as the scikit-learn reference (shared/reference/stopwords-de.txt)', () => {
    const path = sharedPath('reference/stopwords-de.txt');
    if (!existsSync(path)) throw new Error(`Shared reference missing: ${path}. Set THEMENFINDER_SHARED.`);
    const reference = readFileSync(path, 'utf8').split('\n').slice(0, -1);
    expect(reference).toEqual(deu);
  });
  it('covers every abbreviation the tokenizer emits, so they never become features', () => {
    for (const { norm } of GERMAN_ABBREVIATIONS) expect(GERMAN_STOPWORDS.has(norm), norm).toBe(true);
    const text = GERMAN_ABBREVIATIONS.map((a) => a.norm).join(' Kita ');
    const kept = tokenizeGerman(text).filter((t) => !GERMAN_STOPWORDS.has(t.norm));
    expect(kept.map((t) => t.norm)).toEqual(Array(GERMAN_ABBREVIATIONS.length - 1).fill('kita'));
  });
  it('drops the board template words and leftovers of the corpus but keeps its themes', () => {
    const norms = corpusText()
      .split(/\r?\n/)
      .flatMap((l) => tokenizeGerman(normalizeText(l)).map((t) => t.norm));
    const kept = new Set(norms.filter((n) => !GERMAN_STOPWORDS.has(n)));
    for (const w of ['stärken', 'schwächen', 'handlungsoptionen', 'gruppe', 'thema', 'utopie', 'dystopie', 'z.b.', 'insb.']) {
      expect(norms, w).toContain(w);
      expect(kept.has(w), w).toBe(false);
    }
    for (const w of ['zeit', 'digitalisierung', 'bildungsmonitoring', 'kooperation']) expect(kept.has(w), w).toBe(true);
  });
});

describe('buildStopwords', () => {
  it('adds and removes words, lowercased and NFC, without touching the base', () => {
    const base = new Set(['und', 'thema']);
    const built = buildStopwords(base, { add: [' Kommune ', 'Schu\u0308le', ''], remove: ['THEMA'] });
    expect([...built].sort()).toEqual(['kommune', 'schüle', 'und']);
    expect([...base]).toEqual(['und', 'thema']);
    expect(buildStopwords(GERMAN_STOPWORDS)).toEqual(GERMAN_STOPWORDS);
  });
  it('lets remove win over add', () => {
    expect(buildStopwords(new Set(), { add: ['zeit'], remove: ['Zeit'] }).has('zeit')).toBe(false);
  });
  it('contains exactly base ∪ add ∖ remove (property)', () => {
    const word = fc.string({ minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word), fc.array(word), fc.array(word), (base, add, remove) => {
        const norm = (w: string) => w.normalize('NFC').trim().toLowerCase().normalize('NFC');
        const built = buildStopwords(new Set(base), { add, remove });
        const removed = new Set(remove.map(norm));
        for (const w of add.map(norm)) if (w !== '') expect(built.has(w)).toBe(!removed.has(w));
        for (const w of removed) expect(built.has(w)).toBe(false);
        for (const w of base) if (!removed.has(w)) expect(built.has(w)).toBe(true);
      }),
    );
  });
});
