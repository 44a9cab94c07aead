/**
 * Hostile input (issue 7): adversarial strings finish in time linear in their
 * length through the board parser, the CSV parser and the whole `analyze`;
 * over-long notes are cut with a warning, never dropped; metadata keys such
 * as `__proto__` stay data. Bounds are generous (a quadratic expression takes
 * minutes on these inputs); the real figures are in docs/errors.md
 * (bench/hostile.mjs).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './helpers/cli';
import { analyze } from '../src/analyze';
import { runCli } from '../src/cli/main';
import { crosstab, withCrosstabs } from '../src/crosstab';
import { parseBoard } from '../src/import/board';
import { parseCsv } from '../src/import/csv';
import { joinLines, normalizeText } from '../src/normalize';
import { renderCsv } from '../src/render/csv';
import { renderHtml } from '../src/render/html';
import { renderMarkdown } from '../src/render/markdown';
import type { ThemeReport } from '../src/types';

const MB = 1_000_000;
/** The key name, held in a variable so it reads as data, not as the accessor. */
const PROTO = '__proto__';
const mb = (piece: string) => piece.repeat(Math.ceil(MB / piece.length));

/** Runs `fn` and returns its result and wall time in ms. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** About 1 MB each, without line breaks: one long line, one long note. */
const CHARACTER_INPUTS: [string, string][] = [
  ['a-a-a-…', mb('a-')],
  ['*****…', mb('*')],
  [':innen:innen…', mb(':innen')],
  ['a.a.a.…', mb('a.')],
  ['""""… (nested quotes)', mb('"')],
  ['a@a@a…', mb('a@')],
  ['www.www.…', mb('www.')],
  ['a\\u200B… (zero-width spaces)', mb('a\u200B')],
  ['a\\u0308… (combining marks)', mb('a\u0308')],
];

/** About 1 MB each, in many short lines (hundreds of thousands of lines). */
const LINE_INPUTS: [string, string][] = [
  ['lines of "a-"', mb('a-\n')],
  ['lines of "-"', mb('-\n')],
  ['blank lines', mb('\n')],
  ['lines of "Gruppe 1:"', mb('Gruppe 1:\n')],
];

