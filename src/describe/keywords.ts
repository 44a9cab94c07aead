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

/** The notes' stems as vocabulary columns (e.g. from `tokensOf` of the vocabulary). */
export interface StemColumns {
  /** Id of each stem occurrence, note after note. */
  tokens: Int32Array;
  /** Note `i`'s occurrences are `tokens[offsets[i]] … tokens[offsets[i + 1] - 1]`. */
  offsets: Int32Array;
  /** Column of each id, -1 for stems outside the vocabulary. */
  columnOfId: Int32Array;
}

/** Above this many theme × column counts {@link classTfidfOfColumns} would hold too much: the Map version runs. */
const MAX_DENSE_COUNTS = 1 << 23;

/**
 * {@link classTfidf} on stems given as vocabulary columns: the same keywords
 * and weights as `classTfidf(docs, labels, k, new Set(columnStems), top)`,
 * counted in typed arrays instead of a Map per theme.
 *
 * @param stems - The notes' stems as columns.
 * @param columnStems - The stem of each column.
 * @param labels - Theme index of each note, or -1.
 * @param k - Number of themes.
 * @param top - Number of keywords per theme.
 * @returns The top stems of each theme, strongest first (ties: code-point order).
 *
 * @example
 * ```ts
 * const v = buildVocabulary(docs, { minDf: 1, maxDf: docs.length });
 * classTfidfOfColumns(tokensOf(v, docs)!, v.terms, labels, k, 8);
 * ```
 */
export function classTfidfOfColumns(
  stems: StemColumns,
  columnStems: readonly string[],
  labels: ArrayLike<number>,
  k: number,
  top: number,
): StemWeight[][] | undefined {
  const cols = columnStems.length;
  if (k * cols > MAX_DENSE_COUNTS) return undefined;
  const { tokens, offsets, columnOfId } = stems;
  const counts = new Int32Array(k * cols);
  const overall = new Int32Array(cols);
  const totals = new Float64Array(k);
  for (let i = 0; i < offsets.length - 1; i++) {
    const c = labels[i]!;
    if (c < 0) continue;
    const o = c * cols;
    for (let t = offsets[i]!; t < offsets[i + 1]!; t++) {
      const col = columnOfId[tokens[t]!]!;
      if (col < 0) continue;
      counts[o + col]!++;
      overall[col]!++;
      totals[c]! += 1;
    }
  }
  let sum = 0;
  for (const t of totals) sum += t;
  const average = k > 0 ? sum / k : 0;
  const out: StemWeight[][] = [];
  for (let c = 0; c < k; c++) {
    // The `top` strongest in order, kept by insertion: the same as sorting all and slicing (the order is total).
    const best: StemWeight[] = [];
    const o = c * cols;
    for (let col = 0; col < cols; col++) {
      const count = counts[o + col]!;
      if (count === 0) continue;
      const weight = (count / totals[c]!) * Math.log(1 + average / overall[col]!);
      const stem = columnStems[col]!;
      if (best.length >= top) {
        const last = best[best.length - 1];
        if (!last || !before(weight, stem, last)) continue;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && before(weight, stem, best[at - 1]!)) at--;
      best.splice(at, 0, { stem, weight });
    }
    out.push(best);
  }
  return out;
}

/** Whether (weight, stem) ranks before `b`: higher weight, then code-point order. */
function before(weight: number, stem: string, b: StemWeight): boolean {
  return weight > b.weight || (weight === b.weight && stem < b.stem);
}
