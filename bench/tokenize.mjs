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
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

// --- the two tokenizers, same output shape: [{ surface, norm }] of words ---

const nlp = winkNLP(model, []); // tokenisation only: the fastest wink setting
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
const tokenizers = { 'regex (themenfinder)': tokenizeGerman, 'wink-nlp': tokenizeWink };

// --- (a) correctness on the tricky list ---

const { cases } = JSON.parse(readFileSync(join(root, 'tests/fixtures/tokenizer-cases.json'), 'utf8'));
const groups = [...new Set(cases.map((c) => c.group))];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const correctness = {};
const failures = {};
for (const [name, tokenize] of Object.entries(tokenizers)) {
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

function timeBest(fn, runs) {
  fn(); // warm-up
  fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const speed = [];
for (const corpus of loadCorpora()) {
  const chars = corpus.texts.reduce((s, t) => s + t.length, 0);
  const row = { corpus: corpus.name, notes: corpus.texts.length, chars, results: {} };
  for (const [name, tokenize] of Object.entries(tokenizers)) {
    let count = 0;
    const ms = timeBest(() => {
      count = 0;
      for (const t of corpus.texts) count += tokenize(t).length;
    }, RUNS);
    row.results[name] = { ms, tokens: count, tokensPerSecond: count / (ms / 1000), charsPerSecond: chars / (ms / 1000) };
  }
  speed.push(row);
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
  const [a, b] = Object.values(row.results);
  lines.push(`| | | | **wink / regex time** | **${(b.ms / a.ms).toFixed(1)}×** | | | |`);
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