describe('hostile input finishes in linear time', () => {
  describe.each(CHARACTER_INPUTS)('1 MB of %s', (_name, text) => {
    // the board parser classifies every line (about 0.4-1 s here); a quadratic pattern takes minutes
    it('parseBoard < 5 s', () => {
      const { value, ms } = timed(() => parseBoard(text));
      expect(ms).toBeLessThan(5000);
      expect(value.length).toBeLessThanOrEqual(1);
    });
    it('parseCsv < 2 s', () => {
      const { ms } = timed(() => parseCsv(text));
      expect(ms).toBeLessThan(2000);
    });
    it('normalizeText < 2 s', () => {
      const { ms } = timed(() => normalizeText(text));
      expect(ms).toBeLessThan(2000);
    });
    it('analyze of it as one note (maxNoteLength 1 MB) < 5 s, the note kept whole', () => {
      const { value, ms } = timed(() => analyze([text], { maxNoteLength: text.length }));
      expect(ms).toBeLessThan(5000);
      expect(value.notes).toHaveLength(1);
      expect(value.notes[0]!.text).toBe(text);
    }, 30_000);
  });

  // Hundreds of thousands of lines cost more per byte (each line is
  // classified); joining them was quadratic before (65 s in analyze, 108 s in
  // parseBoard for 1 MB of "a-" lines), so these bounds still catch that.
  describe.each(LINE_INPUTS)('1 MB of %s', (_name, text) => {
    it('parseBoard < 30 s', () => {
      const { ms } = timed(() => parseBoard(text));
      expect(ms).toBeLessThan(30_000);
    }, 90_000);
    it('parseCsv and normalizeText < 5 s each', () => {
      expect(timed(() => parseCsv(text)).ms).toBeLessThan(5000);
      expect(timed(() => normalizeText(text)).ms).toBeLessThan(5000);
    }, 30_000);
    it('analyze of it as one note < 5 s', () => {
      const { value, ms } = timed(() => analyze([text], { maxNoteLength: text.length }));
      expect(ms).toBeLessThan(5000);
      expect(value.notes).toHaveLength(1);
    }, 30_000);
  });

  it('joinLines keeps its meaning on long inputs (broken words joined, suspended compounds kept)', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => (i % 2 === 0 ? 'Bildungs-' : 'monitoring'));
    const { value, ms } = timed(() => joinLines(lines));
    expect(ms).toBeLessThan(2000);
    expect(value).toBe(Array.from({ length: 50_000 }, () => 'Bildungsmonitoring').join(' '));
    expect(joinLines(['Netzwerk-', 'und', 'Kooperation'])).toBe('Netzwerk- und Kooperation');
    expect(joinLines(['Bildung', '-', 'x'])).toBe('Bildung - x');
    expect(joinLines(['𝐀-', 'b'])).toBe('𝐀b');
  });

  it('one note of 1 MB is cut at maxNoteLength with a warning, not dropped', () => {
    const big = mb('Schule digital ');
    const { value, ms } = timed(() => analyze(['Digitalisierung Schule', big, 'Netzwerk Bildung']));
    expect(ms).toBeLessThan(2000);
    expect(value.notes.map((n) => n.id)).toEqual(['1', '2', '3']);
    expect(value.notes[1]!.text).toBe(big.slice(0, 10_000));
    expect(value.meta.warnings.join(' ')).toMatch(/Note "2" had \d+ characters and was cut to 10000 \(option maxNoteLength\)/);
    const small = analyze([big], { maxNoteLength: 50 });
    expect(small.notes[0]!.text).toHaveLength(50);
  });

  it('the CLI takes both limits as flags: --max-bytes (TOO_LARGE, exit 1) and --max-note-length (cut, warned)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-limits-'));
    const file = join(dir, 'notes.json');
    writeFileSync(file, JSON.stringify(['Digitalisierung der Schulen vorantreiben', 'Netzwerke']));
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (t: string) => {
        stdout += t;
      },
      stderr: (t: string) => {
        stderr += t;
      },
      isTTY: false,
    };
    expect(await runCli(['analyze', file, '--max-bytes', '20'], io)).toBe(1);
    expect(stderr).toMatch(/more than the limit of 20 bytes\. Raise the limit with --max-bytes.*\[TOO_LARGE\]/);
    stderr = '';
    expect(await runCli(['analyze', file, '--max-bytes', 'x'], io)).toBe(2);
    expect(stderr).toMatch(/--max-bytes must be an integer >= 1/);
    stderr = '';
    expect(await runCli(['analyze', file, '--max-note-length', '15', '--format', 'json'], io)).toBe(0);
    const report = JSON.parse(stdout) as ThemeReport;
    expect(report.notes.map((n) => n.text)).toEqual(['Digitalisierung', 'Netzwerke']);
    expect(report.meta.warnings.join(' ')).toMatch(/Note "1" had 40 characters and was cut to 15/);
  });

  it('50,000 one-word notes: every note once, < 20 s', () => {
    const notes = Array.from({ length: 50_000 }, (_, i) => `Wort${i % 977}x`);
    const { value, ms } = timed(() => analyze(notes));
    expect(ms).toBeLessThan(20_000);
    expect(value.notes).toHaveLength(50_000);
    expect(value.notes.every((n, i) => n.id === String(i + 1) && n.text === notes[i])).toBe(true);
    const inThemes = value.themes.reduce((sum, t) => sum + t.size, 0);
    expect(inThemes + value.meta.unassigned).toBe(50_000);
  }, 60_000);

  it('a CSV of 1 MB of nested quotes and delimiters stays one field per cell', () => {
    const cell = mb('""');
    const { value, ms } = timed(() => parseCsv(`text\n"${cell}"\nSchule\n`));
    expect(ms).toBeLessThan(2000);
    expect(value.rows.map((r) => r[0]!.length)).toEqual([cell.length / 2, 6]);
  });
});

