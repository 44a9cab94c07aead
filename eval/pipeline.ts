/**
 * The evaluation's view of the library: texts → terms (the library's own
 * German pipeline) → {@link fitThemes} with a variant's options.
 */
import { DEFAULT_FIT, type FitOptions, fitThemes, type ThemeFit } from '../src/cluster/fit';
import { buildStopwords } from '../src/language/german/stopwords';
import { resolveLanguage } from '../src/language/resolve';
import { extractTerms } from '../src/terms';

/** Terms of texts, computed once per data set. */
export interface Terms {
  stems: string[][];
  words: string[][];
  stem: (word: string) => string;
}

/** Runs the library's term extraction on texts. */
export function termsOf(texts: readonly string[]): Terms {
  const language = resolveLanguage('de');
  const stopwords = buildStopwords(language.stopwords, { add: [], remove: [] });
  const stems: string[][] = [];
  const words: string[][] = [];
  for (const text of texts) {
    const t = extractTerms(text, { language, stopwords });
    stems.push(t.stems);
    words.push(t.surfaces.map((s) => s.toLowerCase()));
  }
  const cache = new Map<string, string>();
  const stem = (w: string): string => {
    let s = cache.get(w);
    if (s === undefined) {
      s = language.stem(w);
      cache.set(w, s);
    }
    return s;
  };
  return { stems, words, stem };
}

/** A variant: options on top of the defaults. */
export type Variant = Partial<FitOptions>;

/** The base options of the evaluation (the library's defaults). */
export function baseOptions(k: number | 'auto', seed: number): FitOptions {
  return {
    ...DEFAULT_FIT,
    k,
    seed,
    restarts: 10,
    minDf: 'auto',
    maxDf: 0.5,
    outlierThreshold: 0,
  };
}

/** Fits one variant. */
export function runVariant(terms: Terms, k: number | 'auto', seed: number, variant: Variant): ThemeFit {
  return fitThemes(terms, { ...baseOptions(k, seed), ...variant });
}
