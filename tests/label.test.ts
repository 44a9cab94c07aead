import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze';
import { pickLabel } from '../src/describe/themes';

const kw = (...terms: string[]) => terms.map((term) => ({ term }));

describe('theme labels', () => {
  it('prefer a noun among the top three keywords', () => {
    expect(pickLabel(kw('Digitale', 'Digitalisierung', 'Schule'))).toBe('Digitalisierung');
    expect(pickLabel(kw('verschiedenen', 'Lernen', 'außerschulischen'))).toBe('Lernen');
    expect(pickLabel(kw('Technische', 'Gesamtstrategie'))).toBe('Gesamtstrategie');
    expect(pickLabel(kw('fehlt', 'Überblick'))).toBe('Überblick');
    expect(pickLabel(kw('Soziale', 'Teilhabe'))).toBe('Teilhabe');
  });

  it('keep nouns, nominalised adjectives and the top keyword when nothing reads like a noun', () => {
    expect(pickLabel(kw('Bildungsgerechtigkeit', 'Daten'))).toBe('Bildungsgerechtigkeit');
    expect(pickLabel(kw('Jugendliche', 'erreichen', 'Kinder'))).toBe('Jugendliche');
    expect(pickLabel(kw('Vernetzung', 'Kooperation'))).toBe('Vernetzung');
    expect(pickLabel(kw('digital', 'vernetzt'))).toBe('digital');
    expect(pickLabel(kw('Digitale', 'neue', 'schnelle', 'Schule'))).toBe('Digitale');
    expect(pickLabel([])).toBe('(no keywords)');
  });

  it('label themes of a report with one of their keywords, uniquely', () => {
    const report = analyze(
      [
        'Digitale Angebote und Digitalisierung',
        'Digitale Medien, Digitalisierung der Schulen',
        'Digitalisierung und digitale Endgeräte',
        'Netzwerke stärken',
        'Netzwerke und Kooperation',
        'Kooperation der Netzwerke',
      ],
      { k: 2 },
    );
    const labels = report.themes.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const theme of report.themes) expect(theme.keywords.slice(0, 3).map((k) => k.term)).toContain(theme.label);
  });
});
