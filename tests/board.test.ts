import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThemenfinderError } from '../src/errors';
import { type BoardUnit, parseBoard } from '../src/import/board';
import { joinLines } from '../src/normalize';

const root = new URL('../', import.meta.url);
const corpus = readFileSync(new URL('corpus/zukunftscamp-2021.txt', root), 'utf8');
const goldPath = new URL('tests/fixtures/board/gold.txt', root);
const goldenPath = new URL('tests/fixtures/board/corpus.units.jsonl', root);

// ---------------------------------------------------------------- gold fixture

interface GoldUnit {
  kind: 'note' | 'heading';
  start: number;
  end: number;
  group?: string;
  lines: string[];
  range: [number, number];
}

function readGold(): GoldUnit[] {
  const out: GoldUnit[] = [];
  let range: [number, number] = [0, 0];
  let cur: GoldUnit | undefined;
  for (const line of readFileSync(goldPath, 'utf8').split('\n')) {
    if (line.startsWith('#')) {
      const m = /^### range (\d+)-(\d+)$/.exec(line);
      if (m) range = [Number(m[1]), Number(m[2])];
      cur = undefined;
      continue;
    }
    const m = /^== (note|heading) (\d+)-(\d+)(?: \| (.*))?$/.exec(line);
    if (m) {
      cur = { kind: m[1] as 'note' | 'heading', start: Number(m[2]), end: Number(m[3]), lines: [], range };
      if (m[4] !== undefined) cur.group = m[4];
      out.push(cur);
    } else if (line !== '' && cur) cur.lines.push(line);
  }
  return out;
}

/** The "Was ist?" working groups whose group assignment is measured. */
const WAS_IST_GROUPS = /^Gruppe [1-5]: (Daten|Ziele|Prozesse|Kommunizieren|Partnerschaften)/;

interface Scores {
  precision: number;
  recall: number;
  f1: number;
  exact: number;
  kind: number;
  text: number;
  group: number;
}

/** Boundary = a line inside a gold range (not its first line) where a unit starts. */
function score(gold: readonly GoldUnit[], pred: readonly Pick<BoardUnit, 'start' | 'end' | 'kind' | 'text' | 'group'>[]): Scores {
  const at = new Map<number, (typeof pred)[number]>();
  for (const u of pred) for (let n = u.start; n <= u.end; n++) at.set(n, u);
  const inRange = (n: number) => gold.some((g) => n > g.range[0] && n <= g.range[1]);
  const goldStarts = new Set(gold.filter((g) => g.start !== g.range[0]).map((g) => g.start));
  const predStarts = new Set(pred.filter((p) => inRange(p.start)).map((p) => p.start));
  let tp = 0;
  for (const s of predStarts) if (goldStarts.has(s)) tp++;
  const precision = tp / predStarts.size;
  const recall = tp / goldStarts.size;
  let exact = 0;
  let kind = 0;
  let text = 0;
  let notes = 0; // notes segmented exactly right
  let group = 0;
  let groupN = 0;
  for (const g of gold) {
    const p = at.get(g.start);
    if (!p) continue;
    const same = p.start === g.start && p.end === g.end;
    if (same) exact++;
    if (p.kind === g.kind) kind++;
    if (g.kind === 'note') {
      if (same) notes++;
      if (same && p.text === joinLines(g.lines)) text++;
      if (g.group !== undefined && WAS_IST_GROUPS.test(g.group)) {
        groupN++;
        if (p.group === g.group) group++;
      }
    }
  }
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    exact: exact / gold.length,
    kind: kind / gold.length,
    text: text / notes,
    group: groupN === 0 ? 0 : group / groupN,
  };
}

