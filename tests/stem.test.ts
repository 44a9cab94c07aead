import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThemenfinderError } from '../src/errors';
import { cistem } from '../src/language/german/cistem';
import { snowballGerman } from '../src/language/german/snowball';
import { stemGerman } from '../src/language/german/stem';
import type { GermanStemmer } from '../src/language/types';

// ---------------------------------------------------------------------------
// Data locations
// ---------------------------------------------------------------------------

const FIXTURES = new URL('./fixtures/snowball-german/', import.meta.url);

/** The shared data folder: $THEMENFINDER_SHARED (the `shared` folder or its `data`), else ../shared beside the repo. */
function sharedDataDir(): string {
  const env = process.env.THEMENFINDER_SHARED;
  if (env) return existsSync(`${env}/data`) ? `${env}/data` : env;
  return fileURLToPath(new URL('../../shared/data/', import.meta.url));
}
const GOLD_DIR = `${sharedDataDir()}/cistem-gold`;
const HAVE_GOLD = existsSync(`${GOLD_DIR}/goldstandard2.txt`);

function readLines(path: string | URL): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

// ---------------------------------------------------------------------------
// Pairwise precision / recall / F1 over gold clusters
// ---------------------------------------------------------------------------

interface PairScore {
  precision: number;
  recall: number;
  f1: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/**
 * Pairwise scores without enumerating pairs: true positives are pairs in one
 * cluster with one stem (per cluster, sum of C(n,2) over stems); predicted
 * pairs are pairs with one stem anywhere (sum of C(n,2) over global stem
 * counts); gold pairs are pairs in one cluster.
 */
function pairwiseScore(clusters: readonly string[][], stem: (word: string) => string): PairScore {
  const global = new Map<string, number>();
  let truePairs = 0;
  let goldPairs = 0;
  for (const cluster of clusters) {
    goldPairs += pairs(cluster.length);
    const local = new Map<string, number>();
    for (const word of cluster) {
      const s = stem(word);
      local.set(s, (local.get(s) ?? 0) + 1);
      global.set(s, (global.get(s) ?? 0) + 1);
    }
    for (const n of local.values()) truePairs += pairs(n);
  }
  let predictedPairs = 0;
  for (const n of global.values()) predictedPairs += pairs(n);
  const precision = truePairs / predictedPairs;
  const recall = truePairs / goldPairs;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

describe('pairwiseScore', () => {
  it('matches a brute-force pair count on a small example', () => {
    const clusters = [
      ['Haus', 'Hauses', 'Häuser'],
      ['Hau', 'hauen'],
      ['Maus', 'Mäuse'],
    ];
    const stem = (w: string) => w.toLowerCase().slice(0, 3);
    // Brute force.
    const words = clusters.flatMap((c, ci) => c.map((w) => ({ ci, s: stem(w) })));
    let tp = 0;
    let pred = 0;
    let gold = 0;
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i]!;
        const b = words[j]!;
        if (a.s === b.s) pred++;
        if (a.ci === b.ci) gold++;
        if (a.s === b.s && a.ci === b.ci) tp++;
      }
    }
    const score = pairwiseScore(clusters, stem);
    expect(score.precision).toBeCloseTo(tp / pred, 12);
    expect(score.recall).toBeCloseTo(tp / gold, 12);
  });
});

// ---------------------------------------------------------------------------
// Snowball: the official test vocabulary
// ---------------------------------------------------------------------------

describe('snowballGerman', () => {
  it('reproduces snowball-data german/output.txt for every word of voc.txt', () => {
    const voc = readLines(new URL('voc.txt', FIXTURES));
    const expected = readLines(new URL('output.txt', FIXTURES));
    expect(voc.length).toBe(expected.length);
    const wrong: string[] = [];
    for (let i = 0; i < voc.length; i++) {
      const got = snowballGerman(voc[i]!);
      if (got !== expected[i]) wrong.push(`${voc[i]}: got ${got}, want ${expected[i]}`);
    }
    console.info(`Snowball German: ${voc.length - wrong.length} / ${voc.length} fixture words match`);
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(voc.length).toBe(35_033);
  });

  it.each([
    ['häuser', 'haus'],
    ['mitarbeiterinnen', 'mitarbeit'],
    ['internet', 'internet'],
    ['planet', 'planet'],
    ['schaltete', 'schalt'],
    ['handeln', 'handel'],
    ['kenntnisse', 'kenntnis'],
    ['system', 'system'],
    ['bildungen', 'bildung'],
    ['lieblich', 'lieblich'],
  ])('stems %s to %s', (word, stem) => {
    expect(snowballGerman(word)).toBe(stem);
  });
});

