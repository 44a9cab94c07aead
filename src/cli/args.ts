/**
 * Command-line parsing: commands, flags and their validation. Usage errors
 * throw {@link UsageError} (exit code 2).
 */
import { parseArgs } from 'node:util';

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The flags every command understands. */
export const FLAGS = {
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  k: { type: 'string', short: 'k' },
  'k-criterion': { type: 'string' },
  seed: { type: 'string' },
  lang: { type: 'string' },
  stemmer: { type: 'string' },
  encoding: { type: 'string' },
  'text-column': { type: 'string' },
  'text-field': { type: 'string' },
  sheet: { type: 'string' },
  delimiter: { type: 'string' },
  by: { type: 'string' },
  themes: { type: 'string' },
  'guided-threshold': { type: 'string' },
  'no-stability': { type: 'boolean' },
  workers: { type: 'string' },
  'top-terms': { type: 'string' },
  'max-bytes': { type: 'string' },
  'max-note-length': { type: 'string' },
  title: { type: 'string' },
  locale: { type: 'string' },
  excel: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Parsed command line. */
export interface CommandLine {
  command: string | undefined;
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
}

/**
 * Parses argv (without node and script).
 *
 * @throws UsageError for unknown flags or missing values.
 */
export function parseCommandLine(argv: string[]): CommandLine {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new UsageError(message);
  }
  const [command, ...positionals] = parsed.positionals;
  return { command, positionals, flags: parsed.values as Record<string, string | boolean | undefined> };
}

/** Reads an integer flag, or undefined when absent. */
export function intFlag(flags: CommandLine['flags'], name: string, min: number): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw.trim()) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError(`--${name} must be an integer${min > Number.MIN_SAFE_INTEGER ? ` >= ${min}` : ''}, got "${String(raw)}".`);
  }
  return Number(raw);
}

/** Reads a flag that must be one of `allowed`. */
export function choiceFlag<T extends string>(flags: CommandLine['flags'], name: string, allowed: readonly T[]): T | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got "${String(raw)}".`);
  }
  return raw as T;
}

/** Reads a non-negative number flag, or undefined when absent. */
export function numberFlag(flags: CommandLine['flags'], name: string, min: number, max: number): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, got "${String(raw)}".`);
  }
  return value;
}