/** The simple line rule the issue compares against: a line that starts uppercase starts a new note. */
function baseline(text: string): Pick<BoardUnit, 'start' | 'end' | 'kind' | 'text' | 'group'>[] {
  const out: { start: number; end: number; lines: string[] }[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/[\s\u00A0\u2028]+/gu, ' ').trim();
    if (line === '') return;
    const last = out[out.length - 1];
    if (last && !/^\p{Lu}/u.test(line)) {
      last.end = i + 1;
      last.lines.push(raw);
    } else out.push({ start: i + 1, end: i + 1, lines: [raw] });
  });
  return out.map((u) => ({ start: u.start, end: u.end, kind: 'note' as const, text: joinLines(u.lines) }));
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

describe('parseBoard against the hand-checked fixture', () => {
  const gold = readGold();
  const units = parseBoard(corpus);
  const ours = score(gold, units);
  const base = score(gold, baseline(corpus));

  it('the fixture quotes the corpus verbatim and covers its ranges without gaps', () => {
    const lines = corpus.split('\n');
    expect(gold.length).toBeGreaterThan(250);
    for (const g of gold) {
      const expected = lines.slice(g.start - 1, g.end).filter((l) => l.trim() !== '' && l.replace(/[\s\u00A0\u2028]/gu, '') !== '');
      expect(g.lines, `gold unit ${g.start}-${g.end}`).toEqual(expected);
    }
    const covered = new Set(gold.flatMap((g) => Array.from({ length: g.end - g.start + 1 }, (_, i) => g.start + i)));
    for (const g of gold)
      for (let n = g.range[0]; n <= g.range[1]; n++) if ((lines[n - 1] ?? '').trim() !== '') expect(covered.has(n), `line ${n}`).toBe(true);
  });

  it('reports the figures next to the line-rule baseline', () => {
    const row = (name: string, s: Scores) =>
      `${name.padEnd(9)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${s.f1.toFixed(3)}  exact ${pct(s.exact)}  kind ${pct(s.kind)}  text ${pct(s.text)}  group ${pct(s.group)}`;
    console.log(`board segmentation on ${gold.length} hand-checked units\n${row('parseBoard', ours)}\n${row('baseline', base)}`);
    expect(ours.f1).toBeGreaterThan(base.f1 + 0.05);
  });

  it('reaches the measured quality (achieved figures minus a small margin)', () => {
    expect(ours.f1).toBeGreaterThanOrEqual(0.9);
    expect(ours.precision).toBeGreaterThanOrEqual(0.88);
    expect(ours.recall).toBeGreaterThanOrEqual(0.91);
    expect(ours.exact).toBeGreaterThanOrEqual(0.77);
    expect(ours.kind).toBeGreaterThanOrEqual(0.97);
    expect(ours.text).toBeGreaterThanOrEqual(0.99);
    expect(ours.group).toBeGreaterThanOrEqual(0.97);
  });
});

// ---------------------------------------------------------------- golden file

describe('parseBoard on the whole corpus', () => {
  const units = parseBoard(corpus);

  it('matches the golden units (regenerate with UPDATE_GOLDEN=1)', () => {
    const jsonl = `${units.map((u) => JSON.stringify(u)).join('\n')}\n`;
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) writeFileSync(goldenPath, jsonl);
    expect(jsonl).toBe(readFileSync(goldenPath, 'utf8'));
  });

  it('puts every non-empty line into exactly one unit, in order, with ids 1..n', () => {
    expectCoverage(corpus, units);
  });

  it('finds the working groups and their furniture', () => {
    const groups = units.filter((u) => u.kind === 'heading' && /^Gruppe \d+:/.test(u.text)).map((u) => u.text);
    expect(groups).toHaveLength(9);
    const handlung = units.find((u) => u.start === 759);
    expect(handlung).toMatchObject({ kind: 'heading', text: 'Handlungsoptionen', end: 761 });
    const firstNote = units.find((u) => u.start === 763);
    expect(firstNote).toMatchObject({ kind: 'note', group: 'Gruppe 1: Daten', section: 'Was ist?' });
  });
});