// ---------------------------------------------------------------------------
// CISTEM: hand-checked examples (against the reference Cistem.py)
// ---------------------------------------------------------------------------

describe('cistem', () => {
  it.each([
    ['Arbeit', 'arbeit', 'arbei'],
    ['Zukunft', 'zukunft', 'zukunf'],
    ['Gesellschaften', 'sellschaft', 'sellschaf'],
    ['Häuser', 'hau', 'hau'],
    ['Kindern', 'kind', 'kind'],
    ['Lehrerinnen', 'lehrerinn', 'lehrerinn'],
    ['Schulen', 'schul', 'schul'],
    ['Straße', 'strass', 'strass'],
    ['gegangen', 'gang', 'gang'],
    ['zukünftige', 'zukunftig', 'zukunftig'],
    ['laufend', 'lauf', 'lauf'],
  ])('stems %s to %s (case-sensitive) and %s (case-insensitive)', (word, sensitive, insensitive) => {
    expect(cistem(word)).toBe(sensitive);
    expect(cistem(word, { caseInsensitive: true })).toBe(insensitive);
    expect(cistem(word.toLowerCase())).toBe(insensitive);
  });

  it('keeps $ % & * in the input intact (the reference would corrupt them)', () => {
    expect(cistem('a*b')).toBe('a*b');
    expect(cistem('$%&')).toBe('$%&');
  });

  it('keeps private-use characters intact, also next to the placeholders it writes for sch, ei, ie', () => {
    expect(cistem('\uE000schule\uE001')).toBe('\uE000schule\uE001');
    expect(cistem('zeit\uE003\uE003ung')).toBe('zeit\uE003\uE003ung');
    expect(cistem('schiff\uE002en')).toBe('schiff\uE002');
  });

  it('stems the empty string to itself', () => {
    expect(cistem('')).toBe('');
  });
});

/**
 * Test oracle: a direct, regex-based transliteration of the reference
 * `stem` in Cistem.py (placeholders `$ % & *`, lengths in code points).
 * `cistem` is a single-pass rewrite of it; this checks they agree.
 */
function cistemOracle(word: string, caseInsensitive = false): string {
  if (word.length === 0) return word;
  const upper = /^\p{Uppercase}/u.test(word);
  let w = word.toLowerCase().replace(/ü/g, 'u').replace(/ö/g, 'o').replace(/ä/g, 'a').replace(/ß/g, 'ss');
  w = w.replace(/^ge(.{4,})/u, '$1').replace(/sch/g, '$$').replace(/ei/g, '%').replace(/ie/g, '&');
  w = w.replace(/(.)\1/gu, '$1*');
  const len = (s: string) => [...s].length;
  while (len(w) > 3) {
    if (len(w) > 5 && /(e[mr]|nd)$/.test(w)) {
      w = w.slice(0, -2);
      continue;
    }
    if ((!upper || caseInsensitive) && w.endsWith('t')) {
      w = w.slice(0, -1);
      continue;
    }
    if (/[esn]$/.test(w)) {
      w = w.slice(0, -1);
      continue;
    }
    break;
  }
  return w.replace(/(.)\*/gu, '$1$1').replace(/%/g, 'ei').replace(/&/g, 'ie').replace(/\$/g, 'sch');
}

