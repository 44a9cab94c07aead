/**
 * Checks guided themes given by a user (options, or a parsed JSON file)
 * and resolves preset names. Errors are `BAD_OPTION` and name the theme,
 * the field and the way out.
 */
import { describeValue, ThemenfinderError } from '../errors';
import { closest } from '../options';
import { getPreset, presetNames } from '../presets';
import type { GuidedTheme } from '../types';

/** Limits that keep a themes file from slowing a run down. */
export const GUIDED_LIMITS = Object.freeze({ themes: 200, termsPerTheme: 500, termLength: 100, labelLength: 200 });

/**
 * Validates guided themes: a preset name, an array of `{ label, terms,
 * description? }`, or an object `{ themes: [...] }` (a parsed themes file).
 *
 * @param value - What the user gave: a preset name or parsed JSON.
 * @param source - Where it came from, for messages (e.g. the file name). Default `"themes"` (the option).
 * @returns Clean copies of the themes (labels and terms trimmed, empty terms dropped).
 * @throws ThemenfinderError `BAD_OPTION` naming the theme and field; for an unknown preset name it lists the known ones.
 *
 * @example
 * ```ts
 * loadThemes('bildung').length; // 10
 * loadThemes([{ label: 'Digitalisierung', terms: ['digital', 'Tablets'] }]);
 * loadThemes(JSON.parse(fileText), 'my-themes.json');
 * ```
 */
export function loadThemes(value: unknown, source = 'themes'): GuidedTheme[] {
  if (typeof value === 'string') {
    const preset = getPreset(value);
    if (preset) return preset;
    const names = presetNames();
    const suggestion = closest(value, names);
    fail(
      source,
      `Unknown preset "${value}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Known presets: ${names.join(', ')}; or pass a list of { label, terms, description? } (on the command line: a .json file).`,
      value,
    );
  }
  let list = value;
  if (list !== null && typeof list === 'object' && !Array.isArray(list) && 'themes' in list) {
    list = (list as { themes: unknown }).themes;
  }
  if (!Array.isArray(list)) {
    fail(source, `Guided themes must be a preset name (${presetNames().join(', ')}) or an array of { label, terms, description? }; got ${describeValue(list)}.`, list);
  }
  if (list.length > GUIDED_LIMITS.themes) {
    fail(source, `At most ${GUIDED_LIMITS.themes} guided themes are allowed; got ${list.length}.`, list.length);
  }
  const labels = new Map<string, number>();
  return list.map((item, index) => {
    const where = `${source}[${index}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      fail(where, `Guided theme ${index + 1} must be an object { label, terms, description? }; got ${describeValue(item)}.`, item);
    }
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== 'label' && key !== 'terms' && key !== 'description') {
        fail(where, `Guided theme ${index + 1} has an unknown field "${key}"; allowed are label, terms and description.`, key);
      }
    }
    const label = typeof record.label === 'string' ? record.label.trim() : '';
    if (!label) fail(`${where}.label`, `Guided theme ${index + 1} needs a non-empty string "label"; got ${describeValue(record.label)}.`, record.label);
    if (label.length > GUIDED_LIMITS.labelLength) {
      fail(`${where}.label`, `The label of guided theme ${index + 1} is longer than ${GUIDED_LIMITS.labelLength} characters.`, label);
    }
    const earlier = labels.get(label.toLowerCase());
    if (earlier !== undefined) {
      fail(`${where}.label`, `Guided themes ${earlier + 1} and ${index + 1} have the same label "${label}"; labels must be unique.`, label);
    }
    labels.set(label.toLowerCase(), index);
    const terms = record.terms;
    if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) {
      fail(`${where}.terms`, `Guided theme "${label}" needs "terms": an array of strings; got ${describeValue(terms)}.`, terms);
    }
    const clean = [...new Set((terms as string[]).map((t) => t.trim()).filter((t) => t.length > 0))];
    if (clean.length === 0) fail(`${where}.terms`, `Guided theme "${label}" has no terms; give at least one word that marks it.`, terms);
    if (clean.length > GUIDED_LIMITS.termsPerTheme) {
      fail(`${where}.terms`, `Guided theme "${label}" has ${clean.length} terms; at most ${GUIDED_LIMITS.termsPerTheme} are allowed.`, clean.length);
    }
    const long = clean.find((t) => t.length > GUIDED_LIMITS.termLength);
    if (long) fail(`${where}.terms`, `A term of guided theme "${label}" is longer than ${GUIDED_LIMITS.termLength} characters: ${describeValue(long)}.`, long);
    const theme: GuidedTheme = { label, terms: clean };
    if (record.description !== undefined) {
      if (typeof record.description !== 'string') {
        fail(`${where}.description`, `The description of guided theme "${label}" must be a string; got ${describeValue(record.description)}.`, record.description);
      }
      const description = record.description.trim();
      if (description) theme.description = description;
    }
    return theme;
  });
}

function fail(where: string, message: string, value: unknown): never {
  throw new ThemenfinderError('BAD_OPTION', `Guided themes (${where}): ${message}`, { option: 'themes', value });
}
