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
      countSurface(counts, stem, surfaces[i]![j]!);
    });
  });
  return out;
}

/**
 * {@link countSurfacesByTheme} with `only` given as columns: the notes' stems
 * as vocabulary columns (`columns`, aligned with `stems`) and, per theme, a
 * flag for each of the `cols` columns (`flags[c · cols + col]`). The same
 * counts in the same order, without a string lookup per occurrence.
 *
 * @param stems - Stems of each note.
 * @param surfaces - Surface words of each note, aligned with `stems`.
 * @param labels - Theme of each note (0 … k-1), or -1 for none.
 * @param k - Number of themes.
 * @param columns - The occurrences' ids and each id's column (-1: none).
 * @param flags - 1 where a theme counts a column.
 * @param cols - Number of columns.
 * @returns One {@link SurfaceCounts} per theme.
 *
 * @example
 * ```ts
 * const columns = { tokens: Int32Array.of(0, 1), offsets: Int32Array.of(0, 1, 2), columnOfId: Int32Array.of(0, 1) };
 * countSurfacesByColumns([['schul'], ['netz']], [['Schulen'], ['Netz']], [0, 1], 2, columns, Uint8Array.of(1, 0, 0, 1), 2)[1].get('netz'); // Map { 'Netz' => 1 }
 * ```
 */
export function countSurfacesByColumns(
  stems: ReadonlyArray<ReadonlyArray<string>>,
  surfaces: ReadonlyArray<ReadonlyArray<string>>,
  labels: ArrayLike<number>,
  k: number,
  columns: { tokens: Int32Array; offsets: Int32Array; columnOfId: Int32Array },
  flags: Uint8Array,
  cols: number,
): SurfaceCounts[] {
  const out: SurfaceCounts[] = Array.from({ length: k }, () => new Map());
  const { tokens, offsets, columnOfId } = columns;
  for (let i = 0; i < stems.length; i++) {
    const c = labels[i]!;
    if (c < 0 || c >= k) continue;
    const counts = out[c]!;
    const from = offsets[i]!;
    for (let t = from; t < offsets[i + 1]!; t++) {
      const col = columnOfId[tokens[t]!]!;
      if (col < 0 || flags[c * cols + col] === 0) continue;
      countSurface(counts, stems[i]![t - from]!, surfaces[i]![t - from]!);
    }
  }
  return out;
}

/** Counts one occurrence of `surface` as a form of `stem`. */
function countSurface(counts: SurfaceCounts, stem: string, surface: string): void {
  let forms = counts.get(stem);
  if (!forms) {
    forms = new Map();
    counts.set(stem, forms);
  }
  forms.set(surface, (forms.get(surface) ?? 0) + 1);
}
