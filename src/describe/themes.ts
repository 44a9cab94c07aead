/**
 * Describes each cluster as a theme: c-TF-IDF keywords shown as surface
 * words, a label, size and share, representative notes, and for every note
 * its similarity to the theme and the terms that tied it there.
 */
import type { SparseMatrix } from '../vectors/sparse';
import { compareCodePoints } from '../vectors/vocabulary';
import { classTfidf, classTfidfOfColumns, type StemColumns } from './keywords';
import { bestSurface, countSurfacesByColumns, countSurfacesByTheme } from './surface';

/** What {@link describeThemes} needs to know about the notes. */
export interface DescribeInput {
  /** Stems of each note (all notes). */
  stems: string[][];
  /** Surface words of each note, aligned with `stems`. */
  surfaces: string[][];
  /** Cluster index of each note, -1 for none; clusters are 0 … k-1. */
  labels: Int32Array;
  /** Number of clusters. */
  k: number;
  /**
   * Feature rows of the notes as a sparse matrix (one row per note, columns =
   * `columnStems` when given). Preferred: centres are k dense rows, the
   * notes stay sparse, so memory is O(nnz + k · cols).
   */
  matrix?: SparseMatrix;
  /**
   * Dense feature vector of each note (zero-length array for notes without
   * features); used when `matrix` is not given. Small inputs only: n × cols.
   */
  vectors?: Float64Array[];
  /** Feature stem of each vector column, when the columns are stems (for per-note terms). */
  columnStems?: string[];
  /** Stems that may be keywords (default: those of `columnStems`). */
  vocabulary?: ReadonlySet<string>;
  /**
   * The notes' stems as columns of `columnStems` (whose stems are then exactly `vocabulary`):
   * keywords are counted in typed arrays, with the same result.
   */
  stemColumns?: StemColumns;
  /** Keywords per theme. */
  topTerms: number;
  /** Representative notes per theme. */
  representatives: number;
}

/** A described cluster. */
export interface DescribedTheme {
  /** Original cluster index. */
  cluster: number;
  /** Label: the top keyword's surface word (made unique across themes). */
  label: string;
  /** Keywords, strongest first. */
  keywords: Array<{ term: string; stem: string; weight: number }>;
  /** Note indices in input order. */
  members: number[];
  /** Note indices closest to the centre, closest first. */
  representatives: number[];
}

/** The description of all clusters and of each note's fit. */
export interface Description {
  /** Themes ordered by size (largest first), then by first note. */
  themes: DescribedTheme[];
  /** Cosine similarity of each note to its theme centre (0 for none). */
  scores: Float64Array;
  /** The surface words that tied each note to its theme, strongest first. */
  noteTerms: string[][];
}

/**
 * Describes clusters as themes.
 *
 * @param input - Notes, their clusters and vectors.
 * @returns Ordered themes and per-note scores and terms.
 *
 * @example
 * ```ts
 * const { themes } = describeThemes({ stems, surfaces, labels, k, vectors, vocabulary, topTerms: 8, representatives: 3 });
 * themes[0].label; // e.g. 'Digitalisierung'
 * ```
 */
