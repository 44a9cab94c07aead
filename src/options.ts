/**
 * Validation of {@link AnalyzeOptions} up front, with defaults applied.
 * Unknown names and bad values throw `BAD_OPTION` naming the option.
 */
import { describeValue, ThemenfinderError } from './errors';
import type { LanguagePack } from './language/types';
import { DEFAULT_GUIDED_THRESHOLD } from './guided/assign';
import { loadThemes } from './guided/validate';
import type { AnalyzeOptions, GuidedTheme } from './types';

/** Options after validation, every field set. */
export interface ResolvedOptions {
  language: 'de' | 'en' | LanguagePack;
  k: number | 'auto';
  kCriterion: 'silhouette' | 'knee';
  seed: number;
  stemmer: 'cistem' | 'snowball';
  stopwords: { add: string[]; remove: string[] };
  minDf: number | 'auto';
  maxDf: number;
  keepRareTerms: boolean;
  topTerms: number;
  representatives: number;
  restarts: number;
  maxNoteLength: number;
  onStage: ((stage: string, ms: number) => void) | undefined;
  outlierThreshold: number;
  /** Guided themes, validated (a preset name resolved); `null` for none. */
  themes: GuidedTheme[] | null;
  guidedThreshold: number;
  stability: boolean | number;
}

/** The defaults of every option. */
export const DEFAULT_OPTIONS: Readonly<ResolvedOptions> = Object.freeze({
  language: 'de',
  k: 'auto',
  kCriterion: 'silhouette',
  seed: 42,
  stemmer: 'cistem',
  stopwords: { add: [], remove: [] },
  minDf: 'auto',
  maxDf: 0.5,
  keepRareTerms: false,
  topTerms: 8,
  representatives: 3,
  restarts: 10,
  maxNoteLength: 10_000,
  onStage: undefined,
  outlierThreshold: 0,
  themes: null,
  guidedThreshold: DEFAULT_GUIDED_THRESHOLD,
  stability: true,
});

const KNOWN = Object.keys(DEFAULT_OPTIONS) as Array<keyof ResolvedOptions>;

/**
 * Checks the options and fills in defaults.
 *
 * @param options - What the caller passed (may be undefined).
 * @returns Every option, validated.
 * @throws ThemenfinderError `BAD_OPTION` naming the option, its value and what is allowed.
 *
 * @example
 * ```ts
 * resolveOptions({ k: 5 }).k; // 5
 * resolveOptions({ kk: 5 }); // throws: Unknown option "kk". Did you mean "k"?
 * ```
 */
