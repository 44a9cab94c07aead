// BENCHMARKS.md from the results of bench/run.mjs (plain data in, Markdown out).

const fmt = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(d));
const secs = (ms, d = 2) => (ms === null || ms === undefined ? 'n/a' : (ms / 1000).toFixed(d));
const int = (x) => (x === null || x === undefined ? 'n/a' : Math.round(x).toLocaleString('en-US'));
const nice = (n) => (n === null || n === undefined ? 'n/a' : n.toLocaleString('en-US'));

/**
 * Least-squares slope of log(y) against log(x): 1 = linear, 2 = quadratic.
 *
 * @example logLogSlope([[1e3, 10], [1e4, 100]]) // 1
 */
export function logLogSlope(points) {
  const ps = points.filter(([x, y]) => x > 0 && y > 0);
  if (ps.length < 2) return null;
  const xs = ps.map(([x]) => Math.log(x));
  const ys = ps.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? null : num / den;
}

function verdict(ok) {
  if (ok === null || ok === undefined) return 'not measured';
  return ok ? '**met**' : '**not met**';
}

function targets(results) {
  const rows = [];
  const find = (pred) => results.cases.find(pred);
  const c100 = find((c) => c.kind === 'synthetic' && c.n === 100_000);
  const tf100 = c100?.themenfinder;
  const ref100 = c100?.reference;
  const ok = (x) => x && !x.error;
  if (ok(tf100) && ok(ref100)) {
    const ratio = tf100.wallMs / ref100.wallMs;
    rows.push([
      '100k notes, k=20: wall time ≤ 0.5 × reference',
      `${secs(tf100.wallMs)} s vs ${secs(ref100.wallMs)} s (CPU ${secs(tf100.cpuMs, 1)} s vs ${secs(ref100.cpuMs, 1)} s)`,
      `${fmt(ratio)} × (CPU ${fmt(tf100.cpuMs / ref100.cpuMs)} ×)`,
      verdict(ratio <= 0.5),
    ]);
    rows.push([
      '100k notes, k=20: NMI ≥ reference',
      `${fmt(tf100.nmi, 3)} vs ${fmt(ref100.nmi, 3)}`,
      `${fmt(tf100.nmi / ref100.nmi)} ×`,
      verdict(tf100.nmi >= ref100.nmi),
    ]);
  } else {
    rows.push(['100k notes, k=20: wall time ≤ 0.5 × reference', tf100?.error ?? ref100?.error ?? 'not run', '', 'not measured']);
  }
  const par100 = c100?.parallel;
  if (ok(par100) && ok(ref100)) {
    const ratio = par100.wallMs / ref100.wallMs;
    rows.push([
      `100k notes, k=20, worker threads (${par100.threads} in all): wall time ≤ 0.5 × reference`,
      `${secs(par100.wallMs)} s vs ${secs(ref100.wallMs)} s (CPU ${secs(par100.cpuMs, 1)} s vs ${secs(ref100.cpuMs, 1)} s)`,
      `${fmt(ratio)} × (CPU ${fmt(par100.cpuMs / ref100.cpuMs)} ×)`,
      verdict(ratio <= 0.5),
    ]);
  }
  if (ok(tf100)) {
    rows.push(['100k notes, k=20: peak memory ≤ 600 MB', `${int(tf100.peakMB)} MB`, `${fmt(tf100.peakMB / 600)} × of limit`, verdict(tf100.peakMB <= 600)]);
  }
  const g = find((c) => c.kind === 'gnad');
  if (ok(g?.themenfinder) && ok(g?.reference)) {
    const ratio = g.themenfinder.wallMs / g.reference.wallMs;
    rows.push([
      '10kGNAD whole articles, k=9: wall time ≤ 0.5 × reference',
      `${secs(g.themenfinder.wallMs)} s vs ${secs(g.reference.wallMs)} s (CPU ${secs(g.themenfinder.cpuMs, 1)} s vs ${secs(g.reference.cpuMs, 1)} s)`,
      `${fmt(ratio)} × (CPU ${fmt(g.themenfinder.cpuMs / g.reference.cpuMs)} ×)`,
      verdict(ratio <= 0.5),
    ]);
  } else if (g) {
    rows.push(['10kGNAD whole articles, k=9: wall time ≤ 0.5 × reference', g.themenfinder?.error ?? g.reference?.error ?? 'reference not run', '', 'not measured']);
  }
  const corpus = results.corpus?.find((c) => Object.keys(c.options ?? {}).length === 0);
  if (corpus && !corpus.error) {
    rows.push(['Bundled corpus (default options), warm: < 150 ms', `${fmt(corpus.medianMs, 1)} ms median`, `${fmt(corpus.medianMs / 150)} × of limit`, verdict(corpus.medianMs < 150)]);
  }
  const c1m = find((c) => c.kind === 'synthetic' && c.n === 1_000_000);
  if (c1m) {
    const tf = c1m.themenfinder;
    if (!ok(tf)) rows.push(['1M notes: completes', tf.error, '', verdict(false)]);
    else {
      rows.push(['1M notes: completes', `${secs(tf.wallMs, 1)} s, ${int(tf.peakMB)} MB`, '', verdict(true)]);
      if (ok(tf100)) {
        const perNote = tf.analyzeMs / 1e6 / (tf100.analyzeMs / 1e5);
        rows.push([
          '1M notes: time per note not rising (≤ 1.1 × the 100k value)',
          `${fmt((tf.analyzeMs * 1000) / 1e6, 1)} µs vs ${fmt((tf100.analyzeMs * 1000) / 1e5, 1)} µs per note`,
          `${fmt(perNote)} ×`,
          verdict(perNote <= 1.1),
        ]);
        const base = smallestPeak(results);
        const growth = (tf.peakMB - base) / 1e6 / ((tf100.peakMB - base) / 1e5);
        rows.push([
          '1M notes: memory grows linearly (MB per note above the 1k baseline ≤ 1.1 × the 100k value)',
          `${int(tf.peakMB)} MB vs ${int(tf100.peakMB)} MB`,
          `${fmt(growth)} ×`,
          verdict(growth <= 1.1),
        ]);
      }
    }
  } else {
    rows.push(['1M notes: completes with linear memory', 'not run this time (`--sizes 1m --merge`)', '', 'not measured']);
  }
  const b = results.bundle;
  if (b && !b.error) {
    rows.push(['Browser bundle (core ESM, no English model), gzip < 80 KB', `${fmt(b.gzipBytes / 1024, 1)} KB`, `${fmt(b.gzipBytes / 1024 / 80)} × of limit`, verdict(b.gzipBytes < 80 * 1024)]);
  } else if (b) rows.push(['Browser bundle gzip < 80 KB', b.error, '', 'not measured']);
  return rows;
}

