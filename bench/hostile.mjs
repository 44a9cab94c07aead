// Hostile-input benchmark: how long adversarial inputs take through the
// board parser, the CSV parser, the tokenizer and the whole `analyze`.
//
//   npx tsx bench/hostile.mjs            (BENCH_RUNS=3 by default; best run is shown)
//
// Prints Markdown tables for docs/errors.md. Every input is about 1 MB; the
// second table scales the number of notes. A time that grows faster than the
// input (quadratic backtracking, repeated string copies) shows up here first.
import { analyze } from '../src/analyze.ts';
import { parseBoard } from '../src/import/board.ts';
import { parseCsv } from '../src/import/csv.ts';
import { tokenizeGerman } from '../src/language/german/tokenize.ts';
import { normalizeText } from '../src/normalize.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MB = 1_000_000;

/** Best wall time of `RUNS` runs, in milliseconds. */
function time(fn) {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const fmt = (ms) => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US'));

/** About 1 MB of `piece` repeated. */
const mb = (piece) => piece.repeat(Math.ceil(MB / piece.length));

const INPUTS = [
  ['`a-a-a-…`', mb('a-')],
  ['`*****…`', mb('*')],
  ['`:innen:innen…`', mb(':innen')],
  ['`a.a.a.…`', mb('a.')],
  ['`""""…` (nested quotes)', mb('"')],
  ['`a@a@a…`', mb('a@')],
  ['`www.www.…`', mb('www.')],
  ['`z. z. z. …`', mb('z. ')],
  ['lines of `a-`', mb('a-\n')],
  ['lines of `-`', mb('-\n')],
  ['blank lines', mb('\n')],
  ['lines of `Gruppe 1:`', mb('Gruppe 1:\n')],
  ['`Schule digital …` (words)', mb('Schule digital ')],
  ['combining marks `a\\u0308…`', mb('a\u0308')],
  ['full-width `ＳＣＨＵＬＥ…`', mb('ＳＣＨＵＬＥ ')],
  ['zero-width spaces `a\\u200B…`', mb('a\u200B')],
];

console.log(`Node ${process.version}, best of ${RUNS} run(s), times in ms.\n`);
console.log('| input (≈1 MB) | parseBoard | parseCsv | normalize + tokenize | analyze, one note (maxNoteLength 1 MB) |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, text] of INPUTS) {
  const board = time(() => parseBoard(text));
  const csv = time(() => parseCsv(text));
  const tokens = time(() => tokenizeGerman(normalizeText(text)));
  const whole = time(() => analyze([text], { maxNoteLength: text.length }));
  console.log(`| ${name} | ${fmt(board)} | ${fmt(csv)} | ${fmt(tokens)} | ${fmt(whole)} |`);
}

const SCALE = [
  ['one note of 1 MB (cut to 10,000 characters)', () => analyze([mb('Schule digital ')])],
  ['5,000 identical notes', () => analyze(Array.from({ length: 5_000 }, () => 'Digitalisierung der Schulen'))],
  ['10,000 one-word notes', () => analyze(Array.from({ length: 10_000 }, (_, i) => `Wort${i % 977}x`))],
  ['50,000 one-word notes', () => analyze(Array.from({ length: 50_000 }, (_, i) => `Wort${i % 977}x`))],
  ['50,000 one-word notes, `stability: false`', () => analyze(Array.from({ length: 50_000 }, (_, i) => `Wort${i % 977}x`), { stability: false })],
  ['50,000 empty notes', () => analyze(Array.from({ length: 50_000 }, () => ''))],
];
console.log('\n| whole `analyze` | ms |');
console.log('|---|---:|');
for (const [name, fn] of SCALE) console.log(`| ${name} | ${fmt(time(fn))} |`);
