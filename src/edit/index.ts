/**
 * Topic editing on a finished report: merge themes, split one, rename one.
 * Each returns a new report, recomputed consistently (sizes, shares,
 * keywords, representatives, ids by size, every note once); the input
 * report is not changed.
 */
import { sphericalKmeans } from '../cluster/kmeans';
import { describeValue, ThemenfinderError } from '../errors';
import type { ThemeReport } from '../types';
import { checkLabel, type EditOptions, type Group, groupsOf, prepareReport, rebuild, themeIndex } from './rebuild';

export type { EditOptions } from './rebuild';

/**
 * Merges two or more themes into one. Its label is `label`, or else the
 * label of the largest merged theme (ties: the first in the report); it is no longer guided and has no
 * stability figure (that needs a new run).
 *
 * @param report - A report from `analyze` (or an earlier edit).
 * @param ids - Theme ids to merge, at least two.
 * @param label - Optional label of the merged theme.
 * @param options - The language pack for non-German reports.
 * @returns A new report.
 * @throws ThemenfinderError `BAD_OPTION` for unknown, repeated or too few ids, or an empty label.
 *
 * @example
 * ```ts
 * const merged = mergeThemes(report, ['t2', 't5'], 'Vernetzung');
 * ```
 */
export function mergeThemes(report: ThemeReport, ids: string[], label?: string, options?: EditOptions): ThemeReport {
  if (!Array.isArray(ids) || new Set(ids).size < 2 || new Set(ids).size !== ids.length) {
    throw new ThemenfinderError('BAD_OPTION', `mergeThemes needs at least two different theme ids; got ${describeValue(ids)}.`, {
      value: ids,
    });
  }
  const chosen = new Set(ids.map((id) => themeIndex(report, id)));
  const fixed = label === undefined ? undefined : checkLabel(label);
  const prepared = prepareReport(report, options);
  const groups = groupsOf(report);
  const largest = [...chosen].sort((a, b) => report.themes[b]!.size - report.themes[a]!.size || a - b)[0]!;
  const merged: Group = {
    members: [...chosen].flatMap((t) => groups[t]!.members).sort((a, b) => a - b),
    label: fixed ?? report.themes[largest]!.label,
  };
  const next = groups.filter((_, t) => !chosen.has(t));
  next.push(merged);
  return rebuild(report, prepared, next);
}

/**
 * Splits a theme into `k` themes by spherical k-means on its notes' TF-IDF
 * vectors (recomputed from the text with the report's options, seeded with
 * the report's seed). The parts are labelled by their top keyword; notes
 * without features go to the largest part.
 *
 * @param report - A report.
 * @param id - The theme to split.
 * @param k - Number of parts, at least 2. Default 2.
 * @param options - `restarts` (default the report's), `seed` (default the report's), language pack.
 * @returns A new report.
 * @throws ThemenfinderError `BAD_OPTION` for an unknown id, a bad k, or a theme with fewer than k distinct notes.
 *
 * @example
 * ```ts
 * const split = splitTheme(report, 't1', 3);
 * ```
 */
export function splitTheme(
  report: ThemeReport,
  id: string,
  k = 2,
  options: EditOptions & { seed?: number; restarts?: number } = {},
): ThemeReport {
  const t = themeIndex(report, id);
  if (!Number.isSafeInteger(k) || k < 2) {
    throw new ThemenfinderError('BAD_OPTION', `splitTheme: k must be an integer >= 2; got ${describeValue(k)}.`, { value: k });
  }
  const prepared = prepareReport(report, options);
  const groups = groupsOf(report);
  const members = groups[t]!.members;
  const withFeatures = members.filter((i) => prepared.vectors[i]!.length > 0);
  const distinct = new Set(withFeatures.map((i) => prepared.vectors[i]!.join(','))).size;
  if (distinct < k) {
    throw new ThemenfinderError(
      'BAD_OPTION',
      `Theme ${id} ("${report.themes[t]!.label}") has ${distinct} distinct notes with content terms; it cannot be split into ${k}. Use a smaller k.`,
      { value: k },
    );
  }
  const clustering = sphericalKmeans(
    withFeatures.map((i) => prepared.vectors[i]!),
    k,
    { seed: options.seed ?? report.meta.seed, restarts: options.restarts ?? prepared.options.restarts },
  );
  const parts: number[][] = Array.from({ length: k }, () => []);
  withFeatures.forEach((i, j) => {
    parts[clustering.labels[j]!]!.push(i);
  });
  const largest = parts.reduce((best, part, p) => (part.length > parts[best]!.length ? p : best), 0);
  for (const i of members) if (prepared.vectors[i]!.length === 0) parts[largest]!.push(i);
  const next = groups.filter((_, g) => g !== t);
  for (const part of parts) if (part.length > 0) next.push({ members: part.sort((a, b) => a - b) });
  return rebuild(report, prepared, next);
}

/**
 * Renames a theme. Everything else stays as it is (a guided theme stays guided).
 *
 * @param report - A report.
 * @param id - The theme to rename.
 * @param label - The new label (trimmed, non-empty, not the label of another theme).
 * @returns A new report.
 * @throws ThemenfinderError `BAD_OPTION` for an unknown id or an empty or taken label.
 *
 * @example
 * ```ts
 * renameTheme(report, 't3', 'Datenbasiertes Bildungsmanagement').themes[2].label;
 * ```
 */
export function renameTheme(report: ThemeReport, id: string, label: string): ThemeReport {
  const t = themeIndex(report, id);
  const clean = checkLabel(label);
  const taken = report.themes.find((theme, i) => i !== t && theme.label.toLowerCase() === clean.toLowerCase());
  if (taken) {
    throw new ThemenfinderError('BAD_OPTION', `Theme ${taken.id} is already labelled "${taken.label}"; choose another label or merge the two themes.`, {
      value: label,
    });
  }
  const out = structuredClone(report);
  out.themes[t]!.label = clean;
  return out;
}