function smallestPeak(results) {
  const syn = results.cases.filter((c) => c.kind === 'synthetic' && c.themenfinder && !c.themenfinder.error);
  if (syn.length === 0) return 0;
  return syn.reduce((a, b) => (a.n < b.n ? a : b)).themenfinder.peakMB;
}

function table(head, rows) {
  const numeric = (cell) => cell === '' || /^[\d.,\s×%()–-]+(s|ms|MB|KB|µs)?[\d.,\s×%()–-]*$/.test(cell);
  const align = head.map((_, i) => (rows.length > 0 && rows.every((r) => numeric(String(r[i] ?? ''))) ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/**
 * The whole BENCHMARKS.md.
 *
 * @example renderMarkdown(JSON.parse(readFileSync('.bench-tmp/results.json', 'utf8')))
 */
export function renderMarkdown(results) {
  const m = results.machine;
  const out = [];
  const refVersions = results.cases.map((c) => c.reference?.versions).find(Boolean);
  out.push('# Benchmarks');
  out.push('');
  out.push(
    `Written by \`npm run bench\` (\`bench/run.mjs\`); do not edit by hand. Date: ${m.date.slice(0, 16).replace('T', ' ')} UTC. ` +
      `Command: \`${m.command}\`. Commit \`${m.commit}\`${m.dirty ? ' (with uncommitted changes in src/)' : ''}.`,
  );
  for (const o of m.mergedWith ?? []) {
    out.push('');
    out.push(
      `Rows marked "from" an earlier date come from \`${o.command}\` (${String(o.date).slice(0, 16).replace('T', ' ')} UTC, commit \`${o.commit}\`` +
        `${o.loadStart ? `, load average ${o.loadStart.map((x) => x.toFixed(1)).join(' / ')}` : ''}).`,
    );
  }
  out.push('');
  out.push('## Machine');
  out.push('');
  out.push(
    table(
      ['CPU', 'cores', 'memory', 'OS', 'Node', 'reference'],
      [
        [
          m.cpu,
          String(m.cores),
          `${fmt(m.memoryGB, 1)} GB`,
          m.os,
          m.node,
          refVersions
            ? `Python ${refVersions.python}, scikit-learn ${refVersions.sklearn}, NLTK ${refVersions.nltk}, NumPy ${refVersions.numpy}`
            : results.reference?.available === false
              ? `not run: ${results.reference.why}`
              : 'not run',
        ],
      ],
    ),
  );
  out.push('');

  if (m.loadStart) {
    const la = (l) => l.map((x) => x.toFixed(1)).join(' / ');
    out.push(
      `Load average (1 / 5 / 15 min) at the start: ${la(m.loadStart)}${m.loadEnd ? `, at the end: ${la(m.loadEnd)}` : ''}. ` +
        `Above ${m.cores} the machine was shared with other work while measuring: wall times are then inflated for both tools; the ratios and CPU times are the steadier figures.`,
    );
    out.push('');
  }
  out.push('## Targets (issue 6), as ratios');
  out.push('');
  out.push(table(['target', 'measured', 'ratio', 'verdict'], targets(results)));
  out.push('');

  out.push('## Side by side: themenfinder vs scikit-learn reference');
  out.push('');
  out.push(
    'Whole process each (start-up, reading the JSONL file, vectorising, clustering, scoring), the same file in the same run, ' +
      'median wall time of the runs (min–max in brackets). The reference is `sklearn_pipeline.py --runs 1`: one `KMeans(n_init=10)` fit. ' +
      'themenfinder runs `analyze(notes, { k, seed: 42, stability: false })` (stability resampling is an extra the reference does not do); ' +
      '"themenfinder, N threads" runs `analyzeParallel` of `themenfinder/node` with the same options (`--workers N`; the same report, CPU seconds of all threads). ' +
      'NMI/ARI against the generator\'s source labels; notes without a theme count as one more cluster.',
  );
  out.push('');
  const sideRows = [];
  for (const c of results.cases) {
    const tools = [['themenfinder', c.themenfinder]];
    if (c.parallel) tools.push([`themenfinder, ${c.parallel.threads} threads`, c.parallel]);
    if (c.reference) tools.push(['reference', c.reference]);
    for (const [tool, r] of tools) {
      const data = `${c.name}${c.from ? ` (from ${c.from.slice(0, 10)})` : ''}`;
      if (!r || r.error) {
        sideRows.push([data, nice(c.n), String(c.k), tool, r?.error ?? 'not run', '', '', '', '', '', '', '']);
        continue;
      }
      const other = tool.startsWith('themenfinder') ? c.reference : null;
      const ratio = other && !other.error ? `${fmt(r.wallMs / other.wallMs)} ×` : '';
      const range = r.runs > 1 ? ` (${secs(r.wallMinMs)}–${secs(r.wallMaxMs)})` : '';
      sideRows.push([
        data,
        nice(c.n),
        String(c.k),
        tool,
        `${secs(r.wallMs)}${range}`,
        secs(r.cpuMs, 1),
        int(c.n / (r.wallMs / 1000)),
        int(r.peakMB),
        fmt(r.nmi, 3),
        fmt(r.ari, 3),
        fmt(r.largestShare, 2),
        ratio,
      ]);
    }
  }
  out.push(table(['data', 'notes', 'k', 'tool', 'wall s', 'CPU s', 'notes/s', 'peak MB', 'NMI', 'ARI', 'largest cluster', 'wall vs reference'], sideRows));
  out.push('');

  out.push('## Time per stage');
  out.push('');
  const stageRows = [];
  let hook = false;
  for (const c of results.cases) {
    const ours = [['themenfinder', c.themenfinder]];
    if (c.parallel) ours.push([`themenfinder, ${c.parallel.threads} threads`, c.parallel]);
    for (const [tool, tf] of ours) {
      if (!tf || tf.error) continue;
      const parts = [`start-up + import ${fmt(tf.importMs, 0)} ms`, `read JSONL ${fmt(tf.readMs, 0)} ms`, `analyze ${fmt(tf.analyzeMs, 0)} ms`];
      if (tf.stages) {
        hook = true;
        parts.push(...Object.entries(tf.stages).map(([s, ms]) => `${s} ${fmt(ms, 0)} ms`));
      }
      stageRows.push([c.name, tool, parts.join('; ')]);
    }
    const ref = c.reference;
    if (ref && !ref.error) {
      stageRows.push([c.name, 'reference', Object.entries(ref.stages).map(([s, ms]) => `${s} ${fmt(ms, 0)} ms`).join('; ')]);
    }
  }
  if (!hook) {
    out.push(
      'This build of `analyze` has no stage hook, so only start-up, reading and the whole `analyze` call are timed here; ' +
        'the split inside `analyze` comes from the CPU profile in [docs/scaling.md](docs/scaling.md). ' +
        'With an `onStage(name, ms)` option the bench picks the stage times up by itself.',
    );
    out.push('');
  }
  out.push(table(['case', 'tool', 'stages (median run)'], stageRows));
  out.push('');

  out.push('## Scaling (themenfinder, synthetic notes, k=20)');
  out.push('');
  const syn = results.cases.filter((c) => c.kind === 'synthetic' && c.themenfinder && !c.themenfinder.error).sort((a, b) => a.n - b.n);
  const base = smallestPeak(results);
  const scaleRows = syn.map((c) => {
    const r = c.themenfinder;
    const above = c === syn[0] ? '' : fmt(((r.peakMB - base) * 1024 * 1024) / (c.n - syn[0].n), 0);
    return [nice(c.n), secs(r.wallMs), secs(r.analyzeMs), fmt((r.analyzeMs * 1000) / c.n, 1), int(r.peakMB), above, fmt(r.nmi, 3)];
  });
  out.push(table(['notes', 'wall s', 'analyze s', 'µs per note (analyze)', 'peak MB', 'bytes per note above the smallest run', 'NMI'], scaleRows));
  out.push('');
  const sAnalyze = logLogSlope(syn.map((c) => [c.n, c.themenfinder.analyzeMs]));
  const sWall = logLogSlope(syn.map((c) => [c.n, c.themenfinder.wallMs]));
  const big = syn.filter((c) => c.n >= 10_000);
  const sBig = logLogSlope(big.map((c) => [c.n, c.themenfinder.analyzeMs]));
  const sMem = logLogSlope(syn.slice(1).map((c) => [c.n, c.themenfinder.peakMB - base]));
  out.push(
    `Log-log slope of time against notes (1 = linear, 2 = quadratic): analyze ${fmt(sAnalyze)}` +
      (big.length >= 2 && big.length < syn.length ? ` (from 10k on: ${fmt(sBig)})` : '') +
      `, whole process ${fmt(sWall)}; of peak memory above the smallest run: ${fmt(sMem)}. ` +
      `Sizes: ${syn.map((c) => nice(c.n)).join(', ') || 'none'}.`,
  );
  out.push('');

  out.push('## Bundled corpus, warm, in-process');
  out.push('');
  if (results.corpus?.length) {
    out.push(
      'corpus/zukunftscamp-2021.txt through the board parser (the notes the CLI analyses), `analyze` called 3 times to warm up, then 15 times; median, min and max.',
    );
    out.push('');
    out.push(
      table(
        ['options', 'notes', 'k', 'median ms', 'min ms', 'max ms'],
        results.corpus.map((c) =>
          c.error
            ? [`\`${JSON.stringify(c.options)}\``, c.error, '', '', '', '']
            : [`\`${JSON.stringify(c.options)}\``, nice(c.notes), `${c.k}${c.kAuto ? ' (auto)' : ''}`, fmt(c.medianMs, 1), fmt(c.minMs, 1), fmt(c.maxMs, 1)],
        ),
      ),
    );
  } else out.push('Not run.');
  out.push('');

  out.push('## Browser bundle');
  out.push('');
  const b = results.bundle;
  if (b && !b.error) {
    out.push(
      `\`dist/browser/index.js\` (what the \`browser\` export condition of \`themenfinder\` selects) bundled by esbuild ${b.esbuild} for the browser (ESM, minified, dependencies included, code splitting on, ` +
        `\`wink-nlp\` and \`wink-eng-lite-web-model\` left out). Initial load (entry chunk and its static imports, each file gzip -9): ` +
        `**${fmt(b.gzipBytes / 1024, 1)} KB gzip** (${fmt(b.minifiedBytes / 1024, 1)} KB minified). ` +
        `Loaded only on demand (dynamic \`import()\`): ${fmt(b.lazyGzipBytes / 1024, 1)} KB gzip. ` +
        `External imports left: ${b.externalImports.length ? b.externalImports.map((x) => `\`${x}\``).join(', ') : 'none'}.`,
    );
    out.push('');
    const lazy = new Map(b.lazyByPackage ?? []);
    const names = [...new Set([...b.byPackage.map(([p]) => p), ...lazy.keys()])];
    const initial = new Map(b.byPackage);
    out.push(
      table(
        ['package', 'initial, minified KB', 'on demand, minified KB'],
        names.map((p) => [p, initial.has(p) ? fmt(initial.get(p) / 1024, 1) : '', lazy.has(p) ? fmt(lazy.get(p) / 1024, 1) : '']),
      ),
    );
  } else out.push(b ? `Not measured: ${b.error}` : 'Not run.');
  out.push('');

  out.push('## How it is measured');
  out.push('');
  out.push(
    [
      `- Notes: \`bench/generate.mjs\`, seed ${results.generator?.seed ?? 1}: fragments (25–105 characters, about 66 on average) of SIB-200 sentences (45 %, 7 topics), 10kGNAD article sentences (45 %, 9 sections) and lines of the bundled corpus (10 %, one label), 17 labels in all. The same seed gives the same file.`,
      '- Every run is a fresh process; wall time is taken by the parent around the whole process, peak memory is GNU time\'s "Maximum resident set size".',
      '- Runs of the two tools alternate, so a noisy neighbour on a shared VM hits both; the median run is reported.',
      '- 1M notes run with `--max-old-space-size=16384` (the default heap limit would stop a 1M-note run before RAM does).',
      '- Quality: NMI (arithmetic normalisation) and ARI as in scikit-learn, against the source labels. Short fragments carry little topic signal, so absolute values are low for both tools; compare them side by side.',
    ].join('\n'),
  );
  out.push('');
  return out.join('\n');
}
