import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterClass, GERMAN_ABBREVIATIONS, MAX_TOKEN_LENGTH, tokenizeGerman } from '../src/language/german/tokenize';
import type { Token } from '../src/language/types';
import { normalizeText } from '../src/normalize';
import { corpusText, repoPath, sharedPath } from './helpers/corpus';

interface Case {
  group: string;
  text: string;
  tokens: [string, string][];
}
const { cases } = JSON.parse(readFileSync(repoPath('tests/fixtures/tokenizer-cases.json'), 'utf8')) as {
  cases: Case[];
};

const pairs = (tokens: Token[]) => tokens.map((t) => [t.surface, t.norm]);
const norms = (text: string) => tokenizeGerman(text).map((t) => t.norm);

/** The broken token invariants: surfaces in order in the text, norms lowercase NFC words. */
function problems(text: string, tokens: Token[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const t of tokens) {
    const at = text.indexOf(t.surface, from);
    if (at < 0) out.push(`surface ${JSON.stringify(t.surface)} not in order in ${JSON.stringify(text)}`);
    else from = at + t.surface.length;
    const n = t.norm;
    if (n !== n.normalize('NFC')) out.push(`norm ${JSON.stringify(n)} not NFC`);
    if (n !== n.toLowerCase().normalize('NFC')) out.push(`norm ${JSON.stringify(n)} not lowercase`);
    if (/\s/u.test(n)) out.push(`norm ${JSON.stringify(n)} has whitespace`);
    if (!/\p{L}/u.test(n)) out.push(`norm ${JSON.stringify(n)} has no letter`);
    if (n.length > MAX_TOKEN_LENGTH) out.push(`norm ${JSON.stringify(n)} too long`);
  }
  return out;
}

function expectWellFormed(text: string, tokens: Token[]): void {
  expect(problems(text, tokens)).toEqual([]);
}

describe('tokenizeGerman: the tricky forms (tests/fixtures/tokenizer-cases.json)', () => {
  it.each(cases.map((c) => [c.group, c.text, c.tokens] as const))('%s: %s', (_group, text, expected) => {
    expect(pairs(tokenizeGerman(normalizeText(text)))).toEqual(expected);
  });
});

describe('tokenizeGerman: gender forms', () => {
  it('maps every gender notation to the base word', () => {
    for (const form of [
      'Akteur*innen',
      'Akteur:innen',
      'Akteur_innen',
      'Akteur/innen',
      'Akteur/-innen',
      'Akteur·innen',
      'Akteur(innen)',
      'AkteurInnen',
      'Akteur*Innen',
      'Akteur*in',
      'Akteur:in',
      'AkteurIn',
    ]) {
      expect(tokenizeGerman(form), form).toEqual([{ surface: form, norm: 'akteur' }]);
    }
  });
  it('keeps a lone "innen" (the stopword list drops it) but never a leftover of an attached form', () => {
    expect(norms('Akteur innen')).toEqual(['akteur', 'innen']);
    expect(norms('Sozialwissenschaftler*innen und Bürgermeister:in')).toEqual([
      'sozialwissenschaftler',
      'und',
      'bürgermeister',
    ]);
  });
  it('does not take a colon or slash before an ordinary word for a gender form', () => {
    expect(norms('Thema:Inklusion')).toEqual(['thema', 'inklusion']);
    expect(norms('Stadt/Land')).toEqual(['stadt', 'land']);
    expect(norms('Moderation: intern')).toEqual(['moderation', 'intern']);
  });
  it('keeps camel-case brand names that end in "In"', () => {
    expect(norms('LinkedIn Login')).toEqual(['linkedin', 'login']);
  });
  it('maps generated gender forms to their base (property)', () => {
    const base = fc
      .tuple(
        fc.constantFrom(...'ABDEFGHKLMNPRSTVWZÄÖÜ'),
        fc.array(fc.constantFrom(...'abdefghklmnoprstuvwzäöüß'), { minLength: 2, maxLength: 12 }),
      )
      .map(([first, rest]) => first + rest.join(''));
    const suffix = fc.constantFrom('*innen', ':innen', '_innen', '/innen', '/-innen', 'Innen', '*in', ':in', 'In', '(innen)');
    fc.assert(
      fc.property(base, suffix, (word, s) => {
        expect(tokenizeGerman(`${word}${s}`)).toEqual([{ surface: `${word}${s}`, norm: word.toLowerCase() }]);
      }),
    );
  });
});

