/**
 * Named sets of guided themes. `themes: 'bildung'` in the options (or
 * `--themes bildung` on the command line) picks one.
 */
import type { GuidedTheme } from '../types';
import { BILDUNG } from './bildung';

/** The presets by name. */
export const PRESETS: Readonly<Record<string, readonly GuidedTheme[]>> = Object.freeze({
  bildung: BILDUNG,
});

/**
 * The names of the presets, sorted.
 *
 * @example
 * ```ts
 * presetNames(); // ['bildung']
 * ```
 */
export function presetNames(): string[] {
  return Object.keys(PRESETS).sort();
}

/**
 * A copy of a preset's themes, or `undefined` for an unknown name.
 *
 * @param name - The preset name, e.g. `'bildung'` (case-insensitive).
 * @returns Deep copies of the themes, safe to change.
 *
 * @example
 * ```ts
 * getPreset('bildung')?.map((t) => t.label).slice(0, 2); // ['Digitalisierung', 'Vernetzung']
 * ```
 */
export function getPreset(name: string): GuidedTheme[] | undefined {
  const key = name.trim().toLowerCase();
  if (!Object.hasOwn(PRESETS, key)) return undefined;
  return PRESETS[key]!.map((t) => ({ ...t, terms: [...t.terms] }));
}
