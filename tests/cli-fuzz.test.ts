/**
 * The CLI fuzzed (issue 7): generated input files (.json, .jsonl, .csv, .tsv,
 * .txt; broken JSON, binary bytes, Latin-1 and UTF-16 text, empty files) and
 * random flag combinations. Whatever comes in: the exit code is 0, 1 or 2; an
 * error is a message of at most a few lines without a stack trace (unless
 * --debug) and never an "unexpected error"; `--format json` prints JSON that
 * parses and keeps every note.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './helpers/cli';
import type { ThemeReport } from '../src/types';

const dir = mkdtempSync(join(tmpdir(), 'tf-fuzz-'));
let fileCounter = 0;

const cli = runCaptured;

// --- file contents -----------------------------------------------------------

const WORDS = ['Digitalisierung', 'Schule', 'Netzwerk', 'Bildung', 'Daten', 'Akteur*innen', 'und', 'der', '🚀', 'Ｓｃｈｕｌｅ', 'É', 'ß', '2021'];
const words = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' '));
const text = fc.oneof({ weight: 3, arbitrary: words }, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('', ' ', '"', '\n', ',;\t'));
const field = fc.oneof(
  fc.constantFrom('text', 'id', 'group', 'Body', 'Antwort', '__proto__', 'constructor', 'note', ''),
  fc.string({ maxLength: 6 }),
);
const value = fc.oneof(text, fc.integer(), fc.constant(null), fc.boolean(), fc.array(text, { maxLength: 2 }));

type Generated = { ext: string; bytes: Uint8Array };
const utf8 = (s: string) => new TextEncoder().encode(s);

const jsonFile: fc.Arbitrary<Generated> = fc
  .oneof(
    fc.array(text, { maxLength: 10 }).map((a) => JSON.stringify(a)),
    fc.array(fc.dictionary(field, value, { maxKeys: 4 }), { maxLength: 8 }).map((a) => JSON.stringify(a)),
    fc.array(fc.record({ text, group: fc.constantFrom('A', 'B') }), { maxLength: 8 }).map((notes) => JSON.stringify({ notes })),
    fc.constantFrom('', '[', '[1,2,', '{"text":', 'null', '42', '"x"', '{}', '[null]', '[[]]', '{"notes": 5}', '\uFEFF["a"]'),
    fc.string({ maxLength: 40 }),
  )
  .map((s) => ({ ext: 'json', bytes: utf8(s) }));

const jsonlFile: fc.Arbitrary<Generated> = fc
  .tuple(
    fc.array(
    fc.oneof(
      text.map((t) => JSON.stringify(t)),
      fc.dictionary(field, value, { maxKeys: 3 }).map((o) => JSON.stringify(o)),
      fc.record({ text, id: fc.integer({ min: 1, max: 4 }) }).map((o) => JSON.stringify(o)),
      fc.constantFrom('', '{', 'not json', '[1]', 'null', '  '),
    ),
    { maxLength: 8 },
    ),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, nl]) => ({ ext: 'jsonl', bytes: utf8(lines.join(nl)) }));

const csvCell = fc.oneof(text, text.map((t) => `"${t.replaceAll('"', '""')}"`), fc.constantFrom('"', '""', '"a', 'a"b'));
const csvFile: fc.Arbitrary<Generated> = fc
  .tuple(
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.option(fc.array(fc.constantFrom('text', 'id', 'group', 'Body', 'Frage 1', ''), { minLength: 1, maxLength: 4 }), { nil: undefined }),
    fc.array(fc.array(csvCell, { minLength: 1, maxLength: 4 }), { maxLength: 8 }),
    fc.constantFrom('csv', 'tsv', 'txt'),
  )
  .map(([d, nl, header, rows, ext]) => ({
    ext: ext === 'txt' ? 'csv' : ext,
    bytes: utf8([...(header ? [header.join(d)] : []), ...rows.map((r) => r.join(d))].join(nl)),
  }));

const boardFile: fc.Arbitrary<Generated> = fc
  .array(fc.oneof(words, fc.constantFrom('Gruppe 1: Daten', 'Stärken Schwächen', 'Was ist?', 'Bildungs-', 'monitoring', '', '-', 'www.example.de')), {
    maxLength: 20,
  })
  .map((lines) => ({ ext: 'txt', bytes: utf8(lines.join('\n')) }));

/** Bytes that are not UTF-8 text: binary, Latin-1, UTF-16 with and without BOM. */
const oddBytes: fc.Arbitrary<Generated> = fc.oneof(
  fc.tuple(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('json', 'jsonl', 'csv', 'txt', 'xlsx', 'tsv')).map(([bytes, ext]) => ({ ext, bytes })),
  fc.tuple(words, fc.constantFrom('csv', 'txt', 'json')).map(([w, ext]) => ({
    ext,
    bytes: Uint8Array.from(`text\nSchöne Grüße: ${w} für Schüler`, (c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)),
  })),
  fc.tuple(words, fc.boolean(), fc.constantFrom('csv', 'txt')).map(([w, bom, ext]) => {
    const s = `text\nSchüler ${w}\nDigitalisierung der Schule`;
    const body = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) body[2 * i] = s.charCodeAt(i) & 0xff;
    for (let i = 0; i < s.length; i++) body[2 * i + 1] = s.charCodeAt(i) >> 8;
    return { ext, bytes: bom ? Uint8Array.from([0xff, 0xfe, ...body]) : body };
  }),
  fc.constantFrom<Generated>({ ext: 'csv', bytes: new Uint8Array(0) }, { ext: 'xls', bytes: utf8('a,b') }, { ext: 'pdf', bytes: utf8('%PDF-1.4') }),
);

