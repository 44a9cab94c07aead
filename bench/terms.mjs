// The "terms" stage of analyze (normalise → tokenise → stopwords → stem, one
// stem cache per run), old code against new code in the same process.
//
//   npx tsx bench/terms.mjs                    # speed: HEAD's src/ against the working tree
//   npx tsx bench/terms.mjs --base 4b6ce96     # against another commit
//   npx tsx bench/terms.mjs --check            # outputs identical? (all texts, both stemmers, fuzz)
//   npx tsx bench/terms.mjs --only new --profile-runs 20   # run one side only (for --cpu-prof)
//
// The old code is `git archive <base> src` unpacked into .bench-tmp/, so no
// old copy lives in src/. Texts: the 1,028 whole 10kGNAD test articles, the
// 1,004 SIB-200 sentences, the 1,675 non-empty corpus lines, and the seeded
// 100k synthetic notes of bench/generate.mjs. Both sides take turns in each
// run; the table gives CPU time (steadier than wall time on a shared
// machine): the first run, and the best and the median of --runs runs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureNotesFile, gnadArticles, sharedDataDir } from './generate.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const get = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(get('--runs', '7'));
const base = get('--base', 'HEAD');
const only = get('--only');

/** Unpacks src/ of a commit into .bench-tmp/terms-base-<hash>/ and returns that folder. */
function baseTree(rev) {
  const hash = execFileSync('git', ['rev-parse', '--short', rev], { cwd: root, encoding: 'utf8' }).trim();
  const dir = join(root, '.bench-tmp', `terms-base-${hash}`);
  if (!existsSync(join(dir, 'src/terms.ts'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${hash} src | tar -x -C '${dir}'`], { cwd: root });
  }
  return { hash, dir };
}

async function loadSide(dir) {
  const terms = await import(pathToFileURL(join(dir, 'src/terms.ts')).href);
  const german = await import(pathToFileURL(join(dir, 'src/language/german/index.ts')).href);
  return { extractTerms: terms.extractTerms, german: german.german, buildStopwords: german.buildStopwords };
}

/** What analyze does in its "terms" stage. */
function termsStage(side, texts, stemmer) {
  const stopwords = side.buildStopwords(side.german.stopwords, {});
  const cache = new Map();
  const language = side.german;
  return texts.map((text) => side.extractTerms(text, { language, stopwords, stemmer, cache }));
}

function loadCorpora() {
  const data = sharedDataDir();
  const jsonl = (path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l).text);
  return [
    { name: '10kGNAD whole articles', texts: gnadArticles(data).map((a) => a.text) },
    { name: 'SIB-200 all', texts: jsonl(`${data}/sib200-de/all.jsonl`) },
    { name: 'corpus lines', texts: corpusLines() },
    { name: 'synthetic 100k', texts: jsonl(ensureNotesFile(100_000, 1)) },
  ];
}

function corpusLines() {
  const text = readFileSync(join(root, 'corpus/zukunftscamp-2021.txt'), 'utf8');
  return text.split(/\r?\n/).filter((l) => l.trim() !== '');
}

/** CPU time of this process in ms (user + system): steadier than wall time on a shared machine. */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A hash of every note's stems and surfaces. */
function digest(results) {
  const h = createHash('sha256');
  for (const r of results) h.update(`${r.stems.join('\u0001')}\u0002${r.surfaces.join('\u0001')}\n`);
  return h.digest('hex').slice(0, 16);
}

/** Seeded random strings over the characters the tokenizer and normaliser treat specially. */
function fuzzTexts(count, seed) {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pieces = [
    ...'abcdeghilmnorstuzäöüßÄÖÜABEIST0123456789 ',
    ...'  -‐‑\'’ʼ´`‘\u00AD*_:/()·.@,;!?„“"»«–—…#&%+=\n\r\t\u00A0\u2028\u200B\uFEFF\u202F',
    'Akteur*innen', 'SchülerInnen', 'LinkedIn', 'z. B.', 'z.B', 'usw.', 'www.x.de', 'https://a.b/c', 'info@x.de',
    'x.de', 'geht\'s', 'E-Learning', 'Bildungs-\nmonitoring', 'Netzwerk- und', 'jede/r', 'Lehrer(innen)', '1990er',
    '2-5', 'ＳＣＨＵＬＥ', 'ﬁ', 'e\u0301', '😀', '👍🏽', '1️⃣', 'ge', 'sch', 'ei', 'ie', 'In', 'innen', 'tick', 'et',
    'erinnen', 'lns', 'ung', 'keit', 'lich', 'Straße', 'quelle', 'Bauer', 'Ｂｅｉ', 'Ⅷ', '𝐀𝐁', 'İ', 'ẞ', 'Σ', 'ǅ',
    'ğ', 'Łódź', 'ſ', 'ĳ', 'ʼ', 'Ș', '²', 'µ', 'ª', '×', 'insbes.', 'Dr.', 'http:', 'www', '  ', 'ǈ', 'Ɀ', 'ȿ',
  ];
  const out = [];
  for (let i = 0; i < count; i++) {
    const len = 1 + Math.floor(rand() * 40);
    let t = '';
    for (let j = 0; j < len; j++) t += pieces[Math.floor(rand() * pieces.length)];
    out.push(t);
  }
  return out;
}

const { hash, dir } = baseTree(base);
const sides = { old: await loadSide(dir), new: await loadSide(root) };
const corpora = loadCorpora();

if (args.includes('--check')) {
  let bad = 0;
  const sets = [...corpora, { name: 'fuzz 200k', texts: fuzzTexts(200_000, 7) }];
  for (const stemmer of ['cistem', 'snowball']) {
    for (const { name, texts } of sets) {
      const a = termsStage(sides.old, texts, stemmer);
      const b = termsStage(sides.new, texts, stemmer);
      let diff = -1;
      for (let i = 0; i < texts.length && diff < 0; i++) {
        if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) diff = i;
      }
      // The pieces too, without the shared cache: tokenizer and normaliser outputs.
      let tdiff = -1;
      for (let i = 0; i < texts.length && tdiff < 0 && stemmer === 'cistem'; i++) {
        const ta = JSON.stringify(sides.old.german.tokenize(texts[i]));
        const tb = JSON.stringify(sides.new.german.tokenize(texts[i]));
        if (ta !== tb) tdiff = i;
      }
      const ok = diff < 0 && tdiff < 0;
      if (!ok) bad++;
      console.log(
        `${ok ? 'same' : 'DIFFERENT'}  ${stemmer.padEnd(8)} ${name.padEnd(24)} ${digest(b)}` +
          (diff >= 0 ? `  first difference in note ${diff}: ${JSON.stringify(texts[diff]).slice(0, 200)}` : '') +
          (tdiff >= 0 ? `  tokenizer differs on ${JSON.stringify(texts[tdiff]).slice(0, 200)}` : ''),
      );
    }
  }
  process.exit(bad === 0 ? 0 : 1);
}

const profileRuns = Number(get('--profile-runs', '0'));
if (only) {
  const side = sides[only];
  for (let r = 0; r < Math.max(profileRuns, 1); r++) for (const c of corpora) termsStage(side, c.texts, 'cistem');
  process.exit(0);
}

console.log(`terms stage, base ${hash} (old) vs working tree (new), cistem, CPU ms of the process (user + system; includes GC), first run and best / median of ${RUNS} runs\n`);
console.log('| texts | notes | chars | old first | old best | old median | new first | new best | new median | speed-up (median) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { name, texts } of corpora) {
  const chars = texts.reduce((s, t) => s + t.length, 0);
  const times = { old: [], new: [] };
  const first = {};
  for (const k of ['old', 'new']) {
    const t0 = cpuMs();
    termsStage(sides[k], texts, 'cistem'); // warm-up; the first run is what one analyze call pays
    first[k] = cpuMs() - t0;
  }
  for (let r = 0; r < RUNS; r++) {
    for (const k of r % 2 ? ['new', 'old'] : ['old', 'new']) {
      const t0 = cpuMs();
      termsStage(sides[k], texts, 'cistem');
      times[k].push(cpuMs() - t0);
    }
  }
  const f = (x) => x.toFixed(1);
  const [ob, om, nb, nm] = [Math.min(...times.old), median(times.old), Math.min(...times.new), median(times.new)];
  console.log(`| ${name} | ${texts.length} | ${chars} | ${f(first.old)} | ${f(ob)} | ${f(om)} | ${f(first.new)} | ${f(nb)} | ${f(nm)} | ${(om / nm).toFixed(2)}× |`);
}
