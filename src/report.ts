/**
 * Assembles the {@link ThemeReport} from the notes and the description of
 * their themes: ids, shares, every note once in input order.
 */
import type { DescribedTheme, Description } from './describe/themes';
import type { ThemeExtras } from './guided/pipeline';
import { round } from './describe/themes';
import type { Note } from './notes';
import type { ResolvedOptions } from './options';
import type { ReportNote, Theme, ThemeReport } from './types';
import { VERSION } from './version';

/** Everything {@link buildReport} puts together. */
export interface ReportParts {
  notes: Note[];
  description: Description;
  labels: Int32Array;
  options: ResolvedOptions;
  language: string;
  kAuto: boolean;
  vocabularySize: number;
  warnings: string[];
  /** Why each unassigned note has no theme (default `'no-terms'`). */
  reasons?: ReadonlyArray<'no-terms' | 'outlier' | undefined>;
}

/**
 * Builds the report object.
 *
 * @param parts - Notes, description, options used.
 * @returns The report; JSON-serialisable.
 *
 * @example
 * ```ts
 * const report = buildReport({ notes, description, labels, options, language: 'de', kAuto: true, vocabularySize: 10, warnings: [] });
 * ```
 */
export function buildReport(parts: ReportParts): ThemeReport {
  const { notes, description, options } = parts;
  const n = notes.length;
  const themeIdOfCluster = new Map<number, string>();
  const themes: Theme[] = description.themes.map((t, index) => {
    const id = `t${index + 1}`;
    themeIdOfCluster.set(t.cluster, id);
    return {
      id,
      label: t.label,
      keywords: t.keywords,
      size: t.members.length,
      share: round(t.members.length / n),
      noteIds: t.members.map((i) => notes[i]!.id),
      representativeNoteIds: t.representatives.map((i) => notes[i]!.id),
      ...guidedFields(t),
    };
  });
  const reportNotes: ReportNote[] = notes.map((note, i) => {
    const cluster = parts.labels[i]!;
    const themeId = cluster >= 0 ? (themeIdOfCluster.get(cluster) ?? null) : null;
    const out: ReportNote = { id: note.id, text: note.text, themeId, score: themeId ? description.scores[i]! : 0 };
    if (!themeId) out.reason = parts.reasons?.[i] ?? 'no-terms';
    else out.terms = description.noteTerms[i]!;
    if (note.meta) out.meta = { ...note.meta };
    return out;
  });
  const assigned = reportNotes.filter((note) => note.themeId !== null).length;
  const { language: _language, onStage: _onStage, ...rest } = options;
  return {
    schemaVersion: 1,
    meta: {
      version: VERSION,
      notes: n,
      assigned,
      unassigned: n - assigned,
      language: parts.language,
      k: themes.length,
      kAuto: parts.kAuto,
      seed: options.seed,
      vocabularySize: parts.vocabularySize,
      options: { language: parts.language, ...rest },
      warnings: parts.warnings,
    },
    themes,
    notes: reportNotes,
  };
}

/** Description, `guided` and `stability` of a theme, when it has them. */
function guidedFields(t: DescribedTheme & ThemeExtras): Pick<Theme, 'description' | 'guided' | 'stability'> {
  const out: Pick<Theme, 'description' | 'guided' | 'stability'> = {};
  if (t.guided) {
    if (t.guided.description) out.description = t.guided.description;
    out.guided = true;
  }
  if (t.stability !== undefined) out.stability = t.stability;
  return out;
}
