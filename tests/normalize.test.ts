import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCompatibility, foldWhitespace, isPlainCharacter, joinLines, normalizeText } from '../src/normalize';

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
  it('folds the spaces that compatibility folding makes (found by the property below)', () => {
    // U+FC5E (an Arabic ligature) is, under NFKC, a space and two combining marks.
    const once = normalizeText('a \uFC5E');
    expect(once).toBe('a \u064C\u0651');
    expect(normalizeText('\uFC5E')).toBe('\u064C\u0651');
    expect(normalizeText(once)).toBe(once);
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

describe('normalizeText fast path', () => {
  // The full pipeline, as normalizeText ran it before it had a fast path.
  const slow = (text: string) =>
    foldCompatibility(joinLines(text.replace(/\p{Cf}/gu, '').split(/\r\n|[\n\r\u2028\u2029\u000B\u000C\u0085]/u)));
  const plain: string[] = [];
  for (let code = 0; code < 0xd800; code++) if (isPlainCharacter(code)) plain.push(String.fromCharCode(code));

  it('leaves only characters alone that no normalisation step touches', () => {
    expect(plain.length).toBeGreaterThan(500);
    for (const ch of plain) {
      const code = ch.charCodeAt(0);
      expect(/[\s\u0085\p{Cf}\p{Cc}\p{M}]/u.test(ch) && code !== 0x20, ch).toBe(false);
      expect(ch.normalize('NFC'), ch).toBe(ch);
      if (/[\p{L}\p{N}]/u.test(ch)) expect(ch.normalize('NFKC'), ch).toBe(ch);
    }
    // Pairs compose to nothing new (no mark, no Hangul jamo among them).
    for (const a of plain) for (const b of plain.filter((_, i) => i % 7 === 0)) expect(a + b === (a + b).normalize('NFC')).toBe(true);
  });
  it('gives what the full pipeline gives, on plain and other text', () => {
    expect(normalizeText('Schüler – „Bildung“ … 5 € ğ ł')).toBe('Schüler – „Bildung“ … 5 € ğ ł');
    for (const text of [' a', 'a ', 'a  b', 'a\u00A0b', 'ǆ ſ ²', 'a\nb', '']) expect(normalizeText(text)).toBe(slow(text));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...plain, ' ', '  ', '\n', '\u00AD', 'e\u0301', 'ﬁ', '²', '\u200B')), (parts) => {
        const text = parts.join('');
        expect(normalizeText(text)).toBe(slow(text));
      }),
      { numRuns: 2000 },
    );
  });
});
