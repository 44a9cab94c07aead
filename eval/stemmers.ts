/**
 * Which German stemmer gives the better themes? Runs `analyze` with each
 * stemmer on the labelled short sets (k = number of labels, seeds 0-4) and
 * writes the table into docs/stemming.md between its markers.
 *
 *   npm run eval:stemmers
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyze } from '../src/analyze';
import { hasSharedData, type Labelled, load10kGnad, loadSib200 } from './data';
import { nmi } from './metrics';

if (!hasSharedData()) {
  console.error('eval/stemmers: ../shared/data not found (set THEMENFINDER_SHARED); nothing measured.');
  process.exit(1);
}

const sets: Array<[string, Labelled[]]> = [
  ['SIB-200 German, all 1,004 (k=7)', loadSib200()],
  ['10kGNAD test, first 200 chars (k=9)', load10kGnad(200)],
  ['10kGNAD test, whole articles (k=9)', load10kGnad(0)],
];
const seeds = [0, 1, 2, 3, 4];
const stemmers = ['cistem', 'snowball'] as const;

const rows: string[] = [];
for (const [name, data] of sets) {
  const k = new Set(data.map((d) => d.label)).size;
  const cells: string[] = [];
  for (const stemmer of stemmers) {
    const scores = seeds.map((seed) => {
      const report = analyze(
        data.map((d) => d.text),
        { k, seed, stemmer, stability: false },
      );
      const pred = report.notes.map((note) => note.themeId ?? 'none');
      return nmi(
        data.map((d) => d.label),
        pred,
      );
    });
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length);
    cells.push(`${mean.toFixed(3)} ± ${sd.toFixed(3)}`);
    console.error(`${name} ${stemmer}: ${mean.toFixed(3)}`);
  }
  rows.push(`| ${name} | ${cells.join(' | ')} |`);
}

const table = [
  `NMI of \`analyze\` (defaults, \`stability: false\`), mean ± sd over seeds ${seeds.join(', ')}; written by \`npm run eval:stemmers\`.`,
  '',
  '| data | CISTEM | Snowball |',
  '|---|---|---|',
  ...rows,
].join('\n');
const path = new URL('../docs/stemming.md', import.meta.url);
const doc = readFileSync(path, 'utf8');
const start = '<!-- stemmer-choice:start -->';
const end = '<!-- stemmer-choice:end -->';
const block = `${start}\n${table}\n${end}`;
const next = doc.includes(start)
  ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
  : `${doc.trimEnd()}\n\n## Which stemmer gives the better themes\n\n${block}\n`;
writeFileSync(path, next);
console.error('eval/stemmers: docs/stemming.md updated');