describe('tokenizeGerman: abbreviations, compounds, apostrophes', () => {
  it('recognises every listed abbreviation as one token, spaced or compact, in any case', () => {
    for (const { norm } of GERMAN_ABBREVIATIONS) {
      const parts = norm.split('.').filter((p) => p !== '');
      const spaced = `${parts.join('. ')}.`;
      const upper = spaced.charAt(0).toUpperCase() + spaced.slice(1);
      for (const written of new Set([norm, spaced, upper])) {
        expect(tokenizeGerman(`Kita ${written} Schule`), written).toEqual([
          { surface: 'Kita', norm: 'kita' },
          { surface: written, norm },
          { surface: 'Schule', norm: 'schule' },
        ]);
      }
    }
  });
  it('does not find an abbreviation inside a word', () => {
    expect(norms('Leica. Ausbau.')).toEqual(['leica', 'ausbau']);
  });
  it('keeps hyphen compounds whole and joins random compounds (property)', () => {
    const part = fc
      .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ'), {
        minLength: 2,
        maxLength: 8,
      })
      .map((a) => a.join(''))
      // Parts with a Binnen-I (lowercase + "In": SchülerInnen, aInFa) are gender
      // forms and lose it by design: that is tested above.
      .filter((p) => !/\p{Ll}In/u.test(p));
    fc.assert(
      fc.property(fc.array(part, { minLength: 2, maxLength: 4 }), (parts) => {
        const word = parts.join('-');
        expect(tokenizeGerman(word)).toEqual([{ surface: word, norm: word.toLowerCase() }]);
      }),
    );
  });
  it('treats typographic hyphens like "-" and a soft hyphen as nothing', () => {
    expect(norms('E\u2010Learning Bil\u00ADdung')).toEqual(['e-learning', 'bildung']);
  });
  it('drops the clitic "s" of any apostrophe and keeps other apostrophes', () => {
    expect(norms("geht's gibt’s wie´s Ku'damm")).toEqual(['geht', 'gibt', 'wie', "ku'damm"]);
    expect(norms("'Versäulung'")).toEqual(['versäulung']);
  });
});

describe('tokenizeGerman: what is dropped', () => {
  it('drops URLs, e-mail addresses and host names with their surrounding punctuation', () => {
    expect(norms('Infos (www.qundg.de) und info@transferagentur-hessen.de, https://x.org/a-b.')).toEqual([
      'infos',
      'und',
    ]);
    expect(norms('Kontakt: transferagentur-hessen.de/kontakt heute')).toEqual(['kontakt', 'heute']);
  });
  it('splits words glued by a dot that is not a host name', () => {
    expect(norms('Ende.Das Ziel')).toEqual(['ende', 'das', 'ziel']);
  });
  it('drops numbers of every format (property)', () => {
    const number = fc.oneof(
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
      fc.integer({ min: 1900, max: 2100 }).map((y) => `${y}er`),
      fc.integer({ min: 1, max: 31 }).map((d) => `${d}.`),
      fc.double({ min: 0, max: 1000, noNaN: true }).map((d) => d.toFixed(2).replace('.', ',')),
      fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`),
      fc.tuple(fc.nat(99), fc.nat(99)).map(([a, b]) => `${a}-${b}`),
    );
    fc.assert(
      fc.property(fc.array(number, { maxLength: 6 }), (numbers) => {
        expect(tokenizeGerman(numbers.join(' '))).toEqual([]);
      }),
    );
  });
  it('ignores emoji, variation selectors and quotes', () => {
    expect(norms('🚀 Zukunft\uFE0F „gestalten“ 👩‍👩‍👧 »jetzt« 1️⃣')).toEqual(['zukunft', 'gestalten', 'jetzt']);
  });
  it('drops tokens too long to be words', () => {
    expect(tokenizeGerman('x'.repeat(MAX_TOKEN_LENGTH + 1))).toEqual([]);
    expect(tokenizeGerman('x'.repeat(MAX_TOKEN_LENGTH))).toHaveLength(1);
  });
});

describe('tokenizeGerman: invariants', () => {
  it('gives well-formed tokens for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (raw) => {
        const text = normalizeText(raw);
        expectWellFormed(text, tokenizeGerman(text));
      }),
      { numRuns: 500 },
    );
  });
  it('gives well-formed tokens for text built from tricky pieces (property)', () => {
    const piece = fc.constantFrom(
      'Akteur',
      '*innen',
      ':in',
      'In',
      '/',
      '-',
      "'s",
      'z.',
      ' B.',
      'www.',
      '@',
      '.de',
      '2021',
      ' ',
      '„',
      '😀',
      '\uFE0F',
      '(',
      'innen)',
      'ß',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expectWellFormed(text, tokenizeGerman(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('tokenizeGerman: hostile input finishes in linear time', () => {
  const MB = 1_000_000;
  const inputs: [string, string][] = [
    ['a-a-a-…', 'a-'.repeat(MB / 2)],
    ['*****…', '*'.repeat(MB)],
    [':innen:innen…', ':innen'.repeat(MB / 6)],
    ['aaaa…', 'a'.repeat(MB)],
    ['a.a.a.…', 'a.'.repeat(MB / 2)],
    ['z. z. z. …', 'z. '.repeat(MB / 3)],
    ['www.www.…', 'www.'.repeat(MB / 4)],
    ['a@a@a…', 'a@'.repeat(MB / 2)],
  ];
  it.each(inputs)('1 MB of %s in < 2 s', (_name, text) => {
    const t0 = performance.now();
    const tokens = tokenizeGerman(text);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(tokens.every((t) => t.norm.length <= MAX_TOKEN_LENGTH)).toBe(true);
  });
});

describe('tokenizeGerman on real data', () => {
  const lines = corpusText()
    .split(/\r?\n/)
    .map(normalizeText)
    .filter((l) => l !== '');
  const tokens = lines.map((l) => tokenizeGerman(l));
  const all = tokens.flat();

  it('matches the golden token list of the corpus (UPDATE_GOLDEN=1 rewrites it)', () => {
    const golden = repoPath('tests/fixtures/tokenize-corpus.golden.jsonl');
    const actual = `${lines.map((text, i) => JSON.stringify({ text, tokens: pairs(tokens[i] ?? []) })).join('\n')}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
    expect(actual === readFileSync(golden, 'utf8')).toBe(true);
  });
  it('finds every gender form of the corpus and leaves no "innen" behind', () => {
    const raw = corpusText();
    const forms = raw.match(/\p{L}+(?:[*:_/]in(?:nen)?|\p{Ll}Innen)(?![\p{L}])/gu) ?? [];
    expect(forms.length).toBeGreaterThanOrEqual(5);
    const surfaces = all.map((t) => t.surface);
    for (const form of forms) expect(surfaces).toContain(form);
    expect(all.filter((t) => t.norm === 'innen')).toEqual([]);
  });
  it('emits the corpus abbreviations as often as they occur', () => {
    const raw = normalizeText(corpusText());
    const count = (re: RegExp) => (raw.match(re) ?? []).length;
    const emitted = (norm: string) => all.filter((t) => t.norm === norm).length;
    expect(emitted('z.b.')).toBe(count(/\b[zZ]\. ?[bB]\./g));
    expect(emitted('insb.')).toBe(count(/\binsb\./g));
    expect(emitted('etc.')).toBe(count(/\betc\./g));
    expect(emitted('z.b.')).toBeGreaterThan(0);
  });
  it('keeps no URL, e-mail, number or dotted word in the features', () => {
    for (const t of all) {
      expect(t.norm).not.toMatch(/@|^www|https?:|\.de$/);
      expect(t.norm).toMatch(/\p{L}/u);
      if (t.norm.includes('.')) expect(GERMAN_ABBREVIATIONS.map((a) => a.norm)).toContain(t.norm);
    }
  });
  it('gives well-formed tokens on SIB-200 German and splits no plain word differently from \\p{L}+', () => {
    const path = sharedPath('data/sib200-de/all.jsonl');
    if (!existsSync(path)) throw new Error(`Shared data missing: ${path}. Set THEMENFINDER_SHARED.`);
    const texts = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => normalizeText((JSON.parse(l) as { text: string }).text));
    expect(texts.length).toBe(1004);
    const abbreviations = new Set(GERMAN_ABBREVIATIONS.map((a) => a.norm));
    let plain = 0;
    const missed: string[] = [];
    for (const text of texts) {
      const found = tokenizeGerman(text);
      expectWellFormed(text, found);
      // Words made of letters only, between spaces: the tokenizer must keep them as they are.
      const surfaces = new Set(found.map((t) => t.surface));
      for (const w of text.split(' ')) {
        const bare = w.replace(/^[„"»(]+|[“"«).,;:!?]+$/gu, '');
        if (!/^\p{L}+$/u.test(bare) || abbreviations.has(`${bare.toLowerCase()}.`)) continue;
        // One letter and a dot: part of a spaced abbreviation ("z. B.").
        if (bare.length === 1 && w.endsWith('.')) continue;
        plain++;
        if (!surfaces.has(bare)) missed.push(`${bare} in ${text}`);
      }
    }
    expect(missed).toEqual([]);
    expect(plain).toBeGreaterThan(10_000);
  });
});

