// The benchmark's note generator: deterministic, labelled correctly, the
// right length. No timings here (the benchmark itself is `npm run bench`).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateNotes,
  loadSources,
  parseGnad,
  parseSize,
  seededInt,
  sharedDataDir,
  sizeName,
  splitSentences,
} from '../bench/generate.mjs';

const sources = loadSources();
const sha = (notes: unknown[]) =>
  createHash('sha256')
    .update(notes.map((n) => JSON.stringify(n)).join('\n'))
    .digest('hex');

describe('generateNotes', () => {
  it('gives byte-identical notes for the same seed (golden hash; bump GENERATOR_VERSION when it changes)', () => {
    const a = generateNotes(1000, 1, sources);
    expect(sha(a)).toBe('28ee105aa747e542431a939cdcf19e50d49bc5498f28062deaf4c4be0bc37341');
    expect(generateNotes(1000, 1, sources)).toEqual(a);
  });

  it('a prefix of a larger set is the smaller set (sizes share their first notes)', () => {
    expect(generateNotes(5000, 7, sources).slice(0, 500)).toEqual(generateNotes(500, 7, sources));
  });

  it('different seeds give different notes', () => {
    expect(sha(generateNotes(200, 1, sources))).not.toBe(sha(generateNotes(200, 2, sources)));
  });

  it('notes are about 66 characters on average, non-empty, with unique ids and 17 source labels', () => {
    const notes = generateNotes(20_000, 3, sources);
    const mean = notes.reduce((s, n) => s + n.text.length, 0) / notes.length;
    expect(mean).toBeGreaterThan(62);
    expect(mean).toBeLessThan(70);
    expect(notes.every((n) => n.text.trim().length > 0)).toBe(true);
    expect(new Set(notes.map((n) => n.id)).size).toBe(notes.length);
    const labels = new Set(notes.map((n) => n.label));
    expect(labels.size).toBe(17);
    const sib = [...labels].filter((l) => l.startsWith('sib/'));
    const gnad = [...labels].filter((l) => l.startsWith('gnad/'));
    expect([sib.length, gnad.length, labels.has('camp')]).toEqual([7, 9, true]);
  });

  it('every SIB/10kGNAD note is a word run of a source sentence with the same label', () => {
    const byLabel = new Map<string, string[]>();
    for (const s of [...sources.sib, ...sources.gnad]) {
      const list = byLabel.get(s.label) ?? [];
      list.push(s.words.join(' '));
      byLabel.set(s.label, list);
    }
    const notes = generateNotes(3000, 11, sources).filter((n) => n.label !== 'camp');
    for (const note of notes) {
      const found = byLabel.get(note.label)!.some((sentence) => sentence.includes(note.text));
      if (!found) throw new Error(`note ${note.id} "${note.text}" not in any ${note.label} sentence`);
    }
  });
});

describe('seededInt', () => {
  it('stays in [0, n) and repeats for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 1e6 }), (seed, n) => {
        const a = seededInt(seed);
        const b = seededInt(seed);
        for (let i = 0; i < 20; i++) {
          const x = a(n);
          expect(x).toBe(b(n));
          expect(x >= 0 && x < n && Number.isInteger(x)).toBe(true);
        }
      }),
    );
  });
});

describe('sources', () => {
  it('reads all 1,028 10kGNAD articles with the README per-label counts', () => {
    const rows = parseGnad(readFileSync(`${sharedDataDir()}/10kgnad/test.csv`, 'utf8'));
    expect(rows.length).toBe(1028);
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.label] = (counts[r.label] ?? 0) + 1;
    expect(counts).toEqual({
      Web: 168,
      Panorama: 168,
      International: 151,
      Wirtschaft: 141,
      Sport: 120,
      Inland: 102,
      Etat: 67,
      Wissenschaft: 57,
      Kultur: 54,
    });
  });

  it('parses doubled quote chars and empty lines', () => {
    expect(parseGnad("Sport;'Ein ''Tor''; spät.'\r\n\r\nWeb;ohne Quotes\r\n")).toEqual([
      { label: 'Sport', text: "Ein 'Tor'; spät." },
      { label: 'Web', text: 'ohne Quotes' },
    ]);
  });

  it('splits sentences at end marks before a capital, keeping abbreviations like "z.B. der" together', () => {
    expect(splitSentences('Das ist der erste Satz hier. Und hier kommt der zweite Satz! z.B. der dritte bleibt dran.')).toEqual([
      'Das ist der erste Satz hier.',
      'Und hier kommt der zweite Satz! z.B. der dritte bleibt dran.',
    ]);
  });

  it('loads 1,004 SIB-200 sentences and the corpus lines', () => {
    expect(sources.sib.length).toBe(1004);
    expect(sources.camp.length).toBeGreaterThan(1000);
  });
});

describe('sizes', () => {
  it('parses and names sizes', () => {
    expect([parseSize('1k'), parseSize('10K'), parseSize('1m'), parseSize('2500'), parseSize('0.5k')]).toEqual([
      1000, 10_000, 1_000_000, 2500, 500,
    ]);
    expect([sizeName(1000), sizeName(1_000_000), sizeName(2500)]).toEqual(['1k', '1m', '2500']);
    expect(() => parseSize('ten')).toThrow(/Bad size/);
  });
});
