/**
 * Writes the library's own terms (stems and surfaces per text) of the
 * labelled sets to JSON, for representation experiments outside the library
 * (explore.py, scikit-learn): `npx tsx eval/longtext/dump.mts [out-dir]`.
 */
import { writeFileSync } from 'node:fs';
import { buildStopwords } from '../../src/language/german/stopwords';
import { resolveLanguage } from '../../src/language/resolve';
import { extractTerms } from '../../src/terms';
import { load10kGnad, loadSib200 } from '../data';

const out = process.argv[2] ?? '/tmp/themenfinder-terms';
const language = resolveLanguage('de');
const stopwords = buildStopwords(language.stopwords, { add: [], remove: [] });
const sets = { gnad: load10kGnad(), gnad200: load10kGnad(200), sib: loadSib200() };
(await import('node:fs')).mkdirSync(out, { recursive: true });
for (const [name, docs] of Object.entries(sets)) {
  const rows = docs.map((d) => {
    const t = extractTerms(d.text, { language, stopwords });
    return { label: d.label, stems: t.stems, surfaces: t.surfaces };
  });
  writeFileSync(`${out}/${name}.json`, JSON.stringify(rows));
  console.log(`${out}/${name}.json: ${rows.length} texts`);
}
