// The benchmark: themenfinder side by side with the scikit-learn reference.
//
//   npm run bench                                   (= build, then this script)
//   node bench/run.mjs --sizes 1k,10k,100k --no-reference
//   node bench/run.mjs --sizes 1m --merge            (add 1M to the last results)
//
// Flags
//   --sizes 1k,10k,100k     synthetic note sets to run (1k, 10k, 100k, 1m, any number)
//   --reference-sizes …     sizes the reference also runs (default: the sizes up to 100k)
//   --no-reference          skip the scikit-learn reference
//   --no-gnad               skip 10kGNAD whole articles (k=9)
//   --no-corpus             skip the bundled corpus (warm, in-process)
//   --no-bundle             skip the browser bundle size
//   --repeat N              runs per case, median reported (default 3; 1 from 1M notes)
//   --timeout S             seconds per run before it is killed (default 600)
//   --max-rss-mb M          kill a run whose processes hold more memory (default 60 % of RAM, at most 16 GB)
//   --workers N             also run analyzeParallel (themenfinder/node) with N threads in all on the
//                           synthetic sets, alternating with the sequential runs (a row "themenfinder, N threads")
//   --k K                   themes for the synthetic sets (default 20)
//   --seed S                generator seed (default 1)
//   --merge                 keep cases of the last results that this run did not redo
//   --from FILE             only rewrite BENCHMARKS.md from a results JSON
//   --out FILE              the Markdown file (default BENCHMARKS.md); --no-write: print it
//
// Every run is a fresh process, measured from the outside: wall time by the
// parent, peak memory as GNU time's "Maximum resident set size" (or the
// child's own process.resourceUsage().maxRSS when /usr/bin/time is absent).
// Nothing here is needed in CI: missing Python, scikit-learn or data skip
// their rows with a note.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ensureDir, ensureGnadFile, ensureNotesFile, parseSize, sharedDataDir, sizeName } from './generate.mjs';
import { renderMarkdown } from './report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = `${root}.bench-tmp`;
// The build under test, copied at the start so a rebuild during the run
// (tests, other sessions) cannot change or remove it half-way.
const libDir = `${dataDir}/dist`;
const PYTHON = '/usr/bin/python3';
const GNU_TIME = '/usr/bin/time';

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const get = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const sizes = get('--sizes', '1k,10k,100k').split(',').filter(Boolean).map(parseSize);
const referenceSizes = flag('--no-reference')
  ? []
  : argv.includes('--reference-sizes')
    ? get('--reference-sizes', '').split(',').filter(Boolean).map(parseSize)
    : sizes.filter((n) => n <= 100_000);
const timeoutS = Number(get('--timeout', '600'));
// A run above this resident memory is killed (so a runaway run cannot take the machine down).
const maxRssMB = Number(get('--max-rss-mb', String(Math.round(Math.min(16_384, (os.totalmem() / 2 ** 20) * 0.6)))));
const k = Number(get('--k', '20'));
const seed = Number(get('--seed', '1'));
const workers = argv.includes('--workers') ? Number(get('--workers', '2')) : undefined;
const repeatFlag = get('--repeat');
const outFile = get('--out', `${root}BENCHMARKS.md`);
const log = (...xs) => process.stderr.write(`${xs.join(' ')}\n`);

// ---------------------------------------------------------------- machine
function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const git = (args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  return {
    cpu: model,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGB: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: git(['status', '--porcelain', '--', 'src']).length > 0,
    date: new Date().toISOString(),
    loadStart: os.loadavg(),
    command: `node bench/run.mjs ${argv.join(' ')}`.trim(),
  };
}

