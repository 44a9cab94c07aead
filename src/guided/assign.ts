/**
 * Guided assignment: scores every note against every guided theme by the
 * theme terms it contains (compound-aware) and puts it into the best theme
 * when the score reaches the threshold. Notes below it stay free for
 * clustering.
 */
import type { CompiledTheme, TermWord } from './compile';

/** A term stem (or norm) this long or longer also matches inside a note word (compounds). */
export const MIN_COMPOUND_LENGTH = 5;
/** Weight of a term found at the start of a longer note word ("Netzwerk" in "Netzwerkarbeit"). */
export const PREFIX_WEIGHT = 0.9;
/** Weight of a term found later in a note word ("Netzwerk" in "Bildungsnetzwerk"). */
export const INFIX_WEIGHT = 0.8;
/** Default of the option `guidedThreshold` (measured on the hand-coded corpus sample, docs/guided-themes.md). */
export const DEFAULT_GUIDED_THRESHOLD = 0.3;

/**
 * How well one note word matches one term word: 1 for the same stem or
 * norm; for a term of at least {@link MIN_COMPOUND_LENGTH} letters found
 * inside the note word, {@link PREFIX_WEIGHT} at its start, else
 * {@link INFIX_WEIGHT}; otherwise 0.
 *
 * @example
 * ```ts
 * wordMatch({ stem: 'netzwerkarbei', norm: 'netzwerkarbeit' }, { stem: 'netzwerk', norm: 'netzwerk' }); // 0.9
 * wordMatch({ stem: 'dat', norm: 'daten' }, { stem: 'dat', norm: 'daten' }); // 1
 * ```
 */
export function wordMatch(word: TermWord, term: TermWord): number {
  if (word.stem === term.stem || word.norm === term.norm) return 1;
  let at = term.stem.length >= MIN_COMPOUND_LENGTH ? word.stem.indexOf(term.stem) : -1;
  if (at < 0 && term.norm.length >= MIN_COMPOUND_LENGTH) at = word.norm.indexOf(term.norm);
  if (at < 0) return 0;
  return at === 0 ? PREFIX_WEIGHT : INFIX_WEIGHT;
}

/** The guided fit of every note. */
export interface GuidedAssignment {
  /** Guided theme index of each note, or -1 when it fits none (then it is clustered). */
  theme: Int32Array;
  /** The note's score for its best guided theme (also when below the threshold). */
  score: Float64Array;
  /** Indices of the note's words that matched its assigned theme, strongest first (empty when unassigned). */
  matched: number[][];
}

/** Options of {@link assignGuided}. */
export interface AssignOptions {
  /** Smallest score that assigns a note. */
  threshold: number;
  /** Terms to ignore, per theme: `skip(theme, term)` true drops the term (used for stability runs). */
  skip?: (theme: number, term: number) => boolean;
}

/**
 * Scores one note against one theme: for each note word the best match
 * weight over the theme's terms (a phrase term counts when all its words
 * occur), summed and divided by √(number of note words).
 *
 * @returns The score and the per-word credit (0 for unmatched words).
 *
 * @example
 * ```ts
 * scoreNote(words, compiled[0]).score; // e.g. 0.71 for 'Tablets und WLAN' against Digitalisierung
 * ```
 */
export function scoreNote(
  words: readonly TermWord[],
  theme: CompiledTheme,
  skip?: (term: number) => boolean,
): { score: number; credit: Float64Array } {
  const credit = new Float64Array(words.length);
  if (words.length === 0) return { score: 0, credit };
  theme.terms.forEach((term, t) => {
    if (skip?.(t)) return;
    if (term.length === 1) {
      const part = term[0]!;
      for (let w = 0; w < words.length; w++) {
        const m = wordMatch(words[w]!, part);
        if (m > credit[w]!) credit[w] = m;
      }
      return;
    }
    // A phrase: every part must match some word.
    const hits: Array<[number, number]> = [];
    for (const part of term) {
      let best = -1;
      let weight = 0;
      for (let w = 0; w < words.length; w++) {
        const m = wordMatch(words[w]!, part);
        if (m > weight) {
          weight = m;
          best = w;
        }
      }
      if (best < 0) return;
      hits.push([best, weight]);
    }
    for (const [w, m] of hits) if (m > credit[w]!) credit[w] = m;
  });
  let sum = 0;
  for (const c of credit) sum += c;
  return { score: sum / Math.sqrt(words.length), credit };
}

/**
 * Assigns notes to guided themes: the theme with the highest score wins
 * (ties: the theme whose first matched word comes earliest in the note,
 * then the earlier theme in the list); a note whose best score is below
 * the threshold gets -1.
 *
 * @param notes - The content words of each note (see `contentWords`).
 * @param themes - The compiled guided themes.
 * @param options - Threshold (and terms to skip).
 * @returns Theme index, best score and matched words of each note.
 *
 * @example
 * ```ts
 * const words = notes.map((n) => contentWords(n, opts));
 * assignGuided(words, compileThemes(loadThemes('bildung'), opts), { threshold: 0.3 }).theme;
 * ```
 */
export function assignGuided(
  notes: ReadonlyArray<readonly TermWord[]>,
  themes: readonly CompiledTheme[],
  options: AssignOptions,
): GuidedAssignment {
  const n = notes.length;
  const theme = new Int32Array(n).fill(-1);
  const score = new Float64Array(n);
  const matched: number[][] = Array.from({ length: n }, () => []);
  notes.forEach((words, i) => {
    let best = -1;
    let bestScore = 0;
    let bestFirst = Number.POSITIVE_INFINITY;
    let bestCredit: Float64Array | undefined;
    themes.forEach((compiled, g) => {
      const skip = options.skip ? (t: number) => options.skip!(g, t) : undefined;
      const { score: s, credit } = scoreNote(words, compiled, skip);
      if (s <= 0) return;
      const first = credit.findIndex((c) => c > 0);
      if (s > bestScore + 1e-12 || (Math.abs(s - bestScore) <= 1e-12 && first < bestFirst)) {
        best = g;
        bestScore = s;
        bestFirst = first;
        bestCredit = credit;
      }
    });
    score[i] = bestScore;
    if (best >= 0 && bestScore >= options.threshold - 1e-12) {
      theme[i] = best;
      matched[i] = [...bestCredit!.keys()]
        .filter((w) => bestCredit![w]! > 0)
        .sort((a, b) => bestCredit![b]! - bestCredit![a]! || a - b);
    }
  });
  return { theme, score, matched };
}
