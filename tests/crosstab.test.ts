import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze';
import { crosstab } from '../src/crosstab';
import { ThemenfinderError } from '../src/errors';
import { renderMarkdown } from '../src/render/markdown';

const NOTES = [
  { text: 'Digitalisierung der Schulen', group: 'A', column: 'Stärken' },
  { text: 'Digitalisierung im Unterricht', group: 'A' },
  { text: 'Digitalisierung der Verwaltung', group: 'B' },
  { text: 'Netzwerke Kooperation', group: 'B' },
  { text: 'Netzwerke ausbauen Kooperation', group: 'C' },
  { text: 'und oder', group: 'C' },
];

describe('crosstab', () => {
  // maxDf 1: with the default 0.5, "Digitalisierung" (3 of 5 notes with content) would be dropped and
  // the three notes would share no term, so which theme note 2 joins would be up to the LSA's rotation.
  const report = analyze(NOTES, { k: 2, maxDf: 1 });

  it('counts every note once per theme and value, with column shares', () => {
    const table = crosstab(report, 'group');
    expect(table.values).toEqual(['A', 'B', 'C']);
    expect(table.totals).toEqual([2, 2, 2]);
    const total = table.rows.reduce((s, r) => s + r.total, 0);
    expect(total).toBe(NOTES.length);
    for (let c = 0; c < table.values.length; c++) {
      expect(table.rows.reduce((s, r) => s + r.counts[c]!, 0)).toBe(table.totals[c]);
      expect(table.rows.reduce((s, r) => s + r.shares[c]!, 0)).toBeCloseTo(1, 5);
    }
    const digital = table.rows.find((r) => /Digitalisierung/.test(r.label))!;
    expect(digital.counts).toEqual([2, 1, 0]);
    const none = table.rows.find((r) => r.themeId === null)!;
    expect(none.counts).toEqual([0, 0, 1]);
  });

  it('counts notes without the field as "(none)"', () => {
    const table = crosstab(report, 'column');
    expect(table.values).toEqual(['Stärken', '(none)']);
    expect(table.totals).toEqual([1, 5]);
  });

  it('names the fields there are when the field is unknown', () => {
    expect(() => crosstab(report, 'gruppe')).toThrow(ThemenfinderError);
    expect(() => crosstab(report, 'gruppe')).toThrow(/Fields present: column, group/);
  });

  it('appears in the Markdown summary', () => {
    const md = renderMarkdown(report, { by: ['group'] });
    expect(md).toContain('## Themes by group');
    expect(md).toMatch(/\| Theme \| A \| B \| C \| All \|/);
  });
});

describe('renderMarkdown', () => {
  it('escapes note text so a note cannot inject markup', () => {
    const md = renderMarkdown(
      analyze(['<script>alert(1)</script> Schule digital', 'Schule | digital **fett**', 'Schule digital [x](javascript:y)'], {
        k: 1,
      }),
    );
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain("\\[x\\](javascript:y)");
    expect(md).not.toMatch(/(?<!\\)\[x(?<!\\)\]\(/);
  });
});
