// One measured themenfinder run in its own process (spawned by bench/run.mjs).
//
//   node bench/child.mjs --input notes.jsonl --k 20 [--options '{"stability":false}']
//                        [--lib dist|src] [--lib-file snapshot/index.js] [--result out.json]
//                        [--workers N]   (analyzeParallel of themenfinder/node with N threads in all)
//   node bench/child.mjs --corpus [--warmup 3 --runs 15]   (warm, in-process)
//
// Reads JSONL {id, text, label}, runs analyze() on {id, text}, scores the
// themes against the labels and prints one JSON line (or writes --result).
// `--lib src` imports the TypeScript sources (run under `node --import tsx`),
// so a CPU profile names source files instead of dist chunks.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ari, largestShare, nmi } from './metrics.mjs';

const args = process.argv.slice(2);
const get = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const lib = get('--lib', 'dist');
const libFile = get('--lib-file');
const libUrl = libFile
  ? pathToFileURL(libFile)
  : new URL(lib === 'src' ? '../src/index.ts' : '../dist/index.js', import.meta.url);

const workers = get('--workers') === undefined ? undefined : Number(get('--workers'));
const tStart = performance.now();
const api = await import(libUrl.href);
// With --workers: the Node entry next to the core entry (analyzeParallel).
const nodeApi = workers === undefined ? undefined : await import(new URL('node.js', libUrl).href);
const tImported = performance.now();

/**
 * Which of the wanted options this build accepts (unknown options throw BAD_OPTION). Asked with
 * notes that are no array: `analyze` checks its options first, so the probe ends with BAD_NOTE
 * before any of the pipeline runs (a probe on real notes ran the whole pipeline twice, cold,
 * before the measured run: 60–100 ms of every process's wall time).
 */
function accepts(name, value) {
  try {
    api.analyze(null, { k: 1, [name]: value });
    return true;
  } catch (error) {
    if (error?.code === 'BAD_OPTION' && String(error.message).includes(name)) return false;
    if (error?.code === 'BAD_NOTE') return true;
    throw error;
  }
}

function stageRecorder() {
  const stages = {};
  const onStage = (name, ms) => {
    stages[name] = (stages[name] ?? 0) + ms;
  };
  return { stages, onStage };
}

function emit(result) {
  const out = get('--result');
  const json = JSON.stringify(result);
  if (out) writeFileSync(out, json);
  else process.stdout.write(`${json}\n`);
}

function memory() {
  const ru = process.resourceUsage();
  const mu = process.memoryUsage();
  return {
    maxRssMB: ru.maxRSS / 1024,
    heapUsedMB: mu.heapUsed / 2 ** 20,
    arrayBuffersMB: mu.arrayBuffers / 2 ** 20,
    userCpuMs: ru.userCPUTime / 1000,
    systemCpuMs: ru.systemCPUTime / 1000,
  };
}

const hasStageHook = accepts('onStage', () => {});

if (args.includes('--corpus')) {
  // The bundled corpus, warm: the same notes the CLI reads (board parser).
  const text = readFileSync(new URL('../corpus/zukunftscamp-2021.txt', import.meta.url), 'utf8');
  const notes = api.parseBoard
    ? api.parseBoard(text).filter((u) => u.kind === 'note').map((u) => ({ id: u.id, text: u.text }))
    : text.split(/\r?\n/).filter((l) => l.trim());
  const options = JSON.parse(get('--options', '{}'));
  const warmup = Number(get('--warmup', '3'));
  const runs = Number(get('--runs', '15'));
  for (let i = 0; i < warmup; i++) api.analyze(notes, options);
  const times = [];
  const stageRuns = [];
  let report;
  for (let i = 0; i < runs; i++) {
    const rec = stageRecorder();
    const t0 = performance.now();
    report = api.analyze(notes, hasStageHook ? { ...options, onStage: rec.onStage } : options);
    times.push(performance.now() - t0);
    stageRuns.push(rec.stages);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const stages = {};
  if (hasStageHook) for (const name of Object.keys(stageRuns[0] ?? {})) stages[name] = median(stageRuns.map((s) => s[name] ?? 0));
  emit({
    kind: 'corpus',
    notes: notes.length,
    k: report.meta.k,
    kAuto: report.meta.kAuto,
    options,
    warmup,
    runs,
    medianMs: median(times),
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
    stages: hasStageHook ? stages : null,
    ...memory(),
  });
} else {
  const input = get('--input');
  if (!input) throw new Error('child.mjs: give --input <file.jsonl> or --corpus');
  const k = Number(get('--k', '20'));
  const extra = JSON.parse(get('--options', '{}'));
  // Stability resampling is an extra the reference does not do; off when the build has it.
  const options = { k, seed: 42, ...(accepts('stability', false) ? { stability: false } : {}), ...extra };

  // With --workers: for a file large enough to reach the threshold of analyzeParallel
  // (PARALLEL_MIN_NOTES notes of ~70 bytes), start the threads first, so they load the library while
  // the file is read; smaller inputs run as analyze (no threads started).
  const big = nodeApi && statSync(input).size >= 70 * (nodeApi.PARALLEL_MIN_NOTES ?? 0);
  const pool = big && workers > 1 ? new nodeApi.WorkerPool(workers) : undefined;
  const t0 = performance.now();
  const lines = readFileSync(input, 'utf8').split('\n');
  const notes = [];
  const labels = [];
  for (const line of lines) {
    if (!line) continue;
    const r = JSON.parse(line);
    notes.push({ id: r.id, text: r.text });
    labels.push(r.label);
  }
  const tRead = performance.now();
  const rec = stageRecorder();
  const runOptions = hasStageHook ? { ...options, onStage: rec.onStage } : options;
  const report = nodeApi ? await nodeApi.analyzeParallel(notes, { ...runOptions, workers, pool }) : api.analyze(notes, runOptions);
  const tAnalyze = performance.now();
  await pool?.close();
  const mem = memory();

  const pred = report.notes.map((n) => n.themeId ?? '(none)');
  emit({
    kind: 'run',
    input,
    notes: notes.length,
    k: report.meta.k,
    options,
    ...(workers === undefined ? {} : { workers }),
    vocabulary: report.meta.vocabularySize,
    unassigned: report.meta.unassigned,
    importMs: tImported - tStart,
    readMs: tRead - t0,
    analyzeMs: tAnalyze - tRead,
    inProcessMs: tAnalyze,
    stages: hasStageHook ? rec.stages : null,
    nmi: nmi(labels, pred),
    ari: ari(labels, pred),
    largestShare: largestShare(pred),
    ...mem,
  });
}
