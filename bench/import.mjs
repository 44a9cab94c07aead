// Reading a large CSV whole versus streaming it (docs/import.md).
//
//   npm run build && node bench/import.mjs [--rows 1000000]
//
// Writes a seeded semicolon CSV of short German notes with quoted fields to
// .bench-tmp/, then reads it in a fresh process each way and prints wall time
// and peak memory (process.resourceUsage().maxRSS) as a Markdown table.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const rows = Number(argv[argv.indexOf('--rows') + 1] || 1_000_000) || 1_000_000;
const dir = `${root}.bench-tmp`;
const file = `${dir}/import-${rows}.csv`;

if (process.argv[2] === '--child') {
  const [, , , mode, path] = process.argv;
  const lib = await import(`${root}dist/node.js`);
  const started = performance.now();
  let count = 0;
  if (mode === 'read') count = (await lib.readNotesFile(path)).notes.length;
  else for await (const _note of lib.streamNotes(path)) count++;
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ count, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

if (!existsSync(`${root}dist/node.js`)) throw new Error('Run "npm run build" first.');
if (!existsSync(file)) {
  mkdirSync(dir, { recursive: true });
  const words = ['Digitalisierung', 'Schulen', 'Netzwerke', 'Kooperation', 'Daten', 'Bildungsmonitoring', 'Eltern', 'Übergang', 'Beruf', 'Förderung', 'Jugendliche', 'Verwaltung'];
  let state = 42;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const lines = ['id;Gruppe;Text'];
  for (let i = 1; i <= rows; i++) {
    const n = 4 + Math.floor(next() * 6);
    const text = Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(' ');
    lines.push(`${i};Gruppe ${1 + (i % 5)};"${next() < 0.2 ? `${text}; ""zitiert""` : text}"`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const run = (mode) => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 }));
const table = ['| way | notes | time | peak RSS |', '|---|---:|---:|---:|'];
for (const [label, mode] of [['`readNotesFile`', 'read'], ['`streamNotes` (counting notes)', 'stream']]) {
  const best = [run(mode), run(mode)].sort((a, b) => a.ms - b.ms)[0];
  table.push(`| ${label} | ${best.count.toLocaleString('en')} | ${(best.ms / 1000).toFixed(1)} s | ${Math.round(best.maxRssMB)} MB |`);
}
// parseCsv alone, in this process, on the first 200,000 rows.
const { readFileSync } = await import('node:fs');
const { parseCsv } = await import(`${root}dist/index.js`);
const head = readFileSync(file, 'utf8').split('\n').slice(0, 200_001).join('\n');
let bestMs = Number.POSITIVE_INFINITY;
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  parseCsv(head);
  bestMs = Math.min(bestMs, performance.now() - t);
}
const mb = Buffer.byteLength(head) / 2 ** 20;
table.push(`| \`parseCsv\` alone, 200,000 rows (${mb.toFixed(1)} MB, in-process) | 200,000 | ${(bestMs / 1000).toFixed(2)} s (${(mb / (bestMs / 1000)).toFixed(0)} MB/s) | – |`);
console.log(`${rows.toLocaleString('en')}-row semicolon CSV (${file.replace(root, '')}), best of 2, Node ${process.version}\n`);
console.log(table.join('\n'));
