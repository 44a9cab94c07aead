/**
 * Reads an input file for the CLI: board text through the board parser,
 * tables and JSON through the readers of `themenfinder/node`.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ThemenfinderError } from '../errors';
import { loadThemes } from '../guided/validate';
import { parseBoard } from '../import/board';
import type { GuidedTheme } from '../types';
import type { TextEncodingOption } from '../node/encoding';
import { readNotesFile } from '../node/read';
import type { InputUnit } from './units';

/** Reader options that come from CLI flags. */
export interface LoadOptions {
  encoding?: TextEncodingOption | 'utf8' | undefined;
  textColumn?: string | undefined;
  textField?: string | undefined;
  sheet?: string | undefined;
  delimiter?: ',' | ';' | '\t' | undefined;
  /** Largest file in bytes (`--max-bytes`). */
  maxBytes?: number | undefined;
}

/** What a file held: units in order, and what the reader wants the user to know. */
export interface LoadedInput {
  format: string;
  units: InputUnit[];
  warnings: string[];
}

/**
 * Loads a file as units (notes, and for board text also headings).
 *
 * @example
 * ```ts
 * const { units } = await loadInput('corpus/zukunftscamp-2021.txt', {});
 * ```
 */
export async function loadInput(file: string, options: LoadOptions): Promise<LoadedInput> {
  const result = await readNotesFile(file, {
    encoding: options.encoding === 'utf8' ? 'utf-8' : options.encoding,
    textColumn: options.textColumn,
    textField: options.textField,
    sheet: options.sheet,
    delimiter: options.delimiter,
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  });
  if (result.format === 'txt') {
    const units = parseBoard(result.text ?? '').map((unit) => ({ ...unit }) as InputUnit);
    return { format: 'txt', units, warnings: result.warnings };
  }
  const units = result.notes.map((note) => ({ ...note, kind: 'note' as const }) as InputUnit);
  return { format: result.format, units, warnings: result.warnings };
}

/**
 * Reads the `--themes` flag: a preset name (checked by `analyze`) or a JSON
 * file of guided themes (`[{ label, terms, description? }]` or `{ themes: [...] }`).
 *
 * @example
 * ```ts
 * await loadThemesFlag('bildung'); // 'bildung'
 * await loadThemesFlag('my-themes.json'); // [{ label: 'Digitalisierung', terms: [...] }, ...]
 * ```
 */
export async function loadThemesFlag(flag: string | undefined): Promise<string | GuidedTheme[] | undefined> {
  if (flag === undefined) return undefined;
  if (!/\.json$/i.test(flag)) return flag;
  let text: string;
  try {
    text = await readFile(flag, 'utf8');
  } catch {
    throw new ThemenfinderError('FILE_NOT_FOUND', `Themes file not found: ${flag}. Give a preset name (e.g. bildung) or a JSON file.`, {
      file: flag,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ThemenfinderError('BAD_JSON', `Themes file ${flag} is not valid JSON: ${(error as Error).message}`, { file: flag });
  }
  return loadThemes(value, basename(flag));
}
