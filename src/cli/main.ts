#!/usr/bin/env node
/**
 * The `themenfinder` command: `analyze` and `parse`. Usage errors exit 2,
 * input errors exit 1, each with a short message; stack traces only with
 * `--debug`.
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { withCrosstabs } from '../crosstab';
import { ThemenfinderError } from '../errors';
import { analyzeParallel } from '../node/parallel';
import { renderCsv } from '../render/csv';
import { renderHtml } from '../render/html';
import { renderMarkdown } from '../render/markdown';
import { renderXlsx } from '../render/xlsx';
import type { ThemeReport } from '../types';
import type { AnalyzeOptions } from '../types';
import { VERSION } from '../version';
import { choiceFlag, type CommandLine, intFlag, numberFlag, parseCommandLine, UsageError } from './args';
import { ANALYZE_HELP, MAIN_HELP, PARSE_HELP } from './help';
import { loadInput, type LoadOptions, loadThemesFlag } from './load';
import { progressBar } from './progress';
import { formatUnits } from './units';

/** Report formats of `analyze`. */
const REPORT_FORMATS = ['md', 'html', 'json', 'csv', 'xlsx'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Streams the CLI writes to; replaceable in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
};

/**
 * Runs the command line and returns the exit code.
 *
 * @example
 * ```ts
 * const code = await runCli(['analyze', 'notes.csv', '--format', 'json']);
 * ```
 */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const cli = parseCommandLine(argv);
    debug = Boolean(cli.flags.debug);
    if (cli.flags.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (cli.command === undefined) {
      if (cli.flags.help) {
        io.stdout(MAIN_HELP);
        return 0;
      }
      throw new UsageError('No command given. Use "themenfinder analyze <file>" or see "themenfinder --help".');
    }
    if (cli.command === 'help') {
      io.stdout(MAIN_HELP);
      return 0;
    }
    if (cli.command === 'analyze') return await analyzeCommand(cli, io);
    if (cli.command === 'parse') return await parseCommand(cli, io);
    throw new UsageError(`Unknown command "${cli.command}". Commands: analyze, parse. See "themenfinder --help".`);
  } catch (error) {
    return reportError(error, io, debug);
  }
}

async function analyzeCommand(cli: CommandLine, io: CliIo): Promise<number> {
  if (cli.flags.help) {
    io.stdout(ANALYZE_HELP);
    return 0;
  }
  const file = onlyFile(cli, 'analyze');
  const started = Date.now();
  const out = cli.flags.out as string | undefined;
  const format: ReportFormat =
    choiceFlag(cli.flags, 'format', REPORT_FORMATS) ?? formatFromOut(out, REPORT_FORMATS) ?? 'md';
  if (format === 'xlsx' && !out) throw new UsageError('--format xlsx writes a binary file: give it with --out <file>.xlsx.');
  const locale = choiceFlag(cli.flags, 'locale', ['de', 'en'] as const);
  const progress = progressBar(io, 4, !cli.flags.quiet);
  const kRaw = cli.flags.k;
  const k = kRaw === undefined || kRaw === 'auto' ? 'auto' : intFlag(cli.flags, 'k', 1);
  const lang = choiceFlag(cli.flags, 'lang', ['de', 'en'] as const) ?? 'de';
  const options: AnalyzeOptions = {
    k,
    kCriterion: choiceFlag(cli.flags, 'k-criterion', ['silhouette', 'knee'] as const),
    seed: intFlag(cli.flags, 'seed', Number.MIN_SAFE_INTEGER),
    language: lang === 'en' ? (await import('../language/english')).english : 'de',
    stemmer: choiceFlag(cli.flags, 'stemmer', ['cistem', 'snowball'] as const),
    topTerms: intFlag(cli.flags, 'top-terms', 1),
    maxNoteLength: intFlag(cli.flags, 'max-note-length', 1),
    themes: await loadThemesFlag(cli.flags.themes as string | undefined),
    guidedThreshold: numberFlag(cli.flags, 'guided-threshold', 0, 100),
    stability: cli.flags['no-stability'] ? false : undefined,
  };
  progress.step(0, `reading ${file}`);
  const input = await loadInput(file, loadOptions(cli));
  progress.done();
  if (!cli.flags.quiet) for (const warning of input.warnings) io.stderr(`themenfinder: ${warning}\n`);
  const notes = input.units.filter((unit) => unit.kind === 'note').map(({ kind: _kind, ...note }) => note);
  progress.step(1, `analysing ${notes.length} notes`);
  // Worker threads only when asked for: on the 2-core test machine they gave no wall time (docs/scaling.md).
  const analysed = await analyzeParallel(notes, { ...options, workers: intFlag(cli.flags, 'workers', 1) ?? 1 });
  const by = typeof cli.flags.by === 'string' ? cli.flags.by.split(',').map((f) => f.trim()).filter(Boolean) : [];
  const report = by.length > 0 ? withCrosstabs(analysed, by) : analysed;
  progress.step(2, `rendering ${format}`);
  const output = await renderReport(report, format, {
    title: cli.flags.title as string | undefined,
    by,
    locale,
    excel: Boolean(cli.flags.excel),
  });
  progress.step(3, out ? `writing ${out}` : 'writing');
  write(output, out, io);
  progress.done();
  if (!cli.flags.quiet) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.stderr(
      `themenfinder: ${report.meta.notes} notes, ${report.themes.length} themes, ${report.meta.unassigned} without theme, ${seconds} s${out ? ` -> ${out}` : ''}\n`,
    );
  }
  return 0;
}