describe('cistem against the reference algorithm', () => {
  const pieces = ['sch', 'ei', 'ie', 'ge', 'e', 'i', 's', 'c', 'h', 'n', 't', 'm', 'r', 'd', 'a', 'u', 'ü', 'ö', 'ä', 'ß'];
  const morePieces = [...pieces, 'Ä', 'Ü', 'G', 'S', 'T', 'x', 'ss', 'nn', '-', '🙂', '😀😀', 'ǅ', 'İ', '\uE000', '\uE001', '\uE003'];
  const wordLike = fc.array(fc.constantFrom(...morePieces), { maxLength: 10 }).map((a) => a.join(''));

  it('agrees with the regex transliteration on random words (both case modes)', () => {
    fc.assert(
      fc.property(wordLike, (word) => {
        expect(cistem(word)).toBe(cistemOracle(word));
        expect(cistem(word, { caseInsensitive: true })).toBe(cistemOracle(word, true));
      }),
      { numRuns: 5000 },
    );
  });

  it.skipIf(!HAVE_GOLD)('agrees with the regex transliteration on every gold-standard word', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const file of ['goldstandard1.txt', 'goldstandard2.txt']) {
      for (const line of readLines(`${GOLD_DIR}/${file}`)) {
        for (const word of line.split(' ')) {
          if (word === '' || /[$%&*]/.test(word)) continue;
          checked++;
          if (cistem(word) !== cistemOracle(word)) wrong.push(word);
        }
      }
    }
    expect(checked).toBeGreaterThan(600_000);
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// stemGerman
// ---------------------------------------------------------------------------

describe('stemGerman', () => {
  it('uses CISTEM by default and Snowball on request', () => {
    expect(stemGerman('arbeitet')).toBe(cistem('arbeitet'));
    expect(stemGerman('arbeitet', 'snowball')).toBe(snowballGerman('arbeitet'));
  });

  it('stems only the last part of a hyphenated compound', () => {
    expect(stemGerman('schul-projekte')).toBe('schul-projek');
    expect(stemGerman('schul-projekte', 'snowball')).toBe('schul-projekt');
    expect(stemGerman('e-learning')).toBe('e-learning');
    expect(stemGerman('bürger-innen-beteiligungen', 'snowball')).toBe(`bürger-innen-${snowballGerman('beteiligungen')}`);
    expect(snowballGerman('beteiligungen')).toBe('beteil');
  });

  it('drops trailing hyphens of a suspended compound', () => {
    expect(stemGerman('netzwerk-')).toBe(stemGerman('netzwerk'));
    expect(stemGerman('---')).toBe('---');
    expect(stemGerman('')).toBe('');
  });

  it('rejects an unknown stemmer name with BAD_OPTION', () => {
    const call = () => stemGerman('haus', 'porter' as GermanStemmer);
    expect(call).toThrow(ThemenfinderError);
    expect(call).toThrow(/Unknown German stemmer "porter"/);
    try {
      call();
    } catch (error) {
      expect((error as ThemenfinderError).code).toBe('BAD_OPTION');
    }
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const lowerGerman = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüß'),
  maxLength: 24,
});
const plainLower = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), maxLength: 24 });
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', '🙂', '👩‍👩‍👧', 'Ärger🙂innen', '-', 'ge🙂🙂🙂🙂', '\u0000\uD800'),
);