const anyFile = fc.oneof(jsonFile, jsonlFile, csvFile, boardFile, oddBytes);

// --- flags -------------------------------------------------------------------

const flag = fc.oneof(
  fc.constantFrom('md', 'html', 'json', 'csv', 'xlsx', 'pdf', 'jsonl', '').map((v) => ['--format', v]),
  fc.constantFrom('auto', '1', '2', '3', '7', '0', '-1', 'x', '2.5', '99999999999999999999').map((v) => ['--k', v]),
  fc.constantFrom('1', '-5', '0', '1.5', 'abc', '9007199254740993').map((v) => ['--seed', v]),
  fc.constantFrom('de', 'en', 'fr').map((v) => ['--lang', v]),
  fc.constantFrom('cistem', 'snowball', 'porter').map((v) => ['--stemmer', v]),
  fc.constantFrom('utf-8', 'utf8', 'windows-1252', 'latin1', 'koi8-r').map((v) => ['--encoding', v]),
  fc.constantFrom('text', 'nope', '1', '2', 'Body').map((v) => ['--text-column', v]),
  fc.constantFrom('text', 'answer').map((v) => ['--text-field', v]),
  fc.constantFrom(',', ';', 'tab', '\\t', '|').map((v) => ['--delimiter', v]),
  fc.constantFrom('group', 'nope', 'group,column', '__proto__', ',').map((v) => ['--by', v]),
  fc.constantFrom('bildung', 'unbekannt', '/nonexistent/themes.json').map((v) => ['--themes', v]),
  fc.constantFrom('0', '0.3', '-1', 'x').map((v) => ['--guided-threshold', v]),
  fc.constantFrom('1', '0', '20').map((v) => ['--top-terms', v]),
  fc.constantFrom('Titel <script>', '').map((v) => ['--title', v]),
  fc.constantFrom('de', 'en', 'fr').map((v) => ['--locale', v]),
  fc.constantFrom(['--no-stability'], ['--excel'], ['--quiet'], ['--frobnicate'], ['-x'], ['--k'], ['extra.csv']),
  fc.constantFrom('report.json', 'report.md', 'report.xlsx', 'report.html', 'report.unknown', '.').map((v) => ['--out', v]),
);

