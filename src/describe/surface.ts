/**
 * Shows stems as words people wrote: the most frequent surface form of a
 * stem ("digitalisier" → "Digitalisierung").
 */

/** Counts of surface forms per stem. */
export type SurfaceCounts = Map<string, Map<string, number>>;

/**
 * The most frequent surface form of a stem; ties go to the capitalised form
 * (German nouns), then code-point order. Falls back to the stem itself.
 *
 * @example
 * ```ts
 * bestSurface(new Map([['schul', new Map([['Schule', 2], ['Schulen', 1]])]]), 'schul'); // 'Schule'
 * ```
 */
export function bestSurface(counts: SurfaceCounts, stem: string): string {
  const forms = counts.get(stem);
  if (!forms) return stem;
  let best = '';
  let bestCount = -1;
  for (const [form, count] of forms) {
    if (count > bestCount || (count === bestCount && preferForm(form, best))) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

function preferForm(a: string, b: string): boolean {
  const capA = /^\p{Lu}/u.test(a);
  const capB = /^\p{Lu}/u.test(b);
  if (capA !== capB) return capA;
  return a < b;
}

/**
 * Counts the surface forms of every stem per theme in one pass over the
 * notes (counts of each stem's surface forms, one map per theme,
 * without visiting every note once per theme).
 *
 * @param stems - Stems of each note.
 * @param surfaces - Surface words of each note, aligned with `stems`.
 * @param labels - Theme of each note (0 … k-1), or -1 for none.
 * @param k - Number of themes.
 * @param only - Optional: per theme, the stems to count (e.g. its keywords); the others are skipped.
 * @returns One {@link SurfaceCounts} per theme.
 *
 * @example
 * ```ts
 * countSurfacesByTheme([['schul'], ['netz']], [['Schulen'], ['Netz']], [0, 1], 2)[1].get('netz'); // Map { 'Netz' => 1 }
 * ```
 */
export function countSurfacesByTheme(
  stems: ReadonlyArray<ReadonlyArray<string>>,
  surfaces: ReadonlyArray<ReadonlyArray<string>>,
  labels: ArrayLike<number>,
  k: number,
  only?: ReadonlyArray<ReadonlySet<string>>,
): SurfaceCounts[] {
  const out: SurfaceCounts[] = Array.from({ length: k }, () => new Map());
  stems.forEach((row, i) => {
    const c = labels[i]!;
    if (c < 0 || c >= k) return;
    const counts = out[c]!;
    const wanted = only?.[c];
    row.forEach((stem, j) => {
      if (wanted && !wanted.has(stem)) return;
      const surface = surfaces[i]![j]!;
      let forms = counts.get(stem);
      if (!forms) {
        forms = new Map();
        counts.set(stem, forms);
      }
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
    });
  });
  return out;
}
