import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { analyze as analyzeSource } from '../src/index';
import { repoPath } from './helpers/corpus';

// These tests load the built package (npm test builds first).
const NOTES = ['Digitalisierung der Schulen', 'Digitale Schule', 'Netzwerke stärken', 'Netzwerke bilden'];

describe('the built package', () => {
  it('works as ESM', async () => {
    const mod = await import(repoPath('dist/index.js'));
    const report = mod.analyze(NOTES, { k: 2 });
    expect(report.themes).toHaveLength(2);
  });

  it('works as CommonJS on this Node (ml-kmeans is ESM only and bundled)', () => {
    const require = createRequire(import.meta.url);
    const mod = require(repoPath('dist/index.cjs'));
    expect(mod.analyze(NOTES, { k: 2 }).themes).toHaveLength(2);
    const out = execFileSync(
      process.execPath,
      ['-e', `const t=require(${JSON.stringify(repoPath('dist/index.cjs'))});console.log(t.analyze(['Schule digital','Schule vernetzt'],{k:1}).meta.k)`],
      { encoding: 'utf8' },
    );
    expect(out.trim()).toBe('1');
  });

  it('gives the same report from both builds', async () => {
    const esm = await import(repoPath('dist/index.js'));
    const cjs = createRequire(import.meta.url)(repoPath('dist/index.cjs'));
    expect(JSON.stringify(cjs.analyze(NOTES))).toBe(JSON.stringify(esm.analyze(NOTES)));
  });

  it.each(['dist', 'dist/browser'])('keeps Node built-ins out of the core entry and its chunks (%s)', (dir) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(repoPath(`${dir}/${file}`), 'utf8');
      expect(code, file).not.toMatch(/from\s*["'](node:|fs|path|os|child_process|worker_threads)["']/);
      expect(code, file).not.toMatch(/require\(["']node:/);
      for (const match of code.matchAll(/from\s*["']\.\/([^"']+)["']/g)) visit(match[1]!);
    };
    visit('index.js');
    expect(seen.size).toBeGreaterThan(0);
    expect(readdirSync(repoPath(dir))).toContain('english.js');
  });

  it('leaves ml-matrix out of the Node builds too, with the reports of the sources (which load the real ml-matrix)', async () => {
    const files = readdirSync(repoPath('dist')).filter((f) => f.endsWith('.js') || f.endsWith('.cjs'));
    for (const f of files) {
      const code = readFileSync(repoPath(`dist/${f}`), 'utf8');
      expect(code, f).not.toMatch(/from\s*["']ml-|require\(["']ml-/);
      expect(code, f).not.toMatch(/class Matrix extends AbstractMatrix/);
    }
    const esm = await import(repoPath('dist/index.js'));
    const cjs = createRequire(import.meta.url)(repoPath('dist/index.cjs'));
    const notes = esm.parseBoard(readFileSync(repoPath('corpus/zukunftscamp-2021.txt'), 'utf8'))
      .filter((u: { kind: string }) => u.kind === 'note')
      .map((u: { id: string; text: string }) => ({ id: u.id, text: u.text }));
    const expected = JSON.stringify(analyzeSource(notes));
    expect(JSON.stringify(esm.analyze(notes))).toBe(expected);
    expect(JSON.stringify(cjs.analyze(notes))).toBe(expected);
  });

  it('gives bundlers for browsers a build with ml-kmeans bundled and ml-matrix left out, with the same reports', async () => {
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8'));
    expect(pkg.exports['.'].import.browser).toBe('./dist/browser/index.js');
    expect(pkg.exports['./english'].import.browser).toBe('./dist/browser/english.js');
    const files = readdirSync(repoPath('dist/browser')).filter((f) => f.endsWith('.js'));
    const code = files.map((f) => readFileSync(repoPath(`dist/browser/${f}`), 'utf8')).join('\n');
    // No import of the ml-* family is left; ml-matrix's code is not in (its stub is).
    expect(code).not.toMatch(/from\s*["']ml-/);
    expect(code).not.toMatch(/class Matrix extends AbstractMatrix/);
    expect(code).toMatch(/ml-matrix is left out/);
    const browser = await import(repoPath('dist/browser/index.js'));
    const esm = await import(repoPath('dist/index.js'));
    expect(JSON.stringify(browser.analyze(NOTES))).toBe(JSON.stringify(esm.analyze(NOTES)));
    // The bundled corpus: automatic k, consensus, stability, ml-kmeans' final step.
    const notes = esm.parseBoard(readFileSync(repoPath('corpus/zukunftscamp-2021.txt'), 'utf8'))
      .filter((u: { kind: string }) => u.kind === 'note')
      .map((u: { id: string; text: string }) => ({ id: u.id, text: u.text }));
    expect(JSON.stringify(browser.analyze(notes))).toBe(JSON.stringify(esm.analyze(notes)));
  });

  it('version matches package.json', async () => {
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8'));
    const mod = await import(repoPath('dist/index.js'));
    expect(mod.VERSION).toBe(pkg.version);
  });
});