/** Flags with good values, so that many runs get through to a report. */
const goodFlag = fc.oneof(
  fc.constantFrom('auto', '1', '3').map((v) => ['--k', v]),
  fc.constantFrom('1', '-5').map((v) => ['--seed', v]),
  fc.constantFrom('cistem', 'snowball').map((v) => ['--stemmer', v]),
  fc.constantFrom('1', '20').map((v) => ['--top-terms', v]),
  fc.constantFrom(['--no-stability'], ['--quiet'], ['--themes', 'bildung'], ['--lang', 'de'], ['--guided-threshold', '0']),
);
/** Either anything, or `--format json` with good flags. */
const flags = fc.oneof(
  fc.array(flag, { maxLength: 4 }),
  fc.array(goodFlag, { maxLength: 3 }).map((f) => [['--format', 'json'], ...f]),
);

const command = fc.constantFrom('analyze', 'analyze', 'analyze', 'parse', 'bogus');

// --- the property --------------------------------------------------------------

describe('CLI fuzzing', () => {
  /** How often each exit code came out: the generators must reach success and both error kinds. */
  const codes: Record<number, number> = {};
  let jsonReports = 0;

  it('any file and any flags: exit 0, 1 or 2, a short message, no stack trace, parseable JSON', async () => {
    await fc.assert(
      fc.asyncProperty(command, anyFile, flags, fc.boolean(), async (cmd, file, flags, debug) => {
        const path = join(dir, `in-${fileCounter++}.${file.ext}`);
        writeFileSync(path, file.bytes);
        const out = flags.findIndex((f) => f[0] === '--out');
        const args = [cmd, path, ...flags.flat().map((a) => (a.startsWith('report.') || a === '.' ? join(dir, a) : a))];
        if (debug) args.push('--debug');
        const result = await cli(args);
        codes[result.code] = (codes[result.code] ?? 0) + 1;
        const context = `${args.join(' ')}\n${result.stderr}`;

        expect([0, 1, 2], context).toContain(result.code);
        expect(result.stderr, context).not.toMatch(/unexpected error/);
        if (!debug) expect(result.stderr, context).not.toMatch(/\n\s+at /);
        const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
        if (result.code !== 0) {
          if (!debug) expect(lines.length, context).toBeLessThanOrEqual(3);
          expect(lines[0], context).toMatch(/^themenfinder: \S/);
          expect(result.stdout, context).toBe('');
        } else if (!debug) {
          for (const line of lines) expect(line, context).toMatch(/^themenfinder: /);
        }

        const format = args[args.lastIndexOf('--format') + 1];
        if (result.code === 0 && cmd === 'analyze' && format === 'json' && args.includes('--format') && out < 0) {
          const report = JSON.parse(result.stdout) as ThemeReport;
          jsonReports++;
          expect(report.notes.length, context).toBe(report.meta.notes);
          expect(report.meta.assigned + report.meta.unassigned, context).toBe(report.notes.length);
        }
        if (result.code === 0 && out >= 0 && flags[out]![1] === 'report.json') {
          JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
        }
      }),
      { numRuns: 300 },
    );
    if (process.env.FUZZ_STATS) console.log(codes, jsonReports);
    expect(codes[0] ?? 0).toBeGreaterThan(20);
    expect(codes[1] ?? 0).toBeGreaterThan(10);
    expect(codes[2] ?? 0).toBeGreaterThan(10);
    expect(jsonReports).toBeGreaterThan(5);
  }, 120_000);

  it('valid notes in every file format give the same notes in the JSON report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(words.filter((w) => w.trim() !== ''), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 4 }), async (notes, k) => {
        const files: [string, string][] = [
          ['json', JSON.stringify(notes)],
          ['jsonl', notes.map((n) => JSON.stringify({ text: n })).join('\n')],
          ['csv', `text\n${notes.map((n) => `"${n.replaceAll('"', '""')}"`).join('\n')}\n`],
        ];
        for (const [ext, content] of files) {
          const path = join(dir, `valid-${fileCounter++}.${ext}`);
          writeFileSync(path, content);
          const result = await cli(['analyze', path, '--format', 'json', '--k', String(k), '--quiet']);
          expect(result.code, `${ext}: ${result.stderr}`).toBe(0);
          const report = JSON.parse(result.stdout) as ThemeReport;
          expect(report.notes.map((n) => n.text), ext).toEqual(notes);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('--debug shows the stack of an input error, without it there is none', async () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '[1,');
    const plain = await cli(['analyze', path]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/BAD_JSON/);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await cli(['analyze', path, '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
