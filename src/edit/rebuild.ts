/**
 * Recomputes a report for a new grouping of its notes, with the options
 * recorded in the report: terms, TF-IDF, keywords (c-TF-IDF),
 * representatives, scores, theme ids by size. Shared by merge, split and
 * rename.
 */
import { describeThemes } from '../describe/themes';
import { describeValue, ThemenfinderError } from '../errors';
import { buildStopwords } from '../language/german/stopwords';
import { resolveLanguage } from '../language/resolve';
import type { LanguagePack } from '../language/types';
import type { Note } from '../notes';
import { DEFAULT_OPTIONS, type ResolvedOptions, resolveOptions } from '../options';
import { buildReport } from '../report';
import { extractTerms } from '../terms';
import type { AnalyzeOptions, Theme, ThemeReport } from '../types';
import { denseRow, rowLength } from '../vectors/sparse';
import { tfidf } from '../vectors/tfidf';
import { buildVocabulary } from '../vectors/vocabulary';

/** Options of the editing functions. */
export interface EditOptions {
  /** The language pack, needed when the report was made with a pack other than German. */
  language?: LanguagePack;
}

/** A group of notes that becomes one theme. */
export interface Group {
  /** Indices of its notes (into report.notes). */
  members: number[];
  /** Theme to carry over unchanged in label, description, guided and stability (an untouched theme). */
  keep?: Theme;
  /** A fixed label (merge with label, rename); otherwise the top keyword. */
  label?: string;
}

/** The report's notes and run options, ready for recomputation. */
export interface Prepared {
  notes: Note[];
  options: ResolvedOptions;
  language: LanguagePack;
  stems: string[][];
  surfaces: string[][];
  vectors: Float64Array[];
  vocabulary: string[];
}

/**
 * Rebuilds terms and TF-IDF vectors of a report's notes from their text,
 * with the options recorded in `report.meta.options`.
 *
 * @example
 * ```ts
 * const prepared = prepareReport(report);
 * prepared.vectors.length === report.notes.length; // true
 * ```
 */
export function prepareReport(report: ThemeReport, edit: EditOptions = {}): Prepared {
  if (!report || typeof report !== 'object' || !Array.isArray(report.notes) || !Array.isArray(report.themes)) {
    throw new ThemenfinderError('BAD_OPTION', `Expected a theme report from analyze(); got ${describeValue(report)}.`, {
      value: report,
    });
  }
  const recorded = (report.meta?.options ?? {}) as Record<string, unknown>;
  const known: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_OPTIONS)) {
    if (key !== 'language' && recorded[key] !== undefined) known[key] = recorded[key];
  }
  const options = resolveOptions(known as AnalyzeOptions);
  const language = edit.language ?? resolveLanguage((recorded.language ?? report.meta?.language ?? 'de') as 'de');
  const notes: Note[] = report.notes.map((note) => (note.meta ? { id: note.id, text: note.text, meta: note.meta } : { id: note.id, text: note.text }));
  const stopwords = buildStopwords(language.stopwords, options.stopwords);
  const terms = notes.map((note) => extractTerms(note.text, { language, stopwords, stemmer: options.stemmer }));
  const stems = terms.map((t) => t.stems);
  const n = notes.length;
  const minDf = options.keepRareTerms ? 1 : options.minDf === 'auto' ? (n < 20 ? 1 : 2) : options.minDf;
  const maxDf = options.maxDf <= 1 ? Math.max(options.maxDf * n, Math.min(n, 1)) : options.maxDf;
  const vocabulary = buildVocabulary(stems, { minDf, maxDf });
  const { matrix } = tfidf(stems, vocabulary);
  const vectors = notes.map((_, i) => (rowLength(matrix, i) > 0 ? denseRow(matrix, i) : new Float64Array(0)));
  return { notes, options, language, stems, surfaces: terms.map((t) => t.surfaces), vectors, vocabulary: vocabulary.terms };
}

/**
 * The theme of each note as a group index per theme of the report.
 *
 * @example
 * ```ts
 * const groups = groupsOf(report); // one group per theme, in theme order
 * ```
 */