describe('tokenizeGerman character table (fast paths)', () => {
  it('agrees with the Unicode classes the lexer expression uses', () => {
    for (let code = 0; code < 0x3000; code++) {
      const ch = String.fromCharCode(code);
      const kind = characterClass(code);
      if (kind === 1) expect(/\p{L}/u.test(ch), ch).toBe(true);
      else if (kind === 2) expect(/\p{N}/u.test(ch), ch).toBe(true);
      else if (kind === 3) expect(/[\s\p{L}\p{M}\p{N}*_:/(\u00B7]/u.test(ch), ch).toBe(false);
      else expect(kind).toBe(0);
    }
    expect(characterClass(0x61)).toBe(1);
    expect(characterClass(0xe4)).toBe(1);
    expect(characterClass(0x2c)).toBe(3);
  });
  it('cuts words by the fast path as the lexer expression does', () => {
    const cases: Array<[string, string[]]> = [
      ['usw. und zB. insbes. Dinge', ['usw.', 'und', 'zB.', 'insbes.', 'Dinge']],
      ['Insbesondere. Wwwx.de www.x.de http: https://x', ['Insbesondere', 'http']],
      ['Straße, Łódź; naïve—Schüler’s E‐Learning', ['Straße', 'Łódź', 'naïve', 'Schüler’s', 'E‐Learning']],
      ['ǅemal ǈ x²y', ['ǅemal', 'ǈ', 'x²y']],
    ];
    for (const [text, surfaces] of cases) expect(tokenizeGerman(text).map((t) => t.surface)).toEqual(surfaces);
  });
});
