/**
 * Shows stems as words people wrote: the most frequent surface form of a
 * stem ("digitalisier" → "Digitalisierung").
 */

/** Counts of surface forms per stem. */
export type SurfaceCounts = Map<string, Map<string, number>>;

/**
 * Counts the surface forms of every stem.
 *
 * @param stems - Stems of each note.
 * @param surfaces - Surface words of each note, aligned with `stems`.
 * @param include - Optional filter of notes to count (by index).
 * @returns stem → surface → count.
 *
 * @example
 * ```ts
 * countSurfaces([['schul']], [['Schulen']]).get('schul'); // Map { 'Schulen' => 1 }
 * ```
 */
export function countSurfaces(
  stems: ReadonlyArray<ReadonlyArray<string>>,
  surfaces: ReadonlyArray<ReadonlyArray<string>>,
  include?: (index: number) => boolean,
): SurfaceCounts {
  const counts: SurfaceCounts = new Map();
  stems.forEach((row, i) => {
    if (include && !include(i)) return;
    row.forEach((stem, j) => {
      const surface = surfaces[i]![j]!;
      let forms = counts.get(stem);
      if (!forms) {
        forms = new Map();
        counts.set(stem, forms);
      }
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
    });
  });
  return counts;
}

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
