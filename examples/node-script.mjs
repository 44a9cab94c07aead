// Analyse the bundled corpus and write every report format.
// From a checkout: npm run build && node examples/node-script.mjs
// In your project: npm install themenfinder, then import from 'themenfinder'.
import { readFile, writeFile } from 'node:fs/promises';
import { analyze, parseBoard, renderCsv, renderHtml, renderMarkdown, renderXlsx, toRows } from 'themenfinder';

const board = await readFile(new URL('../corpus/zukunftscamp-2021.txt', import.meta.url), 'utf8');
const notes = parseBoard(board)
  .filter((unit) => unit.kind === 'note')
  .map(({ kind, start, end, ...note }) => note); // text, id and metadata (section, group, column)

const report = analyze(notes, { seed: 42 });

await writeFile('report.html', renderHtml(report, { title: 'Zukunftscamp 2021', by: 'group' }));
await writeFile('report.md', renderMarkdown(report));
await writeFile('report.csv', renderCsv(report, { delimiter: ';' })); // Excel, German settings
await writeFile('report.xlsx', await renderXlsx(report));
await writeFile('report.json', JSON.stringify(report, null, 2));

const { notes: rows, keywords } = toRows(report);
console.log(`${report.meta.notes} notes, ${report.themes.length} themes -> report.html, .md, .csv, .xlsx, .json`);
console.table(keywords.filter((row) => row.rank <= 3).slice(0, 9));
console.log(rows[0]);
