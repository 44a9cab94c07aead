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
  seed: { type: 'string' },
  lang: { type: 'string' },
  stemmer: { type: 'string' },
  encoding: { type: 'string' },
  'text-column': { type: 'string' },
  'text-field': { type: 'string' },
  sheet: { type: 'string' },
  delimiter: { type: 'string' },
  by: { type: 'string' },
  'top-terms': { type: 'string' },
  title: { type: 'string' },
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
