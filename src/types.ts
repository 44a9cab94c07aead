/**
 * The plain data types that flow through themenfinder: notes in, a theme
 * report out. Everything here is JSON-serialisable.
 */
import type { Crosstab } from './crosstab';
import type { LanguagePack } from './language/types';

/** A note as given by the user: a string, or an object with `text` and any metadata. */
export type NoteInput = string | NoteRecord;

/** A note object: `text` plus optional `id` and any metadata fields. */
export interface NoteRecord {
  /** A stable id; missing ids become `"1"`, `"2"`, … in input order. */
  id?: string | number;
  /** The note text. */
  text: string;
  /** Any other field is metadata and travels into the report (e.g. `group`, `column`). */
  [meta: string]: unknown;
}

/** Options of {@link analyze}. Every option has a default. */
export interface AnalyzeOptions {
  /** `'de'` (default), `'en'` (needs `themenfinder/english`), or a language pack. */
  language?: 'de' | 'en' | LanguagePack;
  /** Number of themes, or `'auto'` (default) to choose it from the data. */
  k?: number | 'auto';
  /**
   * How `k: 'auto'` picks the number of themes: `'silhouette'` (default) keeps
   * the k whose themes are best separated, which on short notes tends towards
   * more, finer themes (often the top of the range, about √(notes/2));
   * `'knee'` takes the elbow of the within-theme spread over k, which lands
   * near the number of topics of the labelled sets (fewer, broader themes).
   * Measured side by side in QUALITY.md.
   */
  kCriterion?: 'silhouette' | 'knee';
  /** Seed of every random choice; the same seed gives byte-identical reports. Default 42. */
  seed?: number;
  /** German stemmer: `'cistem'` (default) or `'snowball'`. */
  stemmer?: 'cistem' | 'snowball';
  /** Words to add to or remove from the stopword list for this call. */
  stopwords?: { add?: string[]; remove?: string[] };
  /** Minimum number of notes a term must occur in (absolute count), or `'auto'` (default): 2, or 1 for fewer than 20 notes. */
  minDf?: number | 'auto';
  /** Maximum share of notes a term may occur in (0..1], or an absolute count above 1. Default 0.5. */
  maxDf?: number;
  /** Keep terms that occur in one note only (overrides `minDf` to 1). Default false. */
  keepRareTerms?: boolean;
  /** Number of keywords per theme. Default 8. */
  topTerms?: number;
  /** Number of representative notes per theme. Default 3. */
  representatives?: number;
  /** Number of k-means restarts; the best objective is kept. Default 10. */
  restarts?: number;
  /** Longest note text in characters; longer notes are truncated with a warning. Default 10,000. */
  maxNoteLength?: number;
  /**
   * Called after each stage of the pipeline with its name (`prepare`, `terms`,
   * `guided`, `features`, `cluster`, `stability`, `describe`, `report`) and its
   * duration in milliseconds: for progress bars and benchmarks. Not part of the report.
   */
  onStage?: (stage: string, ms: number) => void;
  /**
   * Notes whose cosine similarity to their theme's centre is below this go to
   * no theme (`themeId: null`, `reason: 'outlier'`). 0 to 1; default 0 (every
   * note with content gets a theme).
   */
  outlierThreshold?: number;
  /**
   * Guided themes: notes close to one of them go there, the rest are
   * clustered next to them. A list of {@link GuidedTheme}s or a preset name
   * (`'bildung'`). Default: none. See docs/guided-themes.md.
   */
  themes?: GuidedTheme[] | string;
  /** Smallest guided score (matched term weight / √content words) that puts a note into a guided theme. Default 0.3. */
  guidedThreshold?: number;
  /**
   * Stability of each theme: `true` (the default up to 5,000 notes: from the
   * consensus's base partitions when the consensus ran, else 8 resampling
   * runs), `false`, or a number of resampling runs (1-100). See docs/guided-themes.md.
   */
  stability?: boolean | number;
}

/** A theme given in advance: its label is kept exactly, its terms pull notes in. */
export interface GuidedTheme {
  /** The label, kept exactly in the report (unique within the list). */
  label: string;
  /** Words or short phrases as people write them; stemmed like the notes, compound-aware. */
  terms: string[];
  /** One sentence on what belongs here; copied into the theme. */
  description?: string;
}

/** A keyword of a theme. */
export interface Keyword {
  /** The most frequent surface word of the stem in the theme's notes, e.g. `"Digitalisierung"`. */
  term: string;
  /** The stem the weight belongs to, e.g. `"digitalisier"`. */
  stem: string;
  /** Class-based TF-IDF weight of the stem in the theme. */
  weight: number;
}

/** One theme of the report. */
export interface Theme {
  /** `"t1"`, `"t2"`, … ordered by size (largest first). */
  id: string;
  /** A short name: the top keyword's surface word, or the guided theme's label. */
  label: string;
  /** Distinctive terms, most distinctive first. */
  keywords: Keyword[];
  /** Number of notes in the theme. */
  size: number;
  /** `size` divided by the number of notes. */
  share: number;
  /** The ids of its notes, in input order. */
  noteIds: string[];
  /** Ids of the notes closest to the theme's centre, closest first. */
  representativeNoteIds: string[];
  /** Set for guided themes: the description of the guided theme. */
  description?: string;
  /** `true` when the theme came from a guided theme. */
  guided?: boolean;
  /** How often the theme's notes stay together in other clusterings (consensus partitions or resampled runs), 0..1 (1 = always); absent when switched off. */
  stability?: number;
}

/** One note of the report, in input order. */
export interface ReportNote {
  /** The note's id (given or `"1"`, `"2"`, …). */
  id: string;
  /** The note text as given (truncated only past `maxNoteLength`). */
  text: string;
  /** The theme of the note, or `null` when it has no content terms or is an outlier. */
  themeId: string | null;
  /** Cosine similarity of the note to its theme's centre (0 when unassigned). */
  score: number;
  /** Why a note has no theme: `'no-terms'` or `'outlier'`. */
  reason?: 'no-terms' | 'outlier';
  /** The terms (surface words) that tied the note to its theme, strongest first. */
  terms?: string[];
  /** The metadata fields given with the note. */
  meta?: Record<string, unknown>;
}

/** Facts about the run, enough to reproduce it. */
export interface ReportMeta {
  /** Version of themenfinder that made the report. */
  version: string;
  /** Number of notes given. */
  notes: number;
  /** Notes that got a theme. */
  assigned: number;
  /** Notes without theme (no content terms or outliers). */
  unassigned: number;
  /** Language code of the run. */
  language: string;
  /** The number of themes found (guided and clustered). */
  k: number;
  /** Whether k was chosen automatically. */
  kAuto: boolean;
  /** The seed used. */
  seed: number;
  /** Number of distinct terms (stems) used as features. */
  vocabularySize: number;
  /** The options in force after defaults were applied. */
  options: Record<string, unknown>;
  /** Things the user should know: clamped k, truncated notes, … */
  warnings: string[];
}

/** The result of {@link analyze}: plain JSON-serialisable data. */
export interface ThemeReport {
  /** Version of this structure; bumps on breaking changes. */
  schemaVersion: 1;
  /** Facts about the run. */
  meta: ReportMeta;
  /** The themes, largest first. */
  themes: Theme[];
  /** Every input note exactly once, in input order. */
  notes: ReportNote[];
  /** Themes × metadata tables, when asked for (`withCrosstabs`, CLI `--by`). */
  crosstabs?: Record<string, Crosstab>;
}