describe('metadata keys cannot pollute prototypes', () => {
  // JSON.parse makes "__proto__" an own key, as a file reader would.
  const texts = ['Digitalisierung der Schule', 'Digitalisierung im Unterricht', 'Netzwerk und Kooperation', 'Netzwerke der Bildung'];
  const notes = JSON.parse(
    `[${texts
      .map(
        (text, i) =>
          `{"text":${JSON.stringify(text)},"__proto__":"v${i % 2}","constructor":"c${i % 3}","prototype":"p","toString":"s","g":"${i % 2 ? 'B' : 'A'}"}`,
      )
      .join(',')}]`,
  ) as Array<Record<string, unknown> & { text: string }>;

  const clean = () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  };

  it('analyze keeps __proto__, constructor, prototype and toString as plain data', () => {
    expect(Object.hasOwn(notes[0]!, '__proto__')).toBe(true);
    const report = analyze(notes, { k: 2 });
    clean();
    report.notes.forEach((note, i) => {
      expect(Object.keys(note.meta ?? {}).sort()).toEqual(['__proto__', 'constructor', 'g', 'prototype', 'toString']);
      expect(note.meta![PROTO]).toBe(`v${i % 2}`);
      expect(note.meta!.constructor).toBe(`c${i % 3}`);
    });
    const json = JSON.parse(JSON.stringify(report)) as ThemeReport;
    expect(json.notes[0]!.meta).toEqual(expect.objectContaining({ prototype: 'p', toString: 's' }));
    expect(Object.hasOwn(json.notes[0]!.meta!, '__proto__')).toBe(true);
  });

  it('crosstab on __proto__ and constructor counts the values', () => {
    const report = analyze(notes, { k: 2 });
    const byProto = crosstab(report, '__proto__');
    expect(byProto.values).toEqual(['v0', 'v1']);
    expect(byProto.totals).toEqual([2, 2]);
    const byConstructor = crosstab(report, 'constructor');
    expect(byConstructor.values).toEqual(['c0', 'c1', 'c2']);
    const withTabs = withCrosstabs(report, ['__proto__', 'constructor', 'toString']);
    expect(Object.keys(withTabs.crosstabs!)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(withTabs.crosstabs![PROTO]!.field).toBe('__proto__');
    expect(Object.getPrototypeOf(withTabs.crosstabs)).toBe(Object.prototype);
    const json = JSON.parse(JSON.stringify(withTabs));
    expect(Object.keys(json.crosstabs)).toEqual(['__proto__', 'constructor', 'toString']);
    clean();
  });

  it('the renderers show such fields as text', () => {
    const report = withCrosstabs(analyze(notes, { k: 2 }), ['__proto__']);
    expect(renderMarkdown(report, { by: ['__proto__'] })).toContain('v0');
    expect(renderHtml(report, { by: ['__proto__'] })).toContain('v1');
    expect(renderCsv(report).split('\n')[0]).toContain('__proto__');
    clean();
  });

  it('the CLI reads such keys from JSONL as renamed fields (__proto___) and cross-tabulates them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-hostile-'));
    const file = join(dir, 'notes.jsonl');
    writeFileSync(
      file,
      [
        '{"text":"Digitalisierung der Schule","__proto__":{"polluted":"yes"},"constructor":"c"}',
        '{"text":"Digitalisierung im Unterricht","__proto__":"B","constructor":{"prototype":{"polluted":"yes"}}}',
        '{"text":"Netzwerk und Kooperation","__proto__":"A","prototype":"x"}',
      ].join('\n'),
    );
    const run = runCaptured;
    const ok = await run(['analyze', file, '--format', 'json', '--by', '__proto___,constructor_', '--quiet']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout) as ThemeReport;
    expect(report.notes).toHaveLength(3);
    expect(Object.keys(report.notes[2]!.meta!)).toEqual(['__proto___', 'prototype_']);
    expect(Object.keys(report.crosstabs ?? {})).toEqual(['__proto___', 'constructor_']);
    expect(report.crosstabs!.__proto___!.values).toEqual(['{"polluted":"yes"}', 'B', 'A']);
    // The original name is not a field; the message names the fields there are.
    const wrong = await run(['analyze', file, '--format', 'json', '--by', '__proto__', '--quiet']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/No note has the metadata field "__proto__"\. Fields present: __proto___, constructor_, prototype_/);
    clean();
  });
});
