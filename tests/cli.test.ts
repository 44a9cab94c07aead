import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './helpers/cli';
import { repoPath } from './helpers/corpus';

const run = runCaptured;

const corpus = repoPath('corpus/zukunftscamp-2021.txt');

describe('CLI', () => {
  it('prints help and version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('themenfinder analyze <file>');
    const analyzeHelp = await run(['analyze', '--help']);
    expect(analyzeHelp.stdout).toContain('--k <n|auto>');
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8'));
    expect((await run(['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 on usage errors with a one-line message naming the problem', async () => {
    for (const [args, pattern] of [
      [['analyze', corpus, '--k', 'zero'], /--k must be an integer/],
      [['analyze', corpus, '--format', 'pdf'], /--format must be one of/],
      [['analyze', corpus, '--frobnicate'], /Unknown option '--frobnicate'/],
      [['analyze'], /needs a file/],
      [['explode'], /Unknown command "explode"/],
      [[], /No command given/],
    ] as const) {
      const result = await run([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(pattern);
      expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 1 on input errors', async () => {
    const missing = await run(['analyze', '/nonexistent/notes.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not found/i);
    const dir = mkdtempSync(join(tmpdir(), 'tf-'));
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '[]');
    const e = await run(['analyze', empty]);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain('EMPTY_INPUT');
  });

  it('keeps ids in = ids out and is deterministic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-'));
    const file = join(dir, 'notes.jsonl');
    const notes = [
      { id: 'a1', text: 'Digitalisierung der Schulen', group: 'G1' },
      { id: 'b2', text: 'Digitale Endgeräte für Schulen', group: 'G1' },
      { id: 'c3', text: 'Netzwerke der Bildungsakteure', group: 'G2' },
      { id: 'd4', text: 'Netzwerke und Kooperation', group: 'G2' },
    ];
    writeFileSync(file, notes.map((n) => JSON.stringify(n)).join('\n'));
    const first = await run(['analyze', file, '--format', 'json', '--k', '2', '--seed', '3']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.notes.map((n: { id: string }) => n.id)).toEqual(['a1', 'b2', 'c3', 'd4']);
    expect(report.notes[0].meta).toEqual({ group: 'G1' });
    const second = await run(['analyze', file, '--format', 'json', '--k', '2', '--seed', '3']);
    expect(second.stdout).toBe(first.stdout);
  });

  it('analyses the corpus as board notes and shows a themes × group table', async () => {
    const result = await run(['analyze', corpus, '--by', 'group', '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Themes/);
    expect(result.stdout).toContain('## Themes by group');
    expect(result.stdout).toContain('Gruppe 1: Daten');
    expect(result.stderr).toBe('');
  });

  it('chooses k by the knee with --k-criterion knee (fewer themes than the silhouette on the corpus)', async () => {
    const json = async (extra: string[]) => {
      const result = await run(['analyze', corpus, '--format', 'json', '--no-stability', '--quiet', ...extra]);
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout);
    };
    const knee = await json(['--k-criterion', 'knee']);
    const silhouette = await json([]);
    expect(knee.meta.options.kCriterion).toBe('knee');
    expect(silhouette.meta.options.kCriterion).toBe('silhouette');
    expect(knee.meta.kAuto).toBe(true);
    expect(knee.meta.k).toBeGreaterThanOrEqual(4);
    expect(knee.meta.k).toBeLessThan(silhouette.meta.k);
    const bad = await run(['analyze', corpus, '--k-criterion', 'elbow']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--k-criterion must be one of/);
  });

  it('takes guided themes from a preset or a JSON file', async () => {
    const preset = await run(['analyze', corpus, '--themes', 'bildung', '--k', '3', '--format', 'json', '--no-stability', '--quiet']);
    expect(preset.code).toBe(0);
    const labels = JSON.parse(preset.stdout).themes.map((t: { label: string }) => t.label);
    for (const label of ['Digitalisierung', 'Vernetzung', 'Bildungsgerechtigkeit', 'Datenbasierung']) expect(labels).toContain(label);
    const dir = mkdtempSync(join(tmpdir(), 'tf-'));
    const file = join(dir, 'themes.json');
    writeFileSync(file, JSON.stringify([{ label: 'Geld', terms: ['Geld', 'Finanzen', 'Budget'] }]));
    const own = await run(['analyze', corpus, '--themes', file, '--k', '3', '--format', 'json', '--no-stability', '--quiet']);
    expect(own.code).toBe(0);
    expect(JSON.parse(own.stdout).themes.some((t: { label: string; guided?: boolean }) => t.label === 'Geld' && t.guided)).toBe(true);
    const unknown = await run(['analyze', corpus, '--themes', 'schule']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('bildung');
    const missing = await run(['analyze', corpus, '--themes', join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
  });

  it('parse prints units with kinds and line spans', async () => {
    const result = await run(['parse', corpus]);
    expect(result.code).toBe(0);
    const units = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(units.some((u) => u.kind === 'heading')).toBe(true);
    expect(units.every((u) => Number.isInteger(u.start) && u.end >= u.start)).toBe(true);
  });

  it('writes --out files with the format taken from the extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-'));
    const out = join(dir, 'report.json');
    const result = await run(['analyze', corpus, '--out', out, '--k', '5']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('-> ');
    expect(JSON.parse(readFileSync(out, 'utf8')).themes).toHaveLength(5);
  });

  it('runs as a real process from the build with the right exit codes', () => {
    const cli = repoPath('dist/cli.js');
    const ok = spawnSync(process.execPath, [cli, 'analyze', corpus, '--k', '4', '--quiet'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('| # | Theme |');
    const usage = spawnSync(process.execPath, [cli, 'analyze', corpus, '--k', '-1'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});
