/**
 * Unit-level furniture rules that need the neighbours of a unit: banners,
 * prompts and their follow-up lines, short titles sandwiched between
 * headings, and repeated furniture text.
 */

import { BANNER_WIDTH, type HeadingRole, isPrompt } from './furniture';
import type { Segment } from './segment';

/** A segment with its joined text. */
export interface ClassifiedSegment extends Segment {
  text: string;
}

/**
 * Fills in `role` for segments that are furniture by their context.
 * Mutates nothing; returns new segments.
 *
 * @example
 * ```ts
 * classifySegments(segments.map((s) => ({ ...s, text: joinLines(s.lines.map((l) => l.raw)) })));
 * ```
 */
export function classifySegments(input: readonly ClassifiedSegment[]): ClassifiedSegment[] {
  const segs = input.map((s) => ({ ...s }));
  // 1. banners (lines far wider than any sticky note) and prompts
  for (const s of segs) {
    if (s.role !== undefined) continue;
    if (s.lines.some((l) => l.width >= BANNER_WIDTH)) s.role = 'title';
    else if (isPrompt(s.text)) s.role = 'prompt';
  }
  // 2. the questions and bracketed hints that follow a prompt belong to it
  for (let i = 1; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.role !== undefined || segs[i - 1]!.role !== 'prompt') continue;
    if (/\?$/u.test(s.text) || /^\(.*\)$/u.test(s.text)) s.role = 'prompt';
  }
  // 3. a short unit standing between two headings is furniture too (subtitles, "So könnte es kommen")
  const before: (HeadingRole | undefined)[] = segs.map((s) => s.role);
  for (let i = 1; i + 1 < segs.length; i++) {
    const s = segs[i]!;
    if (s.role !== undefined || before[i - 1] === undefined || before[i + 1] === undefined) continue;
    if (s.lines.length <= 3 && !/[.!]$/u.test(s.text)) s.role = 'title';
  }
  // 4. text that is furniture once is furniture wherever it repeats (multi-word only)
  const known = new Map<string, HeadingRole>();
  for (const s of segs) if (s.role !== undefined && s.text.includes(' ')) known.set(s.text, s.role);
  for (const s of segs) {
    if (s.role !== undefined) continue;
    const role = known.get(s.text);
    if (role !== undefined) s.role = role;
  }
  return segs;
}