export function resolveOptions(options: AnalyzeOptions | undefined): ResolvedOptions {
  if (options === undefined || options === null) return { ...DEFAULT_OPTIONS, stopwords: { add: [], remove: [] } };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ThemenfinderError('BAD_OPTION', `Options must be an object, got ${describeValue(options)}.`, {
      value: options,
    });
  }
  for (const key of Object.keys(options)) {
    if (!(KNOWN as string[]).includes(key)) {
      const suggestion = closest(key, KNOWN);
      throw new ThemenfinderError(
        'BAD_OPTION',
        `Unknown option "${key}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Known options: ${KNOWN.join(', ')}.`,
        { option: key },
      );
    }
  }
  const o = options as Record<string, unknown>;
  const pick = <K extends keyof ResolvedOptions>(key: K): unknown => (o[key] === undefined ? DEFAULT_OPTIONS[key] : o[key]);

  const language = pick('language');
  if (!(language === 'de' || language === 'en' || isLanguagePack(language))) {
    bad('language', language, "'de', 'en' or a language pack");
  }
  const k = pick('k');
  if (!(k === 'auto' || isInt(k, 1))) bad('k', k, "an integer >= 1 or 'auto'");
  const kCriterion = pick('kCriterion');
  if (kCriterion !== 'silhouette' && kCriterion !== 'knee') bad('kCriterion', kCriterion, "'silhouette' or 'knee'");
  const seed = pick('seed');
  if (!isInt(seed, Number.MIN_SAFE_INTEGER)) bad('seed', seed, 'an integer');
  const stemmer = pick('stemmer');
  if (stemmer !== 'cistem' && stemmer !== 'snowball') bad('stemmer', stemmer, "'cistem' or 'snowball'");
  const stopwords = pick('stopwords') as { add?: unknown; remove?: unknown };
  if (typeof stopwords !== 'object' || stopwords === null || Array.isArray(stopwords)) {
    bad('stopwords', stopwords, '{ add?: string[], remove?: string[] }');
  }
  for (const part of Object.keys(stopwords)) {
    if (part !== 'add' && part !== 'remove') bad(`stopwords.${part}`, part, 'only "add" and "remove"');
  }
  const add = stopwords.add ?? [];
  const remove = stopwords.remove ?? [];
  if (!isStringArray(add)) bad('stopwords.add', add, 'an array of strings');
  if (!isStringArray(remove)) bad('stopwords.remove', remove, 'an array of strings');
  const minDf = pick('minDf');
  if (!(minDf === 'auto' || isInt(minDf, 1))) bad('minDf', minDf, "an integer >= 1 or 'auto'");
  const maxDf = pick('maxDf');
  if (!(typeof maxDf === 'number' && Number.isFinite(maxDf) && maxDf > 0 && (maxDf <= 1 || Number.isInteger(maxDf)))) {
    bad('maxDf', maxDf, 'a share in (0, 1] or an integer count > 1');
  }
  const keepRareTerms = pick('keepRareTerms');
  if (typeof keepRareTerms !== 'boolean') bad('keepRareTerms', keepRareTerms, 'true or false');
  const topTerms = pick('topTerms');
  if (!isInt(topTerms, 1)) bad('topTerms', topTerms, 'an integer >= 1');
  const representatives = pick('representatives');
  if (!isInt(representatives, 0)) bad('representatives', representatives, 'an integer >= 0');
  const restarts = pick('restarts');
  if (!isInt(restarts, 1) || (restarts as number) > 1000) bad('restarts', restarts, 'an integer from 1 to 1000');
  const maxNoteLength = pick('maxNoteLength');
  if (!isInt(maxNoteLength, 1)) bad('maxNoteLength', maxNoteLength, 'an integer >= 1');
  const onStage = pick('onStage');
  if (!(onStage === undefined || typeof onStage === 'function')) bad('onStage', onStage, 'a function (stage, ms) => void');
  const outlierThreshold = pick('outlierThreshold');
  if (!(typeof outlierThreshold === 'number' && outlierThreshold >= 0 && outlierThreshold <= 1)) {
    bad('outlierThreshold', outlierThreshold, 'a number from 0 (no outliers) to 1');
  }
  const themesOption = pick('themes');
  const themes = themesOption === null ? null : loadThemes(themesOption, 'themes');
  const guidedThreshold = pick('guidedThreshold');
  if (!(typeof guidedThreshold === 'number' && Number.isFinite(guidedThreshold) && guidedThreshold >= 0)) {
    bad('guidedThreshold', guidedThreshold, 'a number >= 0 (0 puts every note with a matching term into a guided theme)');
  }
  const stability = pick('stability');
  if (!(typeof stability === 'boolean' || (isInt(stability, 1) && (stability as number) <= 100))) {
    bad('stability', stability, 'true, false or a number of resampling runs from 1 to 100');
  }

  return {
    language: language as ResolvedOptions['language'],
    k: k as number | 'auto',
    kCriterion: kCriterion as 'silhouette' | 'knee',
    seed: seed as number,
    stemmer: stemmer as 'cistem' | 'snowball',
    stopwords: { add: [...(add as string[])], remove: [...(remove as string[])] },
    minDf: minDf as number | 'auto',
    maxDf: maxDf as number,
    keepRareTerms: keepRareTerms as boolean,
    topTerms: topTerms as number,
    representatives: representatives as number,
    restarts: restarts as number,
    maxNoteLength: maxNoteLength as number,
    onStage: onStage as ResolvedOptions['onStage'],
    outlierThreshold: outlierThreshold as number,
    themes,
    guidedThreshold: guidedThreshold as number,
    stability: stability as boolean | number,
  };
}

function bad(option: string, value: unknown, allowed: string): never {
  throw new ThemenfinderError(
    'BAD_OPTION',
    `Option "${option}" must be ${allowed}; got ${describeValue(value)}.`,
    { option, value },
  );
}

function isInt(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isLanguagePack(value: unknown): value is LanguagePack {
  const v = value as LanguagePack | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.code === 'string' &&
    typeof v.tokenize === 'function' &&
    typeof v.stem === 'function' &&
    v.stopwords instanceof Set
  );
}

/** The known name closest to `name` by edit distance, if it is close enough. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
