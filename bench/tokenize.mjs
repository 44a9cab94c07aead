// Tokenizer benchmark: themenfinder's German regular-expression tokenizer
// against wink-nlp (wink-eng-lite-web-model, the only model there is).
//
//   npx tsx bench/tokenize.mjs
//
// Prints Markdown tables: (a) correctness on the hand-made list of tricky
// German forms in tests/fixtures/tokenizer-cases.json, (b) speed on the
// bundled corpus and on SIB-200 German (best of several runs), (c) hostile
// 1 MB inputs. Shared data is read from $THEMENFINDER_SHARED or ../shared.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { tokenizeGerman } from '../src/language/german/tokenize.ts';
import { normalizeText } from '../src/normalize.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.THEMENFINDER_SHARED ?? resolve(root, '../shared');
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

// --- the two tokenizers, same output shape: [{ surface, norm }] of words ---

const nlp = winkNLP(model, []); // tokenisation only: the fastest wink setting (used for correctness)
const its = nlp.its;
function tokenizeWink(text) {
  const out = [];
  nlp
    .readDoc(text)
    .tokens()
    .each((t) => {
      if (t.out(its.type) === 'word') out.push({ surface: t.out(), norm: t.out(its.normal) });
    });
  return out;
}
// wink's default pipe (sentences, POS, NER, negation, sentiment, …): what `winkNLP(model)` gives.
const nlpFull = winkNLP(model);
function tokenizeWinkFull(text) {
  const out = [];
  nlpFull
    .readDoc(text)
    .tokens()
    .each((t) => {
      if (t.out(its.type) === 'word') out.push({ surface: t.out(), norm: t.out(its.normal) });
    });
  return out;
}
const tokenizers = {
  'regex (themenfinder)': tokenizeGerman,
  'wink-nlp': tokenizeWink,
  'wink-nlp, default pipe': tokenizeWinkFull,
};

// --- (a) correctness on the tricky list ---

const { cases } = JSON.parse(readFileSync(join(root, 'tests/fixtures/tokenizer-cases.json'), 'utf8'));
const groups = [...new Set(cases.map((c) => c.group))];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const correctness = {};
const failures = {};
for (const [name, tokenize] of Object.entries(tokenizers).slice(0, 2)) {
  const score = { surface: 0, norm: 0, byGroup: Object.fromEntries(groups.map((g) => [g, [0, 0]])) };
  failures[name] = [];
  for (const c of cases) {
    const got = tokenize(normalizeText(c.text));
    const okSurface = same(
      got.map((t) => t.surface),
      c.tokens.map((t) => t[0]),
    );
    const okNorm = same(
      got.map((t) => t.norm),
      c.tokens.map((t) => t[1]),
    );
    score.surface += okSurface ? 1 : 0;
    score.norm += okNorm ? 1 : 0;
    const g = score.byGroup[c.group];
    g[0] += okSurface ? 1 : 0;
    g[1] += 1;
    if (!okSurface) failures[name].push(`${c.text} → ${got.map((t) => t.surface).join(' | ') || '(nothing)'}`);
  }
  correctness[name] = score;
}

// --- (b) speed ---

function loadCorpora() {
  const corpora = [];
  const corpusLines = readFileSync(join(root, 'corpus/zukunftscamp-2021.txt'), 'utf8')
    .split(/\r?\n/)
    .map(normalizeText)
    .filter((l) => l !== '');
  corpora.push({ name: 'zukunftscamp-2021.txt (lines)', texts: corpusLines });
  const sib = join(shared, 'data/sib200-de/all.jsonl');
  if (existsSync(sib)) {
    const texts = readFileSync(sib, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => normalizeText(JSON.parse(l).text));
    corpora.push({ name: 'SIB-200 deu_Latn all.jsonl', texts });
  } else {
    console.error(`(SIB-200 not found at ${sib}; set THEMENFINDER_SHARED)`);
  }
  return corpora;
}

