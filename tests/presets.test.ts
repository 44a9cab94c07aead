import { describe, expect, it } from 'vitest';
import type { ThemenfinderError } from '../src/errors';
import { compileThemes } from '../src/guided/compile';
import { loadThemes } from '../src/guided/validate';
import { german } from '../src/language/german';
import { getPreset, PRESETS, presetNames } from '../src/presets';

const TERM_OPTIONS = { language: german, stopwords: german.stopwords };

function errorOf(f: () => unknown): ThemenfinderError {
  try {
    f();
  } catch (error) {
    return error as ThemenfinderError;
  }
  throw new Error('expected an error');
}

describe('presets: bildung', () => {
  const bildung = getPreset('bildung')!;

  it('has the four core themes with exactly these labels, plus others', () => {
    const labels = bildung.map((t) => t.label);
    for (const label of ['Digitalisierung', 'Vernetzung', 'Bildungsgerechtigkeit', 'Datenbasierung']) {
      expect(labels).toContain(label);
    }
    expect(labels.length).toBeGreaterThanOrEqual(8);
    expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(labels.length);
  });
  it('gives every theme a one-sentence description and 10-30 distinct terms', () => {
    for (const theme of bildung) {
      expect(theme.description, theme.label).toMatch(/^[A-Z].{20,200}\.$/);
      expect(theme.terms.length, theme.label).toBeGreaterThanOrEqual(10);
      expect(theme.terms.length, theme.label).toBeLessThanOrEqual(30);
      expect(new Set(theme.terms).size, theme.label).toBe(theme.terms.length);
    }
  });
  it('every term stems to at least one non-empty content word, with both stemmers', () => {
    for (const stemmer of ['cistem', 'snowball']) {
      const compiled = compileThemes(bildung, { ...TERM_OPTIONS, stemmer });
      for (const theme of compiled) {
        for (const term of theme.terms) {
          expect(term.length).toBeGreaterThan(0);
          for (const word of term) expect(word.stem.length).toBeGreaterThanOrEqual(2);
        }
      }
    }
  });
  it('passes its own validation and is returned as a copy', () => {
    expect(loadThemes('bildung')).toEqual(bildung);
    expect(loadThemes(' Bildung ')).toEqual(bildung);
    const copy = getPreset('bildung')!;
    copy[0]!.terms.push('x');
    expect(PRESETS.bildung![0]!.terms).not.toContain('x');
    expect(presetNames()).toEqual(['bildung']);
  });
});

describe('loadThemes: validation of user themes', () => {
  it('accepts an array and a { themes } file object, trimming and de-duplicating terms', () => {
    const themes = [{ label: ' Kultur ', terms: ['Museum', ' Museum', ''], description: 'Culture.' }];
    expect(loadThemes(themes)).toEqual([{ label: 'Kultur', terms: ['Museum'], description: 'Culture.' }]);
    expect(loadThemes({ themes }, 'mine.json')).toEqual(loadThemes(themes));
  });
  it('names the unknown preset and lists the known ones', () => {
    const error = errorOf(() => loadThemes('schule'));
    expect(error.code).toBe('BAD_OPTION');
    expect(error.message).toMatch(/Unknown preset "schule".*Known presets: bildung/);
  });
  it.each([
    [42, /preset name .* or an array/],
    [[null], /Guided theme 1 must be an object/],
    [[{ terms: ['a'] }], /needs a non-empty string "label"/],
    [[{ label: 'A', terms: 'Museum' }], /needs "terms": an array of strings/],
    [[{ label: 'A', terms: [] }], /has no terms/],
    [[{ label: 'A', terms: ['x'], color: 'red' }], /unknown field "color"/],
    [[{ label: 'A', terms: ['x'] }, { label: 'a', terms: ['y'] }], /same label "a"/],
    [[{ label: 'A', terms: ['x'], description: 3 }], /description .* must be a string/],
  ])('rejects %j', (value, message) => {
    const error = errorOf(() => loadThemes(value, 'mine.json'));
    expect(error.code).toBe('BAD_OPTION');
    expect(error.message).toMatch(message);
  });
  it('names the file in the message', () => {
    expect(errorOf(() => loadThemes([{ label: '' }], 'mine.json')).message).toMatch(/mine\.json\[0\]/);
  });
  it('rejects a term without content words when compiling', () => {
    const error = errorOf(() => compileThemes([{ label: 'A', terms: ['und der'] }], TERM_OPTIONS));
    expect(error.code).toBe('BAD_OPTION');
    expect(error.message).toMatch(/"und der" has no content word/);
  });
});
