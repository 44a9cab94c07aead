// Throughput of the German stemmers, in words per second.
//
//   npx tsx bench/stem.mjs            (runs the TypeScript sources)
//
// Words: the Snowball German test vocabulary in tests/fixtures (35,033 words,
// lowercase) plus, when the shared data is present, the 627,508 words of the
// two CISTEM gold standards (original case). Each stemmer runs over the whole
// list several times after a warm-up; the best round is reported.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { cistem } from '../src/language/german/cistem.ts';
import { snowballGerman } from '../src/language/german/snowball.ts';
import { stemGerman } from '../src/language/german/stem.ts';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const words = readFileSync(here('../tests/fixtures/snowball-german/voc.txt'), 'utf8').split('\n').filter(Boolean);
const env = process.env.THEMENFINDER_SHARED;
const shared = env ? (existsSync(`${env}/data`) ? `${env}/data` : env) : here('../../shared/data');
for (const file of ['goldstandard1.txt', 'goldstandard2.txt']) {
  const path = `${shared}/cistem-gold/${file}`;
  if (!existsSync(path)) continue;
  for (const w of readFileSync(path, 'utf8').split(/\s+/)) if (w) words.push(w);
}
const lower = words.map((w) => w.toLowerCase());

function bench(name, list, fn, rounds = 5) {
  let sink = 0;
  for (const w of list) sink += fn(w).length; // warm-up
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (const w of list) sink += fn(w).length;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    best = Math.min(best, ms);
  }
  const rate = (list.length / best) * 1000;
  console.log(`${name.padEnd(34)} ${(rate / 1e6).toFixed(2)} M words/s  (${best.toFixed(0)} ms for ${list.length} words)`);
  return sink;
}

console.log(`Node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
bench('cistem (original case)', words, (w) => cistem(w));
bench('cistem (lowercase input)', lower, (w) => cistem(w));
bench('snowballGerman (lowercase input)', lower, snowballGerman);
bench("stemGerman(norm, 'cistem')", lower, (w) => stemGerman(w, 'cistem'));
bench("stemGerman(norm, 'snowball')", lower, (w) => stemGerman(w, 'snowball'));
