/**
 * A deterministic 2-D map of the notes, computed from the report alone (the
 * report carries no vectors).
 *
 * 1. Affinity: for every note and theme, the sum of the theme's keyword
 *    weights (relative to its strongest keyword) whose word the note
 *    contains (its explanation terms, or a word of its text that equals the
 *    keyword or starts with its stem of 4+ letters). A note's own theme gets
 *    +1, so it always pulls hardest.
 * 2. Anchors: themes sit on a circle, ordered greedily so that themes
 *    sharing keywords in the same notes are neighbours.
 * 3. Position: the affinity-weighted mean of the anchors (RadViz), plus an
 *    offset on a sunflower spiral by the note's rank within its theme (most
 *    typical first), so a theme is a disc whose centre holds its most
 *    typical notes and notes that mix themes drift between the anchors.
 *
 * The same report always gives the same map; no randomness is involved.
 */
import type { ThemeReport } from '../../types';

/** One note on the map. */
export interface MapPoint {
  /** Note id. */
  id: string;
  /** Position of the theme in `report.themes`. */
  theme: number;
  /** Coordinates, roughly within [-1.3, 1.3]. */
  x: number;
  y: number;
}

/** The map: notes with a theme, and the theme anchors. */
export interface NoteMap {
  points: MapPoint[];
  anchors: Array<{ theme: number; x: number; y: number; radius: number }>;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Computes the map of the notes with a theme.
 *
 * @example
 * ```ts
 * const { points, anchors } = noteMap(report);
 * points[0]; // { id: '1', theme: 0, x: 0.93, y: 0.12 }
 * ```
 */
export function noteMap(report: ThemeReport): NoteMap {
  const k = report.themes.length;
  if (k === 0) return { points: [], anchors: [] };
  const themeIndex = new Map(report.themes.map((theme, i) => [theme.id, i]));
  const keywords = report.themes.map((theme) => {
    const top = Math.max(...theme.keywords.map((kw) => kw.weight), Number.MIN_VALUE);
    return theme.keywords.map((kw) => ({
      term: kw.term.toLowerCase(),
      stem: kw.stem.toLowerCase(),
      weight: kw.weight / top,
    }));
  });

  const notes = report.notes.filter((note) => note.themeId !== null && themeIndex.has(note.themeId));
  const affinity = notes.map((note) => {
    const words = new Set(
      [...(note.terms ?? []), ...note.text.split(/[^\p{L}\p{N}]+/u)].map((w) => w.toLowerCase()).filter(Boolean),
    );
    return keywords.map((list) => {
      let sum = 0;
      for (const kw of list) if (matches(words, kw.term, kw.stem)) sum += kw.weight;
      return sum;
    });
  });

  // Anchor order: greedy chain by co-affinity.
  const co = Array.from({ length: k }, () => new Float64Array(k));
  for (const row of affinity) {
    for (let a = 0; a < k; a++) {
      if (row[a] === 0) continue;
      for (let b = a + 1; b < k; b++) {
        const v = row[a]! * row[b]!;
        co[a]![b]! += v;
        co[b]![a]! += v;
      }
    }
  }
  const order = [0];
  const placed = new Set(order);
  while (order.length < k) {
    const last = order[order.length - 1]!;
    let next = -1;
    for (let j = 0; j < k; j++) {
      if (placed.has(j)) continue;
      if (next === -1 || co[last]![j]! > co[last]![next]!) next = j;
    }
    order.push(next);
    placed.add(next);
  }
  // Disc size per theme: a share of the gap between neighbouring anchors.
  const chord = k === 1 ? 1.6 : 2 * Math.sin(Math.PI / k);
  const maxSize = Math.max(...report.themes.map((theme) => theme.size), 1);
  const discRadius = report.themes.map((theme) => 0.48 * Math.min(chord, 0.9) * Math.sqrt(theme.size / maxSize));

  const anchors = new Array<NoteMap['anchors'][number]>(k);
  order.forEach((theme, position) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * position) / k;
    const radius = discRadius[theme]!;
    anchors[theme] = k === 1 ? { theme, x: 0, y: 0, radius } : { theme, x: Math.cos(angle), y: Math.sin(angle), radius };
  });

  // Rank of each note within its theme by score (most typical first; ties by input order).
  const rank = new Map<string, { rank: number; size: number }>();
  const byTheme = new Map<number, typeof notes>();
  for (const note of notes) {
    const t = themeIndex.get(note.themeId!)!;
    const list = byTheme.get(t) ?? [];
    if (list.length === 0) byTheme.set(t, list);
    list.push(note);
  }
  for (const list of byTheme.values()) {
    const sorted = list.map((note, i) => ({ note, i })).sort((a, b) => b.note.score - a.note.score || a.i - b.i);
    sorted.forEach(({ note }, r) => {
      rank.set(note.id, { rank: r, size: sorted.length });
    });
  }

  const points = notes.map((note, i) => {
    const t = themeIndex.get(note.themeId!)!;
    const weights = affinity[i]!.slice();
    weights[t]! += 1;
    let total = 0;
    let x = 0;
    let y = 0;
    weights.forEach((w, j) => {
      total += w;
      x += w * anchors[j]!.x;
      y += w * anchors[j]!.y;
    });
    x /= total;
    y /= total;
    const { rank: r, size } = rank.get(note.id)!;
    const radius = discRadius[t]! * Math.sqrt((r + 0.5) / size);
    const angle = r * GOLDEN_ANGLE;
    return { id: note.id, theme: t, x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) };
  });
  return { points, anchors };
}

function matches(words: Set<string>, term: string, stem: string): boolean {
  if (words.has(term) || words.has(stem)) return true;
  if (stem.length < 4) return false;
  for (const word of words) if (word.startsWith(stem)) return true;
  return false;
}
