/**
 * Guided themes inside the pipeline: assign notes before clustering, then
 * give the described themes their guided labels, descriptions, empty
 * guided themes and stability figures.
 */
import type { DescribedTheme, Description } from '../describe/themes';
import { guidedStability } from '../describe/stability';
import type { GuidedTheme } from '../types';
import { assignGuided, type GuidedAssignment } from './assign';
import { type CompileOptions, type CompiledTheme, compileThemes, contentWords, type TermWord } from './compile';

/** The guided step of a run. */
export interface GuidedRun {
  /** The guided themes (cluster indices 0 … count-1). */
  themes: GuidedTheme[];
  /** Their compiled terms. */
  compiled: CompiledTheme[];
  /** Content words of each note. */
  words: TermWord[][];
  /** The assignment of each note. */
  assignment: GuidedAssignment;
  /** The threshold used. */
  threshold: number;
}

/** What {@link finishGuided} adds to a described theme. */
export interface ThemeExtras {
  /** Set when the theme is a guided one. */
  guided?: GuidedTheme;
  /** Stability in [0, 1], when measured. */
  stability?: number;
}

/**
 * Assigns notes to guided themes.
 *
 * @param texts - The note texts.
 * @param themes - Validated guided themes.
 * @param options - Language, stopwords, stemmer of the run.
 * @param threshold - The `guidedThreshold` option.
 * @returns The guided run; notes with `assignment.theme[i] === -1` are left for clustering.
 *
 * @example
 * ```ts
 * const run = runGuided(['Tablets für alle'], loadThemes('bildung'), { language: german, stopwords: german.stopwords }, 0.3);
 * run.assignment.theme[0]; // 0 (Digitalisierung)
 * ```
 */
export function runGuided(
  texts: readonly string[],
  themes: GuidedTheme[],
  options: CompileOptions,
  threshold: number,
): GuidedRun {
  const compiled = compileThemes(themes, options);
  const words = texts.map((text) => contentWords(text, options));
  return { themes, compiled, words, assignment: assignGuided(words, compiled, { threshold }), threshold };
}

/**
 * Stability of each guided theme under term dropout (see `guidedStability`).
 *
 * @example
 * ```ts
 * guidedRunStability(run, 10, 42); // e.g. [0.93, 0.88, NaN, …]
 * ```
 */
export function guidedRunStability(run: GuidedRun, runs: number, seed: number): number[] {
  return guidedStability(
    (skip) => assignGuided(run.words, run.compiled, { threshold: run.threshold, skip }).theme,
    run.assignment.theme,
    run.compiled.map((c) => c.terms.length),
    { runs, seed },
  );
}

/**
 * Completes a description for guided themes: guided clusters (indices
 * below the number of guided themes) keep their label exactly and carry
 * the guided theme; empty guided themes are added with size 0 (after the
 * others, in list order); a clustered theme whose label equals a guided
 * label gets a suffix; guided notes explain themselves by the words that
 * matched. Stability per cluster index is attached when given.
 *
 * @param description - From `describeThemes` (clusters 0 … G-1 guided, the rest clustered).
 * @param run - The guided run, or undefined without guided themes.
 * @param surfaces - Surface words of each note (aligned with the content words).
 * @param stability - Stability per cluster index (NaN or missing: not measured).
 * @returns A new description; the input is not changed.
 *
 * @example
 * ```ts
 * const finished = finishGuided(describeThemes(input), run, surfaces, stability);
 * ```
 */
export function finishGuided(
  description: Description,
  run: GuidedRun | undefined,
  surfaces: readonly string[][],
  stability: readonly number[] = [],
): Description & { themes: Array<DescribedTheme & ThemeExtras> } {
  const g = run ? run.themes.length : 0;
  const present = new Set(description.themes.map((t) => t.cluster));
  const guidedLabels = new Set(run ? run.themes.map((t) => t.label.toLowerCase()) : []);
  const themes: Array<DescribedTheme & ThemeExtras> = description.themes.map((t) => {
    const out: DescribedTheme & ThemeExtras = { ...t };
    if (t.cluster < g) {
      out.guided = run!.themes[t.cluster]!;
      out.label = out.guided.label;
    } else if (guidedLabels.has(t.label.toLowerCase())) {
      out.label = `${t.label} (clustered)`;
    }
    const s = stability[t.cluster];
    if (s !== undefined && !Number.isNaN(s)) out.stability = Math.round(s * 1000) / 1000;
    return out;
  });
  for (let c = 0; c < g; c++) {
    if (present.has(c)) continue;
    themes.push({ cluster: c, label: run!.themes[c]!.label, keywords: [], members: [], representatives: [], guided: run!.themes[c]! });
  }
  let noteTerms = description.noteTerms;
  if (run) {
    noteTerms = description.noteTerms.map((terms, i) => {
      const matched = run.assignment.matched[i]!;
      if (run.assignment.theme[i]! < 0 || matched.length === 0) return terms;
      return [...new Set(matched.map((w) => surfaces[i]![w] ?? run.words[i]![w]!.norm))].slice(0, 3);
    });
  }
  return { ...description, themes, noteTerms };
}
