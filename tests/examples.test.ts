import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from './helpers/corpus';

describe('examples', () => {
  it('the Node script runs against the built package and writes every format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-example-'));
    const out = execFileSync(process.execPath, [repoPath('examples/node-script.mjs')], { cwd: dir, encoding: 'utf8' });
    expect(out).toMatch(/\d+ notes, \d+ themes/);
    for (const file of ['report.html', 'report.md', 'report.csv', 'report.xlsx', 'report.json']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.schemaVersion).toBe(1);
  });

  it('the Deno notebook is valid nbformat 4 and imports the package', () => {
    const nb = JSON.parse(readFileSync(repoPath('examples/deno-notebook.ipynb'), 'utf8'));
    expect(nb.nbformat).toBe(4);
    expect(nb.metadata.kernelspec.name).toMatch(/deno/);
    const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === 'code').map((c: { source: string[] }) => c.source.join(''));
    expect(code.join('\n')).toContain("from 'npm:themenfinder'");
    expect(code.join('\n')).toContain('displayable(report');
  });
});
