/**
 * Reads an input file for the CLI: board text through the board parser,
 * tables and JSON through the readers of `themenfinder/node`.
 */
import { parseBoard } from '../import/board';
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
  });
  if (result.format === 'txt') {
    const units = parseBoard(result.text ?? '').map((unit) => ({ ...unit }) as InputUnit);
    return { format: 'txt', units, warnings: result.warnings };
  }
  const units = result.notes.map((note) => ({ ...note, kind: 'note' as const }) as InputUnit);
  return { format: result.format, units, warnings: result.warnings };
}
