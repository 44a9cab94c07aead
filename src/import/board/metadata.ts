/**
 * Metadata: which section, group and column each unit sits under. Group
 * names stand before their notes in some exports and after them in
 * others; the direction is decided per series of group headings.
 */

import { columnLabels, type HeadingRole } from './furniture';

/** The facts metadata assignment needs about one unit. */
export interface MetaInput {
  text: string;
  role?: HeadingRole;
  lineCount: number;
}

/** The metadata of one unit. */
export interface UnitMeta {
  section?: string;
  group?: string;
  column?: string;
  /** Set when a unit turned out to be a group's subtitle. */
  role?: HeadingRole;
}

interface Series {
  groups: number[];
  mode: 'before' | 'after';
  /** First and last unit index the series covers. */
  from: number;
  to: number;
}

function groupNumber(text: string): string {
  return /\d+/u.exec(text)?.[0] ?? text;
}

/**
 * Assigns section, group and column to every unit.
 *
 * @example
 * ```ts
 * assignMetadata([{ text: 'Gruppe 1: Daten', role: 'group', lineCount: 1 }, { text: 'Gute Daten', lineCount: 1 }]);
 * // [{ group: 'Gruppe 1: Daten' }, { group: 'Gruppe 1: Daten' }]
 * ```
 */
export function assignMetadata(units: readonly MetaInput[]): UnitMeta[] {
  const n = units.length;
  const meta: UnitMeta[] = units.map(() => ({}));
  const isHeading = (i: number) => units[i]?.role !== undefined || meta[i]?.role !== undefined;

  // --- group headings, split into series where a group number repeats
  const series: Series[] = [];
  let seen = new Set<string>();
  let current: number[] = [];
  const closeSeries = () => {
    if (current.length > 0) series.push({ groups: current, mode: 'before', from: 0, to: n - 1 });
    current = [];
    seen = new Set();
  };
  for (let i = 0; i < n; i++) {
    if (units[i]!.role !== 'group') continue;
    const key = groupNumber(units[i]!.text);
    if (seen.has(key)) closeSeries();
    seen.add(key);
    current.push(i);
  }
  closeSeries();

  // header block of a group heading: the run of headings around it
  const blockStart = (g: number) => {
    let s = g;
    while (s > 0 && units[s - 1]!.role !== undefined && units[s - 1]!.role !== 'group' && units[s - 1]!.role !== 'section') s--;
    return s;
  };
  const blockEnd = (g: number) => {
    let e = g;
    while (e + 1 < n && units[e + 1]!.role !== undefined && units[e + 1]!.role !== 'group' && units[e + 1]!.role !== 'section') e++;
    return e;
  };

  for (const s of series) {
    const first = blockStart(s.groups[0]!);
    const last = blockEnd(s.groups[s.groups.length - 1]!);
    let lead = first;
    while (lead > 0 && !isHeading(lead - 1)) lead--;
    let trail = last;
    while (trail + 1 < n && !isHeading(trail + 1)) trail++;
    const leading = first - lead;
    const trailing = trail - last;
    s.mode = leading > trailing ? 'after' : 'before';
    s.from = s.mode === 'after' ? lead : first;
    s.to = s.mode === 'after' ? last : trail;
    if (s.mode === 'before') {
      // a one-line motto right before a group's header block is its subtitle
      for (const g of s.groups) {
        const b = blockStart(g) - 1;
        const u = units[b];
        if (u && u.role === undefined && u.lineCount === 1 && u.text.split(' ').length <= 6 && !/[.!?]$/u.test(u.text)) {
          meta[b]!.role = 'subtitle';
        }
      }
      const g0 = blockStart(s.groups[0]!);
      s.from = Math.min(s.from, g0 - (meta[g0 - 1]?.role ? 1 : 0));
    }
  }

  // --- groups (one sweep per series; series do not overlap much, so this stays linear)
  const seriesOf: (Series | undefined)[] = units.map(() => undefined);
  for (const s of series) {
    const starts = s.groups.map((x) => blockStart(x) - (meta[blockStart(x) - 1]?.role ? 1 : 0));
    let k = 0;
    for (let i = s.from; i <= s.to; i++) {
      seriesOf[i] ??= s;
      let g: number | undefined;
      if (s.mode === 'before') {
        while (k + 1 < s.groups.length && starts[k + 1]! <= i) k++;
        g = starts[k]! <= i ? s.groups[k] : undefined;
      } else {
        while (k < s.groups.length && blockEnd(s.groups[k]!) < i) k++;
        g = s.groups[k];
      }
      if (g !== undefined) meta[i]!.group = units[g]!.text;
    }
  }

  // --- sections: nearest section title before (or, at the start, the first one after)
  const sections: string[] = [];
  let last: string | undefined;
  for (let i = 0; i < n; i++) {
    if (units[i]!.role === 'section') last = units[i]!.text;
    sections.push(last ?? '');
  }
  const firstSection = units.find((u) => u.role === 'section')?.text;
  const seriesSection = new Map<Series, string | undefined>();
  for (const s of series) {
    let inside: string | undefined;
    for (let i = s.from; i <= s.to && inside === undefined; i++) if (units[i]!.role === 'section') inside = units[i]!.text;
    seriesSection.set(s, inside ?? (sections[s.from] || firstSection));
  }
  for (let i = 0; i < n; i++) {
    const s = seriesOf[i];
    const section = s ? seriesSection.get(s) : sections[i] || firstSection;
    if (section) meta[i]!.section = section;
  }

  // --- columns: a one-label column heading heads the run of notes right after it
  let column: string | undefined;
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    if (u.role !== undefined || meta[i]!.role !== undefined) {
      const labels = u.role === 'column' ? columnLabels(u.text) : [];
      column = labels.length === 1 ? labels[0] : undefined;
      continue;
    }
    if (column !== undefined && seriesOf[i]?.mode !== 'after') meta[i]!.column = column;
  }
  return meta;
}