export function describeThemes(input: DescribeInput): Description {
  const { stems, surfaces, labels, k } = input;
  const n = stems.length;
  const matrix = input.matrix ?? denseToSparse(input.vectors ?? []);
  const { indptr, indices, values } = matrix;
  const dim = matrix.cols;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) if (labels[i]! >= 0) members[labels[i]!]!.push(i);

  // Centres as unit vectors (k dense rows); scores are cosines of the sparse rows.
  const centres = members.map((idx) => {
    const c = new Float64Array(dim);
    for (const i of idx) {
      if (i >= matrix.rows) continue;
      for (let p = indptr[i]!; p < indptr[i + 1]!; p++) c[indices[p]!]! += values[p]!;
    }
    return unit(c);
  });
  const scores = new Float64Array(n);
  for (let i = 0; i < n && i < matrix.rows; i++) {
    const c = labels[i]!;
    const from = indptr[i]!;
    const to = indptr[i + 1]!;
    if (c < 0 || to === from) continue;
    let sq = 0;
    for (let p = from; p < to; p++) sq += values[p]! * values[p]!;
    const inv = sq > 0 ? 1 / Math.sqrt(sq) : 1;
    const centre = centres[c]!;
    let s = 0;
    for (let p = from; p < to; p++) s += values[p]! * inv * centre[indices[p]!]!;
    scores[i] = clampCosine(s);
  }

  const keywordStems =
    (input.stemColumns && input.columnStems
      ? classTfidfOfColumns(input.stemColumns, input.columnStems, labels, k, input.topTerms)
      : undefined) ?? classTfidf(stems, labels, k, input.vocabulary ?? new Set(input.columnStems), input.topTerms);
  // Surface forms are only shown for keywords: only theirs are counted. With the stems as columns,
  // each theme's keywords are flags over the columns (no string lookup per occurrence).
  const keywordSets = keywordStems.map((ws) => new Set(ws.map((w) => w.stem)));
  const cols = input.columnStems?.length ?? 0;
  const flags = input.stemColumns && input.columnStems ? keywordFlags(input.columnStems, keywordStems) : undefined;
  const surfacesByTheme =
    flags && input.stemColumns
      ? countSurfacesByColumns(stems, surfaces, labels, k, input.stemColumns, flags, cols)
      : countSurfacesByTheme(stems, surfaces, labels, k, keywordSets);
  const described: DescribedTheme[] = members.map((idx, c) => {
    const surfacesOfTheme = surfacesByTheme[c]!;
    const keywords = keywordStems[c]!.map(({ stem, weight }) => ({
      term: bestSurface(surfacesOfTheme, stem),
      stem,
      weight: round(weight),
    }));
    const representatives = representativesOf(idx, scores, stems, input.representatives);
    return { cluster: c, label: pickLabel(keywords), keywords, members: idx, representatives };
  });
  const themes = described
    .filter((t) => t.members.length > 0)
    .sort((a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!);
  makeLabelsUnique(themes);

  const keywordLists = keywordStems.map((ws) => ws.map((w) => w.stem));
  // With the keywords as columns: which of a theme's keywords a note has is marked per column (the note's number
  // in `seenAt`), not collected in a Set per note.
  const keywords = flags && input.columnStems ? { flags, cols, columns: keywordColumns(input.columnStems, keywordLists), seenAt: new Int32Array(cols).fill(-1) } : undefined;
  const noteTerms = stems.map((row, i) => {
    const c = labels[i]!;
    if (c < 0) return [];
    return termsTying(row, surfaces[i]!, keywordLists[c]!, keywordSets[c]!, keywords, c, matrix, input.columnStems, i, centres[c]!);
  });
  return { themes, scores, noteTerms };
}

/** Each theme's keywords as columns of `columnStems` (-1: none). */
function keywordColumns(columnStems: readonly string[], keywordLists: ReadonlyArray<ReadonlyArray<string>>): Int32Array[] {
  const columnOf = new Map<string, number>();
  for (const list of keywordLists) for (const stem of list) columnOf.set(stem, -1);
  columnStems.forEach((stem, col) => {
    if (columnOf.has(stem)) columnOf.set(stem, col);
  });
  return keywordLists.map((list) => Int32Array.from(list, (stem) => columnOf.get(stem)!));
}

/** Per theme, 1 for each column whose stem is one of its keywords (`flags[c · cols + col]`). */
function keywordFlags(columnStems: readonly string[], keywordStems: ReadonlyArray<ReadonlyArray<{ stem: string }>>): Uint8Array {
  const cols = columnStems.length;
  const themesOf = new Map<string, number[]>();
  keywordStems.forEach((ws, c) => {
    for (const { stem } of ws) themesOf.set(stem, [...(themesOf.get(stem) ?? []), c]);
  });
  const flags = new Uint8Array(keywordStems.length * cols);
  for (let col = 0; col < cols; col++) {
    const themes = themesOf.get(columnStems[col]!);
    if (themes) for (const c of themes) flags[c * cols + col] = 1;
  }
  return flags;
}

