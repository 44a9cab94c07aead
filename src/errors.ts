/**
 * Stable machine-readable codes of {@link ThemenfinderError}.
 *
 * - `EMPTY_INPUT`: no notes (or no rows, or an empty file) were given.
 * - `BAD_OPTION`: an option has an unknown name or a value out of range.
 * - `BAD_NOTE`: a note is neither a string nor an object with a string `text`.
 * - `BAD_JSON`: a JSON or JSONL input could not be parsed.
 * - `NO_TEXT_COLUMN`: a table has no column that holds the note text.
 * - `NOT_TEXT`: a file is binary or not in the expected encoding.
 * - `TOO_LARGE`: an input exceeds a configured limit.
 * - `UNSUPPORTED_FORMAT`: a file type or output format is not known.
 * - `FILE_NOT_FOUND`: a file given on the command line does not exist.
 */
export type ErrorCode =
  | 'EMPTY_INPUT'
  | 'BAD_OPTION'
  | 'BAD_NOTE'
  | 'BAD_JSON'
  | 'NO_TEXT_COLUMN'
  | 'NOT_TEXT'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_FORMAT'
  | 'FILE_NOT_FOUND';

/** Extra facts about an error: where it happened and what value caused it. */
export interface ErrorDetails {
  /** The option name, for `BAD_OPTION`. */
  option?: string;
  /** The offending value, shortened for display. */
  value?: unknown;
  /** The note id or index the error is about. */
  note?: string | number;
  /** The file the error is about. */
  file?: string;
  /** The 1-based line in that file. */
  line?: number;
}

/**
 * The one error class themenfinder throws. Check `code` rather than the
 * message; the message is for people and names the way out.
 *
 * @example
 * ```ts
 * import { analyze, ThemenfinderError } from 'themenfinder';
 * try {
 *   analyze([]);
 * } catch (error) {
 *   if (error instanceof ThemenfinderError && error.code === 'EMPTY_INPUT') {
 *     console.error(error.message);
 *   }
 * }
 * ```
 */
export class ThemenfinderError extends Error {
  /** A stable code such as `EMPTY_INPUT` or `BAD_OPTION`. */
  readonly code: ErrorCode;
  /** Where the problem is and which value caused it. */
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'ThemenfinderError';
    this.code = code;
    this.details = details;
  }
}

/** Shortens a value for an error message: strings are cut, objects are summarised. */
export function describeValue(value: unknown, max = 60): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value == null) text = String(value);
  else if (Array.isArray(value)) text = `an array of ${value.length}`;
  else text = typeof value === 'object' ? 'an object' : typeof value;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
