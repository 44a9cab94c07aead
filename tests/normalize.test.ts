import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWhitespace, joinLines, normalizeText } from '../src/normalize';

describe('joinLines', () => {
  it('joins a word broken before a lowercase continuation', () => {
    expect(joinLines(['Bildungs-', 'monitoring'])).toBe('Bildungsmonitoring');
  });
  it('keeps the hyphen before a capital', () => {
    expect(joinLines(['Online-', 'Angebote'])).toBe('Online-Angebote');
    expect(joinLines(['Übergang Schule-', 'Beruf steht jetzt im'])).toBe('Übergang Schule-Beruf steht jetzt im');
  });
  it('keeps a suspended compound before und/oder/&', () => {
    expect(joinLines(['Netzwerk-', 'und Kooperationspartner'])).toBe('Netzwerk- und Kooperationspartner');
    expect(joinLines(['Schul-', 'oder Jugendamt'])).toBe('Schul- oder Jugendamt');
    expect(joinLines(['Bildungs-', '& Kulturangebote'])).toBe('Bildungs- & Kulturangebote');
  });
  it('joins other lines with one space and skips empty ones', () => {
    expect(joinLines(['Viele tolle neue', '', 'Ideen enstanden'])).toBe('Viele tolle neue Ideen enstanden');
  });
  it('does not treat a lone dash or a number range as a broken word', () => {
    expect(joinLines(['Jeder stirbt für', 'sich allein -', 'ein Drama'])).toBe('Jeder stirbt für sich allein - ein Drama');
    expect(joinLines(['2020-', '2021'])).toBe('2020- 2021');
  });
});

describe('normalizeText', () => {
  it('folds every kind of whitespace and composes to NFC', () => {
    expect(normalizeText('Bildungs-\nmonitoring\u00A0\u00A0stärken')).toBe('Bildungsmonitoring stärken');
    expect(normalizeText('a\u2028b\tc\u202Fd')).toBe('a b c d');
    expect(normalizeText('Schu\u0308ler')).toBe('Schüler');
  });
  it('is idempotent and leaves no double, leading or trailing spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
        expect(once).toBe(foldWhitespace(once));
        expect(once).not.toMatch(/ {2}|^ | $/);
      }),
    );
  });
});