function referenceAvailable() {
  const script = `${dirname(sharedDataDir())}/reference/sklearn_pipeline.py`;
  if (!existsSync(PYTHON)) return { ok: false, why: `${PYTHON} not found` };
  if (!existsSync(script)) return { ok: false, why: `${script} not found` };
  const probe = spawnSync(PYTHON, ['-c', 'import sklearn, nltk, numpy, scipy'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    return { ok: false, why: 'scikit-learn/NLTK missing (apt-get install python3-sklearn python3-nltk)' };
  }
  return { ok: true, script };
}

// ---------------------------------------------------------------- measuring
/** Resident memory (MB) of all processes in a process group, from /proc (Linux; 0 elsewhere). */
function groupRssMB(pgid) {
  let kb = 0;
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue; // state ppid pgrp …
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${e}/status`, 'utf8'));
      if (rss) kb += Number(rss[1]);
    } catch {}
  }
  return kb / 1024;
}

/**
 * Runs a command as a fresh process group, with a timeout; returns wall
 * time (parent clock), peak RSS (GNU time) and the output.
 */
function measure(cmd, args, { timeout = timeoutS, env } = {}) {
  const useTime = existsSync(GNU_TIME);
  const timeFile = `${dataDir}/time-${process.pid}-${Date.now()}.txt`;
  const full = useTime ? [GNU_TIME, ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(full[0], full[1], { cwd: root, detached: true, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-20_000);
    });
    let timedOut = false;
    let overMemory = 0;
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeout * 1000);
    const watch = setInterval(() => {
      const rss = groupRssMB(child.pid);
      if (rss > maxRssMB) {
        overMemory = rss;
        kill();
      }
    }, 250);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      let peakMB = null;
      let cpuMs = null;
      let exit = code;
      if (useTime && existsSync(timeFile)) {
        const text = readFileSync(timeFile, 'utf8');
        const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
        if (rss) peakMB = Number(rss[1]) / 1024;
        const user = /User time \(seconds\): ([\d.]+)/.exec(text);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
        if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
        const status = /Exit status: (\d+)/.exec(text);
        if (status) exit = Number(status[1]);
        if (/Command terminated by signal/.test(text)) exit = exit || 1;
        rmSync(timeFile, { force: true });
      }
      resolve({ wallMs, peakMB, cpuMs, code: exit, signal, timedOut, overMemory, stdout, stderr });
    });
  });
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One themenfinder run on a JSONL file in a fresh process. */
async function runThemenfinder(file, kk, n, extraOptions, threads) {
  const resultFile = `${dataDir}/result-${process.pid}.json`;
  rmSync(resultFile, { force: true });
  const nodeArgs = n >= 1_000_000 ? ['--max-old-space-size=16384'] : [];
  const args = [...nodeArgs, `${root}bench/child.mjs`, '--lib-file', `${libDir}/index.js`, '--input', file, '--k', String(kk), '--result', resultFile];
  if (extraOptions) args.push('--options', JSON.stringify(extraOptions));
  if (threads !== undefined) args.push('--workers', String(threads));
  const m = await measure(process.execPath, args);
  if (m.overMemory) return { error: `killed above ${maxRssMB} MB resident memory after ${(m.wallMs / 1000).toFixed(0)} s`, wallMs: m.wallMs };
  if (m.timedOut) return { error: `timeout after ${timeoutS} s`, wallMs: m.wallMs };
  if (m.code !== 0 || !existsSync(resultFile)) {
    return { error: `exit ${m.code ?? m.signal}: ${lastLines(m.stderr)}`, wallMs: m.wallMs };
  }
  const r = JSON.parse(readFileSync(resultFile, 'utf8'));
  rmSync(resultFile, { force: true });
  return { ...r, wallMs: m.wallMs, cpuMs: m.cpuMs ?? r.userCpuMs + r.systemCpuMs, peakMB: m.peakMB ?? r.maxRssMB, nodeArgs };
}

/** One reference run (a whole Python process, one KMeans fit with n_init=10). */
async function runReference(script, file, kk) {
  const m = await measure(PYTHON, [script, '--format', 'jsonl', '--text-field', 'text', '--label-field', 'label', '--k', String(kk), '--runs', '1', file]);
  if (m.overMemory) return { error: `killed above ${maxRssMB} MB resident memory`, wallMs: m.wallMs };
  if (m.timedOut) return { error: `timeout after ${timeoutS} s`, wallMs: m.wallMs };
  if (m.code !== 0) return { error: `exit ${m.code ?? m.signal}: ${lastLines(m.stderr)}`, wallMs: m.wallMs };
  const r = JSON.parse(m.stdout.trim().split('\n').pop());
  return {
    wallMs: m.wallMs,
    cpuMs: m.cpuMs,
    peakMB: m.peakMB,
    nmi: r.nmi.mean,
    ari: r.ari.mean,
    largestShare: r.largest_cluster_frac.mean,
    vocabulary: r.vocab,
    emptyDocs: r.empty_docs,
    stages: { vectorise: r.seconds.vectorise * 1000, 'KMeans (n_init=10)': r.seconds.cluster * 1000 },
    versions: r.versions,
  };
}

function lastLines(text, n = 3) {
  return text.trim().split('\n').slice(-n).join(' / ').slice(0, 400);
}

/** Runs a case `repeat` times (tools interleaved), returns medians and all runs. */
async function runCase({ name, file, n, k: kk, withReference, reference, repeat, extraOptions, threads }) {
  const tf = [];
  const par = [];
  const ref = [];
  for (let r = 0; r < repeat; r++) {
    // A run that failed (timeout, memory) is not repeated; the reference still is.
    if (!tf.some((x) => x.error)) {
      log(`  ${name}: themenfinder run ${r + 1}/${repeat} …`);
      const a = await runThemenfinder(file, kk, n, extraOptions);
      tf.push(a);
      log(`    ${a.error ?? `${(a.wallMs / 1000).toFixed(2)} s, ${a.peakMB?.toFixed(0)} MB, NMI ${a.nmi.toFixed(3)}`}`);
    }
    if (threads !== undefined && !par.some((x) => x.error)) {
      log(`  ${name}: themenfinder, ${threads} threads, run ${r + 1}/${repeat} …`);
      const a = await runThemenfinder(file, kk, n, extraOptions, threads);
      par.push(a);
      log(`    ${a.error ?? `${(a.wallMs / 1000).toFixed(2)} s (CPU ${(a.cpuMs / 1000).toFixed(2)} s), ${a.peakMB?.toFixed(0)} MB, NMI ${a.nmi.toFixed(3)}`}`);
    }
    if (withReference) {
      log(`  ${name}: reference run ${r + 1}/${repeat} …`);
      const b = await runReference(reference.script, file, kk);
      ref.push(b);
      log(`    ${b.error ?? `${(b.wallMs / 1000).toFixed(2)} s, ${b.peakMB?.toFixed(0)} MB, NMI ${b.nmi.toFixed(3)}`}`);
    }
    if (tf.some((x) => x.error) && (!withReference || ref.some((x) => x.error))) break;
  }
  return {
    name,
    n,
    k: kk,
    themenfinder: summarise(tf),
    ...(threads !== undefined ? { parallel: { threads, ...summarise(par) } } : {}),
    reference: withReference ? summarise(ref) : null,
  };
}

/** Median over the successful runs; the run closest to the median wall time for the rest. */
function summarise(runs) {
  const ok = runs.filter((r) => !r.error);
  if (ok.length === 0) return { error: runs[0]?.error ?? 'not run', runs: runs.length };
  const wall = median(ok.map((r) => r.wallMs));
  const mid = ok.reduce((best, r) => (Math.abs(r.wallMs - wall) < Math.abs(best.wallMs - wall) ? r : best));
  const stages = {};
  for (const key of Object.keys(mid.stages ?? {})) stages[key] = median(ok.map((r) => r.stages?.[key]));
  return {
    ...mid,
    wallMs: wall,
    wallMinMs: Math.min(...ok.map((r) => r.wallMs)),
    wallMaxMs: Math.max(...ok.map((r) => r.wallMs)),
    peakMB: median(ok.map((r) => r.peakMB)),
    cpuMs: median(ok.map((r) => r.cpuMs)),
    analyzeMs: median(ok.map((r) => r.analyzeMs)),
    stages: mid.stages ? stages : null,
    runs: ok.length,
    failed: runs.length - ok.length,
  };
}

// ---------------------------------------------------------------- corpus, bundle
async function runCorpus(options) {
  const resultFile = `${dataDir}/corpus-${process.pid}.json`;
  rmSync(resultFile, { force: true });
  const m = await measure(process.execPath, [
    `${root}bench/child.mjs`,
    '--lib-file',
    `${libDir}/index.js`,
    '--corpus',
    '--warmup',
    '3',
    '--runs',
    '15',
    '--options',
    JSON.stringify(options),
    '--result',
    resultFile,
  ]);
  if (m.timedOut) return { options, error: `timeout after ${timeoutS} s` };
  if (m.code !== 0 || !existsSync(resultFile)) return { options, error: `exit ${m.code}: ${lastLines(m.stderr)}` };
  const r = JSON.parse(readFileSync(resultFile, 'utf8'));
  rmSync(resultFile, { force: true });
  return r;
}

/**
 * The core ESM bundle as a browser app would ship it: dist/browser/index.js (the
 * `browser` export condition of `themenfinder`) with its
 * dependencies, minified, the English model left out, gzip -9.
 */
async function bundleSize() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return { error: 'esbuild not installed' };
  }
  // What a browser bundler gets for `import 'themenfinder'`: the `browser` export condition.
  const entry = `${libDir}/browser/index.js`;
  if (!existsSync(entry)) return { error: 'dist/browser/index.js missing: run npm run build first' };
  try {
    // Code splitting as a browser app would do it: lazily imported parts
    // (e.g. the xlsx writer) become their own chunks and are reported apart.
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      splitting: true,
      outdir: `${dataDir}/bundle`,
      minify: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['wink-eng-lite-web-model', 'wink-nlp'],
    });
    const outputs = result.metafile.outputs;
    const rel = (abs) => Object.keys(outputs).find((k) => abs.endsWith(k.replace(/^\.\//, '')));
    const bytesOf = new Map(result.outputFiles.map((f) => [rel(f.path), f.contents]));
    const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint);
    // The initial load: the entry chunk and everything it imports statically.
    const initial = new Set([entryOut]);
    const queue = [entryOut];
    while (queue.length) {
      for (const imp of outputs[queue.pop()].imports) {
        if (imp.kind === 'import-statement' && !imp.external && !initial.has(imp.path)) {
          initial.add(imp.path);
          queue.push(imp.path);
        }
      }
    }
    const size = (files) => {
      let minified = 0;
      let gzip = 0;
      for (const f of files) {
        const bytes = bytesOf.get(f);
        if (!bytes) continue;
        minified += bytes.length;
        gzip += gzipSync(bytes, { level: 9 }).length;
      }
      return { minified, gzip };
    };
    const lazyFiles = Object.keys(outputs).filter((k) => !initial.has(k) && k.endsWith('.js'));
    const init = size(initial);
    const lazy = size(lazyFiles);
    const byPackage = (files) => {
      const acc = {};
      for (const f of files) {
        for (const [path, info] of Object.entries(outputs[f].inputs)) {
          const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'themenfinder (dist)';
          acc[pkg] = (acc[pkg] ?? 0) + info.bytesInOutput;
        }
      }
      return Object.entries(acc).sort((a, b) => b[1] - a[1]);
    };
    const externals = new Set();
    for (const o of Object.values(outputs)) for (const i of o.imports) if (i.external) externals.add(i.path);
    return {
      minifiedBytes: init.minified,
      gzipBytes: init.gzip,
      lazyMinifiedBytes: lazy.minified,
      lazyGzipBytes: lazy.gzip,
      byPackage: byPackage([...initial]),
      lazyByPackage: byPackage(lazyFiles),
      externalImports: [...externals],
      esbuild: esbuild.version,
    };
  } catch (error) {
    return { error: String(error.message ?? error).split('\n').slice(0, 4).join(' / ') };
  }
}

// ---------------------------------------------------------------- main
async function main() {
  ensureDir(dataDir);
  const resultsPath = `${dataDir}/results.json`;
  if (argv.includes('--from')) {
    const results = JSON.parse(readFileSync(get('--from'), 'utf8'));
    writeFileSync(outFile, renderMarkdown(results));
    log(`wrote ${outFile}`);
    return;
  }
  if (!existsSync(`${root}dist/index.js`)) throw new Error('dist/index.js is missing: run `npm run build` (or `npm run bench`).');
  rmSync(libDir, { recursive: true, force: true });
  cpSync(`${root}dist`, libDir, { recursive: true });

  const results = { machine: machine(), cases: [], corpus: [], bundle: null, reference: null, generator: { seed } };
  const reference = referenceAvailable();
  results.reference = reference.ok ? { available: true } : { available: false, why: reference.why };
  if (!reference.ok && referenceSizes.length) log(`reference skipped: ${reference.why}`);

  let smallerTimedOut = false;
  for (const n of sizes) {
    const name = `synthetic ${sizeName(n)}`;
    if (smallerTimedOut) {
      results.cases.push({ name, n, k, themenfinder: { error: 'skipped: a smaller size failed or timed out' }, reference: null });
      continue;
    }
    log(`${name}: generating …`);
    const file = ensureNotesFile(n, seed);
    const repeat = Number(repeatFlag ?? (n >= 1_000_000 ? 1 : 3));
    const c = await runCase({
      name,
      file,
      n,
      k,
      repeat,
      withReference: reference.ok && referenceSizes.includes(n),
      reference,
      threads: workers,
    });
    c.kind = 'synthetic';
    results.cases.push(c);
    if (c.themenfinder.error) smallerTimedOut = true;
  }

  if (!flag('--no-gnad')) {
    log('10kGNAD whole articles …');
    try {
      const file = ensureGnadFile(dataDir);
      const c = await runCase({
        name: '10kGNAD test, whole articles',
        file,
        n: 1028,
        k: 9,
        repeat: Number(repeatFlag ?? 3),
        withReference: reference.ok && !flag('--no-reference'),
        reference,
        // The reference uses every article whole; so does themenfinder (longest is 32,600 chars).
        extraOptions: { maxNoteLength: 100_000 },
      });
      c.kind = 'gnad';
      results.cases.push(c);
    } catch (error) {
      results.cases.push({ name: '10kGNAD test, whole articles', kind: 'gnad', themenfinder: { error: String(error.message) } });
    }
  }

  if (!flag('--no-corpus')) {
    log('bundled corpus, warm …');
    results.corpus.push(await runCorpus({}));
    results.corpus.push(await runCorpus({ stability: false }));
    for (const c of results.corpus) log(`  ${JSON.stringify(c.options)}: ${c.error ?? `${c.medianMs.toFixed(1)} ms median`}`);
  }

  if (!flag('--no-bundle')) {
    log('browser bundle …');
    results.bundle = await bundleSize();
    log(`  ${results.bundle.error ?? `${(results.bundle.gzipBytes / 1024).toFixed(1)} KB gzip`}`);
  }

  if (flag('--merge') && existsSync(resultsPath)) {
    const old = JSON.parse(readFileSync(resultsPath, 'utf8'));
    results.machine.mergedWith = [old.machine?.mergedWith ?? [], { date: old.machine?.date, command: old.machine?.command, commit: old.machine?.commit, loadStart: old.machine?.loadStart }].flat();
    const have = new Set(results.cases.map((c) => c.name));
    for (const c of old.cases ?? []) if (!have.has(c.name)) results.cases.push({ ...c, from: old.machine?.date });
    if (results.corpus.length === 0) results.corpus = old.corpus ?? [];
    if (!results.bundle) results.bundle = old.bundle ?? null;
    results.cases.sort((a, b) => (a.kind === b.kind ? a.n - b.n : a.kind === 'synthetic' ? -1 : 1));
  }

  results.machine.loadEnd = os.loadavg();
  writeFileSync(resultsPath, JSON.stringify(results, null, 2));
  const md = renderMarkdown(results);
  if (flag('--no-write')) process.stdout.write(md);
  else {
    writeFileSync(outFile, md);
    log(`wrote ${outFile} (raw results: ${resultsPath})`);
  }
}

await main();
