// Report hashes of a build, to check that a change leaves the reports byte-identical.
//
//   node bench/report-hash.mjs --lib-dir dist --input .bench-tmp/notes-100k-s1-v1.jsonl --k 20 --seeds 42,1,2
//
// Runs analyze(notes, { k, seed }) in this process for each seed and prints
// the seed, the first 16 hex digits of sha256(JSON.stringify(report)), the
// NMI against the file's labels and the analyze time (for orientation only).
// Compare two builds by running it on a copy of the old `dist/` and the new one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { nmi } from './metrics.mjs';

const args = process.argv.slice(2);
const get = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const dir = get('--lib-dir', 'dist');
const file = get('--input');
const k = get('--k', '20') === 'auto' ? 'auto' : Number(get('--k', '20'));
const seeds = get('--seeds', '42').split(',').map(Number);
if (!file) throw new Error('--input notes.jsonl is required');
const api = await import(pathToFileURL(`${dir}/index.js`).href);
const rows = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
for (const seed of seeds) {
  const start = performance.now();
  const report = api.analyze(
    rows.map((r) => ({ id: r.id, text: r.text })),
    { k, seed },
  );
  const ms = performance.now() - start;
  const themeOf = new Map(report.notes.map((n) => [n.id, n.themeId ?? '-']));
  const score = nmi(
    rows.map((r) => r.label),
    rows.map((r) => String(themeOf.get(r.id))),
  );
  const hash = createHash('sha256').update(JSON.stringify(report)).digest('hex').slice(0, 16);
  console.log(`seed ${seed}  ${hash}  NMI ${score.toFixed(4)}  ${Math.round(ms)} ms`);
}
