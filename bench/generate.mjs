// Seeded generator of synthetic short notes from real German text.
//
//   node bench/generate.mjs --size 100k [--seed 1] [--out .bench-tmp/notes-100k.jsonl]
//
// A note is a fragment of a real sentence: a run of consecutive words cut
// from a SIB-200 sentence (7 topics), a 10kGNAD article sentence (9 news
// sections) or a few consecutive lines of the bundled whiteboard corpus. The
// fragment length is drawn uniformly from 25..105 characters, so notes are
// about 66 characters long on average, like the reference's 100,000-note set.
// Every note carries the topic label of its source ("sib/geography",
// "gnad/Sport", "camp"), so a clustering can be scored against it (NMI).
//
// Same seed, same sources → byte-identical output, on any machine: the only
// randomness is the 32-bit generator below, and only integer arithmetic picks.
import { existsSync, readFileSync, writeFileSync, mkdirSync, openSync, writeSync, closeSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the output for a given seed changes; cached files carry it in their name. */
export const GENERATOR_VERSION = 1;

/** Share of notes drawn from each source (sums to 1). */
export const SOURCE_WEIGHTS = Object.freeze({ sib: 0.45, gnad: 0.45, camp: 0.1 });

/** Shortest and longest target fragment length in characters (uniform; mean 66). */
export const FRAGMENT_MIN = 25;
export const FRAGMENT_MAX = 105;

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The shared data folder: `$THEMENFINDER_SHARED` (with or without `/data`)
 * or `../shared/data` beside the repository.
 *
 * @example sharedDataDir() // '/work/shared/data'
 */
export function sharedDataDir() {
  const env = process.env.THEMENFINDER_SHARED;
  if (env) return existsSync(`${env}/data`) ? `${env}/data` : env;
  return here('../../shared/data');
}

/**
 * mulberry32: a small, fast, seeded 32-bit generator. Returns a function
 * giving integers in [0, n).
 *
 * @example const int = seededInt(1); int(10) // 0..9, same sequence for seed 1
 */
export function seededInt(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  // Integer in [0, n) from the high bits; n ≤ 2^32.
  return (n) => Math.floor((next() / 4294967296) * n);
}

/**
 * Reads 10kGNAD's `label;'text'` CSV (`;` delimiter, `'` quote char,
 * doubled quotes inside quoted fields, CRLF).
 *
 * @example parseGnad("Sport;'Ein ''Tor''.'\r\n") // [{ label: 'Sport', text: "Ein 'Tor'." }]
 */
export function parseGnad(source) {
  const rows = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const fields = [];
    for (;;) {
      let field = '';
      if (source[i] === "'") {
        i++;
        for (;;) {
          const q = source.indexOf("'", i);
          if (q < 0) throw new Error('10kGNAD: unclosed quote');
          field += source.slice(i, q);
          if (source[q + 1] === "'") {
            field += "'";
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
      } else {
        let j = i;
        while (j < n && source[j] !== ';' && source[j] !== '\n' && source[j] !== '\r') j++;
        field = source.slice(i, j);
        i = j;
      }
      fields.push(field);
      if (source[i] === ';') {
        i++;
        continue;
      }
      break;
    }
    while (source[i] === '\r' || source[i] === '\n') i++;
    if (fields.length === 2) rows.push({ label: fields[0], text: fields[1] });
    else if (fields.length > 1 || fields[0] !== '') throw new Error(`10kGNAD: row with ${fields.length} fields`);
  }
  return rows;
}

/** Splits running text into sentences (end mark, space, capital or opening quote). */
export function splitSentences(text) {
  return text
    .split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ„"»])/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 25);
}

/**
 * Loads the three sources: sentence pools with labels, and the corpus lines.
 *
 * @example const s = loadSources(); s.sib.length // 1004
 */
export function loadSources(dataDir = sharedDataDir(), corpusPath = here('../corpus/zukunftscamp-2021.txt')) {
  const sib = readFileSync(`${dataDir}/sib200-de/all.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .sort((a, b) => a.index_id - b.index_id)
    .map((r) => ({ label: `sib/${r.label}`, words: r.text.split(/\s+/).filter(Boolean) }));
  const gnad = [];
  for (const row of parseGnad(readFileSync(`${dataDir}/10kgnad/test.csv`, 'utf8'))) {
    for (const s of splitSentences(row.text)) gnad.push({ label: `gnad/${row.label}`, words: s.split(/\s+/) });
  }
  const camp = readFileSync(corpusPath, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return { sib, gnad, camp };
}

/** Words from `words`, starting at a random word, until `target` characters. */
function cutWords(words, target, int) {
  let start = int(words.length);
  let end = start;
  let len = -1;
  while (end < words.length && len < target) len += words[end++].length + 1;
  // Ran off the end short of the target: extend to the left.
  while (start > 0 && len < target) len += words[--start].length + 1;
  return words.slice(start, end).join(' ');
}

/** Consecutive corpus lines from a random line on, until `target` characters. */
function cutLines(lines, target, int) {
  let i = int(lines.length);
  let text = '';
  while (i < lines.length && text.length < target) {
    const line = lines[i++];
    text = text === '' ? line : text.endsWith('-') ? text.slice(0, -1) + line : `${text} ${line}`;
  }
  // A long line (a prompt, a title) is cut at the target like a sentence.
  const words = text.split(' ');
  let end = 0;
  let len = -1;
  while (end < words.length && len < target) len += words[end++].length + 1;
  return words.slice(0, end).join(' ');
}

/** Leading/trailing commas, dashes and colons are cut-offs, not content. */
function tidy(text) {
  return text.replace(/^[\s,;:–-]+/u, '').replace(/[\s,;:–-]+$/u, '');
}

/**
 * Generates `size` notes `{ id, text, label }` from the sources with the seed.
 *
 * @example generateNotes(3, 1).map((n) => n.label) // e.g. ['gnad/Sport', 'sib/health', 'camp']
 */
export function generateNotes(size, seed = 1, sources = loadSources()) {
  const int = seededInt(seed);
  const sibCut = Math.round(SOURCE_WEIGHTS.sib * 1e6);
  const gnadCut = sibCut + Math.round(SOURCE_WEIGHTS.gnad * 1e6);
  const notes = new Array(size);
  for (let i = 0; i < size; i++) {
    const target = FRAGMENT_MIN + int(FRAGMENT_MAX - FRAGMENT_MIN + 1);
    const r = int(1e6);
    let text;
    let label;
    if (r < gnadCut) {
      const pool = r < sibCut ? sources.sib : sources.gnad;
      const s = pool[int(pool.length)];
      text = tidy(cutWords(s.words, target, int));
      label = s.label;
    } else {
      text = tidy(cutLines(sources.camp, target, int));
      label = 'camp';
    }
    if (text === '') text = 'leer';
    notes[i] = { id: `n${i + 1}`, text, label };
  }
  return notes;
}

/**
 * The 1,028 whole 10kGNAD test articles as notes `{ id, text, label }`.
 *
 * @example gnadArticles()[0].label // 'Wirtschaft'
 */
export function gnadArticles(dataDir = sharedDataDir()) {
  return parseGnad(readFileSync(`${dataDir}/10kgnad/test.csv`, 'utf8')).map((r, i) => ({
    id: `a${i + 1}`,
    text: r.text,
    label: r.label,
  }));
}

/**
 * Creates a folder; a new `.bench-tmp` (already in .gitignore) gets a `.gitignore` of `*` so the
 * generated files never end up in a commit.
 *
 * @example ensureDir('.bench-tmp')
 */
export function ensureDir(dir) {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true });
  if (dir.endsWith('/.bench-tmp')) writeFileSync(`${dir}/.gitignore`, '*\n');
}

/**
 * Writes notes as JSONL, in chunks (1M notes never sit in one string), via
 * a temporary file so an interrupted run leaves no half file behind.
 *
 * @example writeJsonl('.bench-tmp/x.jsonl', [{ id: 'n1', text: 'a', label: 'b' }])
 */
export function writeJsonl(path, notes) {
  ensureDir(dirname(path));
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    for (let i = 0; i < notes.length; i += 10_000) {
      const chunk = notes.slice(i, i + 10_000).map((n) => JSON.stringify(n));
      writeSync(fd, `${chunk.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Parses `1k`, `10k`, `1m`, `2500` into a number of notes. */
export function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(String(text).trim());
  if (!m) throw new Error(`Bad size "${text}": use a number like 2500, 10k or 1m.`);
  const mult = { '': 1, k: 1e3, m: 1e6 }[m[2].toLowerCase()];
  return Math.round(Number(m[1]) * mult);
}

/** `1000` → `1k`, `1000000` → `1m`. */
export function sizeName(n) {
  if (n >= 1e6 && n % 1e6 === 0) return `${n / 1e6}m`;
  if (n >= 1e3 && n % 1e3 === 0) return `${n / 1e3}k`;
  return String(n);
}

/** Where the cached notes file of a size and seed lives. */
export function notesPath(size, seed = 1, dir = here('../.bench-tmp')) {
  return `${dir}/notes-${sizeName(size)}-s${seed}-v${GENERATOR_VERSION}.jsonl`;
}

/**
 * The notes file for a size and seed, generated on first use.
 *
 * @example ensureNotesFile(1000) // '/…/.bench-tmp/notes-1k-s1-v1.jsonl'
 */
export function ensureNotesFile(size, seed = 1, dir) {
  const path = notesPath(size, seed, dir);
  if (!existsSync(path)) writeJsonl(path, generateNotes(size, seed));
  return path;
}

/** The whole-article 10kGNAD file, written on first use. */
export function ensureGnadFile(dir = here('../.bench-tmp')) {
  const path = `${dir}/gnad-test-whole.jsonl`;
  if (!existsSync(path)) writeJsonl(path, gnadArticles());
  return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const get = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const size = parseSize(get('--size', '1k'));
  const seed = Number(get('--seed', '1'));
  const out = get('--out', notesPath(size, seed));
  const notes = generateNotes(size, seed);
  writeJsonl(out, notes);
  const chars = notes.reduce((s, n) => s + n.text.length, 0) / notes.length;
  const labels = new Set(notes.map((n) => n.label)).size;
  writeFileSync(1, `${out}: ${notes.length} notes, ${chars.toFixed(1)} chars on average, ${labels} labels\n`);
}
