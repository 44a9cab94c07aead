/**
 * Class-based TF-IDF (c-TF-IDF): each theme's notes as one document
 * against the other themes. A stem weighs much when it is frequent in the
 * theme and rare in the whole collection.
 */

/** A weighted stem of a theme. */
export interface StemWeight {
  /** The stem. */
  stem: string;
  /** Its c-TF-IDF weight in the theme. */
  weight: number;
}

/**
 * Ranks the stems of each theme by c-TF-IDF:
 * `tf(t, c) / |c| · ln(1 + A / f(t))`, where `|c|` is the number of term
 * occurrences in theme `c`, `A` the average of `|c|` over themes and `f(t)`
 * the occurrences of `t` in all themes.
 *
 * @param docs - Stems of each note (only stems in `allowed` count).
 * @param labels - Theme index of each note, or -1 for notes without theme.
 * @param k - Number of themes.
 * @param allowed - Stems that may be keywords (the vocabulary).
 * @param top - Number of keywords per theme.
 * @returns The top stems of each theme, strongest first (ties: code-point order).
 *
 * @example
 * ```ts
 * classTfidf([['digital', 'schul'], ['netzwerk']], [0, 1], 2, new Set(['digital', 'schul', 'netzwerk']), 2);
 * ```
 */
export function classTfidf(
  docs: ReadonlyArray<ReadonlyArray<string>>,
  labels: ArrayLike<number>,
  k: number,
  allowed: ReadonlySet<string>,
  top: number,
): StemWeight[][] {
  const perTheme: Map<string, number>[] = Array.from({ length: k }, () => new Map());
  const totals = new Float64Array(k);
  const overall = new Map<string, number>();
  docs.forEach((stems, i) => {
    const c = labels[i]!;
    if (c < 0) return;
    for (const stem of stems) {
      if (!allowed.has(stem)) continue;
      perTheme[c]!.set(stem, (perTheme[c]!.get(stem) ?? 0) + 1);
      overall.set(stem, (overall.get(stem) ?? 0) + 1);
      totals[c]! += 1;
    }
  });
  let sum = 0;
  for (const t of totals) sum += t;
  const average = k > 0 ? sum / k : 0;
  return perTheme.map((counts, c) => {
    const weights: StemWeight[] = [];
    for (const [stem, count] of counts) {
      const weight = (count / totals[c]!) * Math.log(1 + average / overall.get(stem)!);
      weights.push({ stem, weight });
    }
    weights.sort((a, b) => b.weight - a.weight || (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0));
    return weights.slice(0, top);
  });
}