/** Dense rows (zero-length for none) as a CSR matrix of their non-zero entries. */
function denseToSparse(vectors: readonly Float64Array[]): SparseMatrix {
  const cols = vectors.find((v) => v.length > 0)?.length ?? 0;
  let nnz = 0;
  for (const v of vectors) if (v.length === cols) for (let d = 0; d < v.length; d++) if (v[d] !== 0) nnz++;
  const indptr = new Int32Array(vectors.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  vectors.forEach((v, i) => {
    if (v.length === cols) {
      for (let d = 0; d < v.length; d++) {
        if (v[d] === 0) continue;
        indices[p] = d;
        values[p] = v[d]!;
        p++;
      }
    }
    indptr[i + 1] = p;
  });
  return { rows: vectors.length, cols, indptr, indices, values };
}

/**
 * The label of a theme: the strongest of its top three keywords that reads
 * like a noun (capitalised, not an inflected adjective or participle); the
 * top keyword when none does.
 *
 * @example
 * ```ts
 * pickLabel([{ term: 'Digitale' }, { term: 'Digitalisierung' }]); // 'Digitalisierung'
 * ```
 */
export function pickLabel(keywords: ReadonlyArray<{ term: string }>): string {
  if (keywords.length === 0) return '(no keywords)';
  const noun = keywords.slice(0, 3).find((kw) => /^\p{Lu}/u.test(kw.term) && !looksInflected(kw.term));
  return (noun ?? keywords[0]!).term;
}

/** Adjectives used as nouns in workshop notes: they are good labels. */
const NOMINALISED = new Set([
  'jugendliche', 'jugendlichen', 'erwachsene', 'erwachsenen', 'beteiligte', 'beteiligten',
  'benachteiligte', 'benachteiligten', 'verantwortliche', 'verantwortlichen', 'ehrenamtliche',
  'ehrenamtlichen', 'beschäftigte', 'beschäftigten', 'angestellte', 'angestellten', 'ältere', 'älteren',
]);

/** A capitalised word that ends like an inflected adjective or participle, not like a German noun. */
function looksInflected(word: string): boolean {
  const lower = word.toLowerCase();
  if (NOMINALISED.has(lower)) return false;
  if (/(?:ung|heit|keit|schaft|tion|tät|ismus|nis|ment|ur|ik|ei|chen|ling)(?:en|e|s)?$/u.test(lower)) return false;
  return /(?:isch|lich|ig|bar|sam|los|haft|ell|iv|al|är|end)(?:e|en|er|es|em)$/u.test(lower) || /(?:ene|enen)$/u.test(lower);
}

/** Two themes must not share a label: append the next keyword that differs. */
function makeLabelsUnique(themes: DescribedTheme[]): void {
  const used = new Set<string>();
  for (const theme of themes) {
    let label = theme.label;
    if (used.has(label.toLowerCase())) {
      const other = theme.keywords.find((kw) => !used.has(`${label} / ${kw.term}`.toLowerCase()) && kw.term !== label);
      label = other ? `${label} / ${other.term}` : `${label} (${themes.indexOf(theme) + 1})`;
    }
    used.add(label.toLowerCase());
    theme.label = label;
  }
}

/** Notes closest to the centre, one per distinct stem set, ties by input order. */
function representativesOf(idx: number[], scores: Float64Array, stems: string[][], count: number): number[] {
  const ranked = [...idx].sort((a, b) => scores[b]! - scores[a]! || a - b);
  const out: number[] = [];
  const seen = new Set<string>();
  for (const i of ranked) {
    if (out.length >= count) break;
    const key = [...new Set(stems[i])].sort(compareCodePoints).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
  }
  return out;
}

/** The note's own words that carry its theme: by contribution to the cosine, else by keyword rank. */
function termsTying(
  row: string[],
  surfaceRow: string[],
  keywordStems: string[],
  keywordSet: ReadonlySet<string>,
  keywords: { flags: Uint8Array; cols: number; columns: Int32Array[]; seenAt: Int32Array } | undefined,
  c: number,
  matrix: SparseMatrix,
  columnStems: readonly string[] | undefined,
  i: number,
  centre: Float64Array,
): string[] {
  // The three strongest (weight, then code-point order: a total order on distinct stems), kept by insertion.
  const top: Array<{ stem: string; w: number }> = [];
  const offer = (stem: string, w: number, inRow: boolean): void => {
    let at = top.length;
    while (at > 0 && (w > top[at - 1]!.w || (w === top[at - 1]!.w && compareCodePoints(stem, top[at - 1]!.stem) < 0))) at--;
    // Whether the note has the stem is asked only of a stem that would enter the three (a long note has hundreds).
    if (at < 3 && (inRow || row.includes(stem))) {
      top.splice(at, 0, { stem, w });
      if (top.length > 3) top.pop();
    }
  };
  // The keywords among the note's features (only they are asked about below): by column (note i marked in
  // `keywords.seenAt`), or by stem.
  const seen = keywords ? undefined : new Set<string>();
  const base = c * (keywords?.cols ?? 0);
  if (columnStems && i < matrix.rows) {
    for (let p = matrix.indptr[i]!; p < matrix.indptr[i + 1]!; p++) {
      const d = matrix.indices[p]!;
      const w = matrix.values[p]! * centre[d]!;
      if (w > 0) {
        const stem = columnStems[d]!;
        if (keywords) {
          if (keywords.flags[base + d] === 1) keywords.seenAt[d] = i;
        } else if (keywordSet.has(stem)) seen!.add(stem);
        // A feature of the note's own row is one of its stems.
        offer(stem, w, true);
      }
    }
  }
  const columns = keywords?.columns[c];
  keywordStems.forEach((stem, rank) => {
    const had = columns ? columns[rank]! >= 0 && keywords!.seenAt[columns[rank]!] === i : seen!.has(stem);
    if (!had) offer(stem, 1e-9 * (keywordStems.length - rank), false);
  });
  return top.map(({ stem }) => surfaceRow[row.indexOf(stem)]!);
}

function unit(v: Float64Array): Float64Array {
  let s = 0;
  for (let d = 0; d < v.length; d++) s += v[d]! * v[d]!;
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let d = 0; d < v.length; d++) v[d]! *= inv;
  }
  return v;
}

function clampCosine(x: number): number {
  return round(Math.max(-1, Math.min(1, x)));
}

/** Rounds to 6 decimals so reports are stable and readable. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
