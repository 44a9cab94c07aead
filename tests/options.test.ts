import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze';
import { ThemenfinderError } from '../src/errors';
import { DEFAULT_OPTIONS, resolveOptions } from '../src/options';

function errorOf(fn: () => unknown): ThemenfinderError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ThemenfinderError) return error;
    throw error;
  }
  throw new Error('expected a ThemenfinderError');
}

describe('options', () => {
  it('fills in the documented defaults', () => {
    expect(resolveOptions(undefined)).toMatchObject({ k: 'auto', seed: 42, stemmer: 'cistem', language: 'de', topTerms: 8 });
    expect(resolveOptions({})).toEqual({ ...DEFAULT_OPTIONS, stopwords: { add: [], remove: [] } });
  });

  it('rejects unknown names with a suggestion', () => {
    const e = errorOf(() => resolveOptions({ kk: 3 } as never));
    expect(e.code).toBe('BAD_OPTION');
    expect(e.message).toContain('Unknown option "kk"');
    expect(e.message).toContain('Did you mean "k"?');
    expect(errorOf(() => resolveOptions({ stemer: 'cistem' } as never)).message).toContain('"stemmer"');
  });

  it.each([
    [{ k: 0 }, 'k', 'an integer >= 1'],
    [{ k: 2.5 }, 'k', 'an integer >= 1'],
    [{ k: 'many' }, 'k', "'auto'"],
    [{ seed: 1.5 }, 'seed', 'an integer'],
    [{ stemmer: 'porter' }, 'stemmer', "'cistem' or 'snowball'"],
    [{ language: 'fr' }, 'language', "'de', 'en'"],
    [{ minDf: 0 }, 'minDf', 'an integer >= 1'],
    [{ maxDf: 0 }, 'maxDf', 'a share'],
    [{ maxDf: 1.5 }, 'maxDf', 'a share'],
    [{ topTerms: 0 }, 'topTerms', 'an integer >= 1'],
    [{ restarts: 0 }, 'restarts', 'from 1 to 1000'],
    [{ stopwords: { add: 'x' } }, 'stopwords.add', 'an array of strings'],
    [{ stopwords: { plus: [] } }, 'stopwords.plus', '"add" and "remove"'],
    [{ maxNoteLength: -1 }, 'maxNoteLength', 'an integer >= 1'],
  ])('rejects %j naming the option', (options, option, allowed) => {
    const e = errorOf(() => resolveOptions(options as never));
    expect(e.code).toBe('BAD_OPTION');
    expect(e.details.option).toBe(option);
    expect(e.message).toContain(`"${option}"`);
    expect(e.message).toContain(allowed);
  });

  it('explains how to get English', () => {
    const e = errorOf(() => analyze(['a note'], { language: 'en' }));
    expect(e.code).toBe('BAD_OPTION');
    expect(e.message).toContain('themenfinder/english');
  });

  it('names the note that is wrong', () => {
    expect(errorOf(() => analyze([])).code).toBe('EMPTY_INPUT');
    const e = errorOf(() => analyze(['ok', { text: 5 } as never]));
    expect(e.code).toBe('BAD_NOTE');
    expect(e.message).toContain('Note 2');
    const dup = errorOf(() => analyze([{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }]));
    expect(dup.message).toContain('same id "a"');
    expect(errorOf(() => analyze('text' as never)).code).toBe('BAD_NOTE');
  });

  it('cuts over-long notes with a warning, never drops them', () => {
    const report = analyze(['Schule '.repeat(50), 'Schule digital'], { maxNoteLength: 20 });
    expect(report.notes[0]!.text).toHaveLength(20);
    expect(report.meta.warnings[0]).toContain('cut to 20');
  });
});