async function parseCommand(cli: CommandLine, io: CliIo): Promise<number> {
  if (cli.flags.help) {
    io.stdout(PARSE_HELP);
    return 0;
  }
  const file = onlyFile(cli, 'parse');
  const out = cli.flags.out as string | undefined;
  const format =
    choiceFlag(cli.flags, 'format', ['jsonl', 'json', 'csv'] as const) ??
    formatFromOut(out, ['jsonl', 'json', 'csv'] as const) ??
    'jsonl';
  const input = await loadInput(file, loadOptions(cli));
  for (const warning of input.warnings) io.stderr(`themenfinder: ${warning}\n`);
  write(formatUnits(input.units, format), out, io);
  return 0;
}

function loadOptions(cli: CommandLine): LoadOptions {
  return {
    encoding: choiceFlag(cli.flags, 'encoding', ['utf-8', 'utf8', 'windows-1252', 'latin1'] as const),
    textColumn: cli.flags['text-column'] as string | undefined,
    textField: cli.flags['text-field'] as string | undefined,
    sheet: cli.flags.sheet as string | undefined,
    delimiter: delimiterFlag(cli.flags.delimiter),
    maxBytes: intFlag(cli.flags, 'max-bytes', 1),
  };
}

function delimiterFlag(raw: unknown): ',' | ';' | '\t' | undefined {
  if (raw === undefined) return undefined;
  const value = raw === 'tab' || raw === '\\t' ? '\t' : raw;
  if (value !== ',' && value !== ';' && value !== '\t') {
    throw new UsageError(`--delimiter must be one of , ; tab; got "${String(raw)}".`);
  }
  return value;
}

function onlyFile(cli: CommandLine, command: string): string {
  if (cli.positionals.length === 0) throw new UsageError(`"${command}" needs a file: themenfinder ${command} <file>.`);
  if (cli.positionals.length > 1) {
    throw new UsageError(`"${command}" takes one file, got ${cli.positionals.length}: ${cli.positionals.join(' ')}.`);
  }
  return cli.positionals[0]!;
}

/** Renders the report in the chosen format (text, or bytes for xlsx). */
async function renderReport(
  report: ThemeReport,
  format: ReportFormat,
  options: { title?: string; by: string[]; locale?: 'de' | 'en'; excel: boolean },
): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'html':
      return renderHtml(report, {
        locale: options.locale,
        title: options.title,
        ...(options.by.length > 0 ? { by: options.by } : {}),
      });
    case 'csv':
      return renderCsv(report, { delimiter: options.excel ? ';' : ',' });
    case 'xlsx':
      return renderXlsx(report);
    default:
      return renderMarkdown(report, { title: options.title, by: options.by });
  }
}

function formatFromOut<T extends string>(out: string | undefined, allowed: readonly T[]): T | undefined {
  if (!out) return undefined;
  const ext = extname(out).slice(1).toLowerCase();
  const mapped = ext === 'markdown' ? 'md' : ext === 'htm' ? 'html' : ext;
  return (allowed as readonly string[]).includes(mapped) ? (mapped as T) : undefined;
}

function write(text: string | Uint8Array, out: string | undefined, io: CliIo): void {
  if (out) writeFileSync(out, text);
  else if (typeof text === 'string') io.stdout(text);
  else throw new UsageError('This format writes a binary file: give it with --out <file>.');
}

function reportError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof UsageError) {
    io.stderr(`themenfinder: ${error.message}\n`);
    return 2;
  }
  if (error instanceof ThemenfinderError) {
    const code = error.code === 'BAD_OPTION' ? 2 : 1;
    io.stderr(`themenfinder: ${error.message} [${error.code}]\n`);
    if (debug && error.stack) io.stderr(`${error.stack}\n`);
    return code;
  }
  const e = error as NodeJS.ErrnoException;
  if (e && (e.code === 'EACCES' || e.code === 'EISDIR' || e.code === 'ENOENT')) {
    io.stderr(`themenfinder: ${e.message}\n`);
    return 1;
  }
  io.stderr(`themenfinder: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
  if (debug && (error as Error)?.stack) io.stderr(`${(error as Error).stack}\n`);
  else io.stderr('Run again with --debug for details, and please report it.\n');
  return 1;
}

const isMain = (() => {
  try {
    const entry = process.argv[1] ?? '';
    return /(?:^|[\\/])(?:cli\.(?:c?js|ts)|themenfinder)$/.test(entry);
  } catch {
    return false;
  }
})();

if (isMain) {
  // `themenfinder analyze … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