export function groupsOf(report: ThemeReport): Group[] {
  const index = new Map(report.notes.map((note, i) => [note.id, i]));
  return report.themes.map((theme) => ({ members: theme.noteIds.map((id) => index.get(id)!), keep: theme }));
}

/**
 * Builds the report for new groups: every note once, sizes and shares,
 * keywords and representatives recomputed, ids by size, unassigned notes
 * keep their reason.
 *
 * @example
 * ```ts
 * rebuild(report, prepareReport(report), groupsOf(report)); // the same themes, recomputed
 * ```
 */
export function rebuild(report: ThemeReport, prepared: Prepared, groups: Group[]): ThemeReport {
  const n = prepared.notes.length;
  const labels = new Int32Array(n).fill(-1);
  groups.forEach((group, g) => {
    for (const i of group.members) labels[i] = g;
  });
  const description = describeThemes({
    stems: prepared.stems,
    surfaces: prepared.surfaces,
    labels,
    k: groups.length,
    vectors: prepared.vectors,
    columnStems: prepared.vocabulary,
    topTerms: prepared.options.topTerms,
    representatives: prepared.options.representatives,
  });
  // Fixed labels first, then the others made unique against them.
  const used = new Set<string>();
  for (const t of description.themes) {
    const group = groups[t.cluster]!;
    const fixed = group.label ?? group.keep?.label;
    if (fixed !== undefined) {
      t.label = fixed;
      used.add(fixed.toLowerCase());
    }
  }
  for (const t of description.themes) {
    const group = groups[t.cluster]!;
    if (group.label !== undefined || group.keep) continue;
    let label = t.label;
    const alternative = t.keywords.find((kw) => !used.has(`${label} / ${kw.term}`.toLowerCase()) && kw.term !== label);
    if (used.has(label.toLowerCase()) && alternative) label = `${label} / ${alternative.term}`;
    for (let s = 2; used.has(label.toLowerCase()); s++) label = `${t.label} (${s})`;
    used.add(label.toLowerCase());
    t.label = label;
  }
  const { language: _language, ...rest } = report.meta.options as Record<string, unknown>;
  const out = buildReport({
    notes: prepared.notes,
    description,
    labels,
    options: { ...prepared.options, ...rest, language: prepared.language } as ResolvedOptions,
    language: prepared.language.code,
    kAuto: report.meta.kAuto,
    vocabularySize: prepared.vocabulary.length,
    warnings: [...report.meta.warnings],
  });
  // Carry over what only the original run knew: guided fields, stability, why a note is unassigned.
  out.themes = out.themes.map((theme, index) => {
    const kept = groups[description.themes[index]!.cluster]!.keep;
    if (!kept) return theme;
    const carried: Theme = { ...theme };
    if (kept.description !== undefined) carried.description = kept.description;
    if (kept.guided !== undefined) carried.guided = kept.guided;
    if (kept.stability !== undefined) carried.stability = kept.stability;
    return carried;
  });
  out.notes.forEach((note, i) => {
    const before = report.notes[i]!;
    if (note.themeId === null && before.reason) note.reason = before.reason;
  });
  return out;
}

/**
 * Finds a theme by id, or throws naming the known ids.
 *
 * @example
 * ```ts
 * themeIndex(report, 't2'); // 1
 * ```
 */
export function themeIndex(report: ThemeReport, id: string): number {
  const index = report.themes.findIndex((t) => t.id === id);
  if (index < 0) {
    throw new ThemenfinderError(
      'BAD_OPTION',
      `No theme with id ${describeValue(id)}; the report has ${report.themes.map((t) => t.id).join(', ') || 'no themes'}.`,
      { value: id },
    );
  }
  return index;
}

/**
 * Checks a label: a non-empty string after trimming.
 *
 * @example
 * ```ts
 * checkLabel('  Vernetzung '); // 'Vernetzung'
 * ```
 */
export function checkLabel(label: unknown): string {
  if (typeof label !== 'string' || label.trim() === '') {
    throw new ThemenfinderError('BAD_OPTION', `A theme label must be a non-empty string; got ${describeValue(label)}.`, {
      value: label,
    });
  }
  return label.trim();
}
