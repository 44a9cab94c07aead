import { eng } from 'stopword';
import { describe, expect, it, vi } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import {
  ENGLISH_CONTENT_WORDS,
  ENGLISH_DOMAIN_STOPWORDS,
  WINK_ENGLISH_STOPWORDS,
} from '../src/language/english/stopwords';

describe('English language pack', () => {
  it('builds the wink instance on first use, not on import', async () => {
    vi.resetModules();
    const mod = await import('../src/language/english/tokenize');
    expect(mod.englishModelLoaded()).toBe(false);
    mod.tokenizeEnglish('');
    expect(mod.englishModelLoaded()).toBe(false);
    mod.tokenizeEnglish('Hello');
    expect(mod.englishModelLoaded()).toBe(true);
  });

  it('gives lemmas as norms, surfaces as written', async () => {
    const { english } = await import('../src/language/english');
    expect(english.code).toBe('en');
    const tokens = english.tokenize('The Children were running to the Schools.');
    expect(tokens.map((t) => t.surface)).toEqual(['The', 'Children', 'were', 'running', 'to', 'the', 'Schools']);
    expect(tokens.map((t) => t.norm)).toEqual(['the', 'child', 'be', 'run', 'to', 'the', 'school']);
  });

  it('lemmatises title-case sticky notes', async () => {
    const { english } = await import('../src/language/english');
    expect(english.tokenize('Better Broadband For Schools').map((t) => t.norm)).toEqual([
      'better',
      'broadband',
      'for',
      'school',
    ]);
    expect(english.tokenize('Young People want Jobs').map((t) => t.norm)).toEqual(['young', 'people', 'want', 'job']);
  });

  it('drops punctuation, numbers, URLs, e-mail addresses and emoji', async () => {
    const { english } = await import('../src/language/english');
    const norms = english.tokenize('Visit https://example.org or mail info@example.org: 42 apples, 3.5% 🚀!').map((t) => t.norm);
    expect(norms).toEqual(['visit', 'or', 'mail', 'apple']);
  });

  it('keeps surfaces aligned when lowercasing changes the length (İ)', async () => {
    const { english } = await import('../src/language/english');
    expect(english.tokenize('İstanbul Schools').map((t) => t.surface)).toEqual(['İstanbul', 'Schools']);
  });

  it('filters function words by lemma and keeps content words', async () => {
    const { english } = await import('../src/language/english');
    const kept = english
      .tokenize("We weren't given enough time, e.g. for teacher training and group work.")
      .map((t) => t.norm)
      .filter((n) => !english.stopwords.has(n));
    expect(kept).toEqual(['time', 'teacher', 'training', 'work']);
    expect(english.stem('schools')).toBe('schools');
  });

  it('includes the `stopword` English list, and the wink list matches the model flags', async () => {
    const { ENGLISH_STOPWORDS } = await import('../src/language/english');
    const content = new Set(ENGLISH_CONTENT_WORDS.map(([w]) => w));
    for (const w of eng) if (!content.has(w)) expect(ENGLISH_STOPWORDS.has(w.toLowerCase()), w).toBe(true);
    const nlp = winkNLP(model, []);
    const its = nlp.its;
    const flags = nlp.readDoc(WINK_ENGLISH_STOPWORDS.join(' ')).tokens().out(its.stopWordFlag);
    expect(flags.every((f) => f === true)).toBe(true);
    expect(WINK_ENGLISH_STOPWORDS).toHaveLength(299);
    for (const [word, reason] of [...ENGLISH_DOMAIN_STOPWORDS, ...ENGLISH_CONTENT_WORDS]) {
      expect(word).toBe(word.toLowerCase());
      expect(reason.length).toBeGreaterThanOrEqual(10);
    }
    for (const w of content) expect(ENGLISH_STOPWORDS.has(w)).toBe(false);
  });
});