function expectCoverage(text: string, units: readonly BoardUnit[]): void {
  const lines = text.split(/\r\n|\n|\r/);
  const owner = new Map<number, string>();
  let prevEnd = 0;
  units.forEach((u, i) => {
    expect(u.id).toBe(String(i + 1));
    expect(u.start).toBeGreaterThan(prevEnd);
    expect(u.end).toBeGreaterThanOrEqual(u.start);
    prevEnd = u.end;
    for (let n = u.start; n <= u.end; n++) owner.set(n, u.id);
  });
  lines.forEach((l, i) => {
    const nonEmpty = l.replace(/[\s\u00A0\u2028\u2029\uFEFF]/gu, '') !== '';
    if (nonEmpty) expect(owner.has(i + 1), `line ${i + 1} ${JSON.stringify(l)}`).toBe(true);
  });
  for (const u of units) {
    expect((lines[u.start - 1] ?? '').trim()).not.toBe('');
    expect((lines[u.end - 1] ?? '').trim()).not.toBe('');
  }
}

// ---------------------------------------------------------------- properties

const words = ['Bildung', 'Netzwerk', 'stärken', 'und', 'der', 'Daten', 'digital', 'Kommune', 'für', 'mehr', 'Gruppe 2: Daten', 'Stärken Schwächen', 'Was ist?', 'Handlungs-', 'optionen', 'www.example.de'];
const boardLine = fc.oneof(
  fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' ')),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', ' ', '\u00A0', 'Bildungs-', 'monitoring\u00A0', '\u2028Neu', '(z.B.', 'A', '2023 2026', 'Gruppe 1: X'),
);

describe('parseBoard properties', () => {
  it('never drops or duplicates a non-empty line on board-like text', () => {
    fc.assert(
      fc.property(fc.array(boardLine, { maxLength: 60 }), fc.constantFrom('\n\n', '\n', '\r\n\r\n'), (ls, sep) => {
        const text = ls.join(sep);
        expectCoverage(text, parseBoard(text));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and keeps unit text equal to the joined lines', () => {
    fc.assert(
      fc.property(fc.array(boardLine, { maxLength: 40 }), (ls) => {
        const text = ls.join('\n\n');
        const a = parseBoard(text);
        expect(parseBoard(text)).toEqual(a);
        const lines = text.split('\n');
        for (const u of a) expect(u.text).toBe(joinLines(lines.slice(u.start - 1, u.end)));
      }),
      { numRuns: 200 },
    );
  });

  it('handles a large adversarial board quickly (linear time)', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? 'Gruppe 1: Daten' : i % 3 ? 'und der' : 'Was ist?')).join('\n\n');
    const t = Date.now();
    const units = parseBoard(big);
    expect(Date.now() - t).toBeLessThan(2000);
    expect(units.length).toBeGreaterThan(0);
  });
});

describe('parseBoard basics and errors', () => {
  it('joins a hyphen-broken word and keeps the group', () => {
    const units = parseBoard('Gruppe 1: Daten\n\nBildungs-\n\nmonitoring\n\nstärken\n\nKurze Wege\n');
    expect(units.map((u) => [u.kind, u.text, u.start, u.end, u.group])).toEqual([
      ['heading', 'Gruppe 1: Daten', 1, 1, 'Gruppe 1: Daten'],
      ['note', 'Bildungsmonitoring stärken', 3, 7, 'Gruppe 1: Daten'],
      ['note', 'Kurze Wege', 9, 9, 'Gruppe 1: Daten'],
    ]);
  });

  it('returns no units for empty text', () => {
    expect(parseBoard('')).toEqual([]);
    expect(parseBoard('\n \n\u00A0\n')).toEqual([]);
  });

  it('accepts extra heading patterns', () => {
    const units = parseBoard('Runde 1\n\nKurze Wege\n', { headings: [/^Runde \d+$/g] });
    expect(units[0]?.kind).toBe('heading');
  });

  it('rejects unknown options and bad values with BAD_OPTION', () => {
    expect(() => parseBoard('x', { minNoteChars: 3 } as never)).toThrowError(ThemenfinderError);
    expect(() => parseBoard('x', { headings: ['x'] } as never)).toThrowError(/headings/);
    expect(() => parseBoard(42 as never)).toThrowError(/string/);
  });
});