describe('stemmer properties', () => {
  const stemmers: [string, (w: string) => string][] = [
    ['cistem', (w) => cistem(w)],
    ['cistem (case-insensitive)', (w) => cistem(w, { caseInsensitive: true })],
    ['snowball', snowballGerman],
    ['stemGerman cistem', (w) => stemGerman(w)],
    ['stemGerman snowball', (w) => stemGerman(w, 'snowball')],
  ];

  it.each(stemmers)('%s never throws and returns a string on arbitrary text', (_name, stem) => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(typeof stem(text)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it.each(stemmers)('%s is never longer than its input once ß is spelt ss', (_name, stem) => {
    fc.assert(
      fc.property(lowerGerman, (word) => {
        expect(stem(word).length).toBeLessThanOrEqual(word.replaceAll('ß', 'ss').length);
      }),
    );
  });

  it('both stemmers fold umlauts and ß away', () => {
    fc.assert(
      fc.property(lowerGerman, (word) => {
        expect(cistem(word)).not.toMatch(/[äöüß]/);
        expect(snowballGerman(word)).not.toMatch(/[äöüß]/);
      }),
    );
  });

  it('on plain a–z words the stem is a prefix of the word (Snowball: no ae/oe/ue; CISTEM: no leading ge)', () => {
    fc.assert(
      fc.property(plainLower, (word) => {
        if (!/[aou]e/.test(word)) expect(word.startsWith(snowballGerman(word))).toBe(true);
        if (!word.startsWith('ge')) expect(word.startsWith(cistem(word))).toBe(true);
      }),
    );
  });

  it('CISTEM is idempotent on lowercase words that do not start with ge', () => {
    // Not idempotent in general: "gegenangriff" → "genangriff" → "nangriff".
    // Snowball is not idempotent either ("abendkurse" → "abendkurs" → "abendkur").
    fc.assert(
      fc.property(lowerGerman, (word) => {
        fc.pre(!word.startsWith('ge'));
        const once = cistem(word);
        expect(cistem(once)).toBe(once);
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Gold standards (Weissweiler & Fraser 2017)
// ---------------------------------------------------------------------------

describe.skipIf(!HAVE_GOLD)('pairwise F1 on the CISTEM gold standards', () => {
  if (!HAVE_GOLD) {
    console.warn(
      `Skipping gold-standard tests: ${GOLD_DIR}/goldstandard2.txt not found. ` +
        'Put the shared data beside the repo (../shared/data) or set THEMENFINDER_SHARED.',
    );
  }

  const load = (name: string): string[][] =>
    readLines(`${GOLD_DIR}/${name}`)
      .map((line) => line.split(' ').filter((w) => w !== ''))
      .filter((c) => c.length > 0);

  const variants: Record<string, (w: string) => string> = {
    'CISTEM, original case': (w) => cistem(w),
    'CISTEM, lowercased': (w) => cistem(w.toLowerCase()),
    'Snowball, lowercased': (w) => snowballGerman(w.toLowerCase()),
    // For information only: Snowball expects lowercase (U and Y are its internal markers).
    'Snowball, original case': (w) => snowballGerman(w),
  };

  function scoreAll(file: string): Record<string, PairScore> {
    const clusters = load(file);
    const out: Record<string, PairScore> = {};
    for (const [name, stem] of Object.entries(variants)) out[name] = pairwiseScore(clusters, stem);
    const rows = Object.entries(out).map(
      ([name, s]) => `  ${name.padEnd(24)} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} F1=${s.f1.toFixed(3)}`,
    );
    console.info(`${file} (${clusters.length} clusters):\n${rows.join('\n')}`);
    return out;
  }

  it('goldstandard2: CISTEM F1 >= 0.82, Snowball close to the published 0.712', () => {
    const s = scoreAll('goldstandard2.txt');
    expect(s['CISTEM, original case']!.f1).toBeGreaterThanOrEqual(0.82);
    expect(s['CISTEM, lowercased']!.f1).toBeGreaterThanOrEqual(0.82);
    expect(Math.abs(s['CISTEM, original case']!.f1 - 0.834)).toBeLessThan(0.005);
    expect(Math.abs(s['CISTEM, lowercased']!.f1 - 0.827)).toBeLessThan(0.005);
    expect(Math.abs(s['Snowball, lowercased']!.f1 - 0.712)).toBeLessThan(0.01);
    expect(s['CISTEM, original case']!.f1).toBeGreaterThan(s['Snowball, lowercased']!.f1);
  });

  it('goldstandard1: close to the published 0.281 / 0.282 (CISTEM) and 0.234 (Snowball)', () => {
    const s = scoreAll('goldstandard1.txt');
    expect(Math.abs(s['CISTEM, original case']!.f1 - 0.281)).toBeLessThan(0.005);
    expect(Math.abs(s['CISTEM, lowercased']!.f1 - 0.282)).toBeLessThan(0.005);
    expect(Math.abs(s['Snowball, lowercased']!.f1 - 0.234)).toBeLessThan(0.01);
  });
});