// The tokenizers take turns within each run, so a burst of load on a shared
// machine hits all of them; we keep each one's best time and the median of
// the per-run time ratios.
const speed = [];
for (const corpus of loadCorpora()) {
  const chars = corpus.texts.reduce((s, t) => s + t.length, 0);
  const entries = Object.entries(tokenizers);
  const times = entries.map(() => []);
  const counts = entries.map(() => 0);
  const runOnce = (i) => {
    let count = 0;
    const t0 = performance.now();
    for (const t of corpus.texts) count += entries[i][1](t).length;
    const ms = performance.now() - t0;
    counts[i] = count;
    return ms;
  };
  for (let i = 0; i < entries.length; i++) {
    runOnce(i); // warm-up
    runOnce(i);
  }
  for (let r = 0; r < RUNS; r++) for (let i = 0; i < entries.length; i++) times[i].push(runOnce(i));
  const row = { corpus: corpus.name, notes: corpus.texts.length, chars, results: {}, ratios: [] };
  entries.forEach(([name], i) => {
    const ms = Math.min(...times[i]);
    row.results[name] = { ms, tokens: counts[i], tokensPerSecond: counts[i] / (ms / 1000), charsPerSecond: chars / (ms / 1000) };
    if (i > 0) row.ratios.push(median(times[i].map((t, r) => t / times[0][r])));
  });
  speed.push(row);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timeBest(fn, runs) {
  fn(); // warm-up
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

// --- (c) hostile input ---

const MB = 1_000_000;
const hostile = {
  '`a-a-a-…`': 'a-'.repeat(MB / 2),
  '`*****…`': '*'.repeat(MB),
  '`:innen:innen…`': ':innen'.repeat(MB / 6),
  '`aaaa…`': 'a'.repeat(MB),
  '`a.a.a.…`': 'a.'.repeat(MB / 2),
  '`z. z. z. …`': 'z. '.repeat(MB / 3),
};
const hostileRows = Object.entries(hostile).map(([name, text]) => ({
  name,
  ms: timeBest(() => tokenizeGerman(text), 3),
}));

// --- print ---

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const lines = [];
lines.push(`Node ${process.version}, wink-nlp ${readPkg('wink-nlp')} + wink-eng-lite-web-model ${readPkg('wink-eng-lite-web-model')}, best of ${RUNS} runs.`, '');
lines.push(`### Correctness on ${cases.length} tricky German forms`, '');
lines.push(`| tokenizer | tokens cut right | norms right | ${groups.join(' | ')} |`);
lines.push(`|---|---|---|${groups.map(() => '---').join('|')}|`);
for (const [name, s] of Object.entries(correctness)) {
  const byGroup = groups.map((g) => `${s.byGroup[g][0]}/${s.byGroup[g][1]}`).join(' | ');
  lines.push(`| ${name} | ${s.surface}/${cases.length} | ${s.norm}/${cases.length} | ${byGroup} |`);
}
lines.push('', '### Speed', '');
lines.push('| corpus | notes | chars | tokenizer | ms (best) | word tokens | tokens/s | chars/s |');
lines.push('|---|---|---|---|---|---|---|---|');
for (const row of speed) {
  for (const [name, r] of Object.entries(row.results)) {
    lines.push(
      `| ${row.corpus} | ${row.notes} | ${fmt(row.chars)} | ${name} | ${r.ms.toFixed(1)} | ${fmt(r.tokens)} | ${fmt(r.tokensPerSecond)} | ${fmt(r.charsPerSecond)} |`,
    );
  }
  const [b, c] = row.ratios;
  lines.push(
    `| | | | **wink / regex time, median of paired runs** | **${b.toFixed(1)}×** (default pipe ${c.toFixed(1)}×) | | | |`,
  );
}
lines.push('', '### Hostile 1 MB inputs (regex tokenizer, best of 3)', '');
lines.push('| input | ms |', '|---|---|');
for (const r of hostileRows) lines.push(`| ${r.name} | ${r.ms.toFixed(0)} |`);
lines.push('', '### Cases the tokenizers cut wrong', '');
for (const [name, list] of Object.entries(failures)) {
  lines.push(`- ${name}: ${list.length === 0 ? 'none' : ''}`);
  for (const f of list) lines.push(`  - ${f}`);
}
console.log(lines.join('\n'));

function readPkg(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}
