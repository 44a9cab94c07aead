/**
 * NMI, chosen k and largest share with k 'auto' on SIB-200 and 10kGNAD 200 chars, seeds 0-4
 * (`npx tsx eval/reuse-check.ts label nmi`), or CPU times of the corpus with the defaults
 * (`… label time 20`): the measurement of docs/scaling.md, "Consensus from the automatic k's fits".
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../src/analyze';
import { parseBoard } from '../src/import/board';
import { load10kGnad, loadSib200 } from './data';
import { score } from './metrics';

const variants = (process.argv[2] ?? 'current').split(',');
const mode = process.argv[3] ?? 'nmi';
const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
if (mode === 'nmi') {
  const sets = [
    { name: 'SIB-200', data: loadSib200() },
    { name: '10kGNAD 200', data: load10kGnad(200) },
  ];
  for (const s of sets) {
    const texts = s.data.map((d) => d.text);
    const truth = s.data.map((d) => d.label);
    for (const v of variants) {
      const rows = [0, 1, 2, 3, 4].map((seed) => {
        const r = analyze(texts, { k: 'auto', seed, stability: false } as never);
        const pred = r.notes.map((n) => n.themeId ?? 'none');
        return { nmi: score(truth, pred).nmi, k: r.meta.k, largest: Math.max(...r.themes.map((t) => t.share)) };
      });
      console.log(`${s.name} ${v}: NMI ${mean(rows.map((r) => r.nmi)).toFixed(4)} [${rows.map((r) => r.nmi.toFixed(3)).join(' ')}] k ${rows.map((r) => r.k).join('/')} largest ${rows.map((r) => r.largest.toFixed(2)).join('/')}`);
    }
  }
} else {
  const corpus = parseBoard(readFileSync(new URL('../corpus/zukunftscamp-2021.txt', import.meta.url), 'utf8'))
    .filter((u) => u.kind === 'note')
    .map((u) => u.text);
  const times = new Map<string, number[]>(variants.map((v) => [v, []]));
  const rounds = Number(process.argv[4] ?? 20);
  for (let i = 0; i < rounds + 3; i++) {
    for (const v of variants) {
      const c0 = process.cpuUsage();
      const r = analyze(corpus, process.env.TF_STAB === '0' ? { stability: false } : {});
      const c = process.cpuUsage(c0);
      const ms = (c.user + c.system) / 1000;
      if (i >= 3) times.get(v)!.push(ms);
      if (i === 0) console.log(`${v}: n ${corpus.length} k ${r.meta.k} largest ${Math.max(...r.themes.map((t) => t.share)).toFixed(3)} stab ${r.themes.map((t) => (t as { stability?: number }).stability?.toFixed(2)).join(',')}`);
    }
  }
  for (const [v, t] of times) {
    t.sort((a, b) => a - b);
    console.log(`${v}: median ${t[t.length >> 1]!.toFixed(1)} ms CPU (min ${t[0]!.toFixed(1)}, n ${t.length})`);
  }
}
