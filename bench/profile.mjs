// CPU profile of one themenfinder run, summarised by function, file and stage.
//
//   node bench/profile.mjs [--size 100k | --gnad] [--k 20] [--lib src|dist] [--top 25] [--timeout 900]
//   node bench/profile.mjs --summarise file.cpuprofile   (tables of an existing profile)
//
// Runs bench/child.mjs under `node --cpu-prof` (with `--lib src` through tsx,
// so samples name the TypeScript source files), then adds up self time per
// function and per file from the .cpuprofile and prints Markdown tables.
// The raw profile stays in .bench-tmp/prof/ (open it in Chrome DevTools).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureGnadFile, ensureNotesFile, parseSize, sizeName } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Where a profiled function's file belongs: a pipeline stage (by source path). */
export function stageOf(file) {
  if (file === '(gc)') return 'garbage collection';
  if (file === '(program)' || file === '(idle)' || file === '(root)') return 'V8 / idle';
  if (file.startsWith('node:') || file === '(native)') return 'Node internals';
  if (/bench\//.test(file)) return 'bench harness (read + score)';
  if (/node_modules\/(ml-|is-any-array)/.test(file)) return 'cluster (ml-kmeans)';
  if (/node_modules\//.test(file)) return 'other dependencies';
  if (/src\/(normalize|terms|notes)\b|src\/language\//.test(file)) return 'terms (normalise, tokenise, stem)';
  if (/src\/vectors\//.test(file)) return 'vectors (vocabulary, TF-IDF, reduction)';
  if (/src\/cluster\//.test(file)) return 'cluster';
  if (/src\/describe\/|src\/guided\//.test(file)) return 'describe themes';
  if (/src\/(report|render|crosstab|options|analyze)/.test(file)) return 'report / glue';
  if (/dist\//.test(file)) return 'dist (bundled, not split by stage)';
  return 'other';
}

const markers = new Map();
/** The `// src/…` module a 0-based line of a bundled chunk belongs to (tsup/esbuild comments), or null. */
export function sourceOfBundledLine(path, line) {
  if (!/\/(dist|\.bench-tmp\/dist|\.bench-tmp\/snap)\//.test(path)) return null;
  if (!existsSync(path)) {
    // The build may have changed since: look for the chunk in the bench's snapshots.
    const name = path.slice(path.lastIndexOf('/') + 1);
    const copy = [`${root}.bench-tmp/dist/${name}`, `${root}.bench-tmp/snap/${name}`].find((p) => existsSync(p));
    if (!copy) return null;
    path = copy;
  }
  let list = markers.get(path);
  if (!list) {
    list = [];
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = /^\/\/ (src\/\S+|\S*node_modules\/\S+)$/.exec(text);
        if (m) list.push([i, m[1]]);
      });
    markers.set(path, list);
  }
  let found = null;
  for (const [at, src] of list) {
    if (at > line) break;
    found = src;
  }
  return found;
}

/**
 * Self time per function and per file of a .cpuprofile (ms).
 *
 * @example summariseProfile(JSON.parse(readFileSync('x.cpuprofile', 'utf8'))).totalMs
 */
export function summariseProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  // timeDeltas[i] is the time before sample i; attribute it to sample i.
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const fileOf = (cf) => {
    if (cf.url) {
      const path = cf.url.replace(/^file:\/\//, '');
      // A bundled dist chunk: tsup marks each source module with "// src/…".
      const src = sourceOfBundledLine(path, cf.lineNumber);
      return src ?? path.replace(root, '');
    }
    if (cf.functionName === '(garbage collector)') return '(gc)';
    if (cf.functionName.startsWith('(')) return cf.functionName;
    return '(native)';
  };
  const fn = new Map();
  const files = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const cf = byId.get(id).callFrame;
    const file = fileOf(cf);
    const where = cf.url && file.startsWith('src/') && !cf.url.endsWith('.ts') ? `${file} (dist line ${cf.lineNumber + 1})` : `${file}:${cf.lineNumber + 1}`;
    const key = `${cf.functionName || '(anonymous)'}\t${where}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    files.set(file, (files.get(file) ?? 0) + us);
    total += us;
  }
  const stages = new Map();
  for (const [file, us] of files) stages.set(stageOf(file), (stages.get(stageOf(file)) ?? 0) + us);
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, us]) => [k, us / 1000]);
  return { totalMs: total / 1000, functions: sorted(fn), files: sorted(files), stages: sorted(stages) };
}

/** Markdown tables of a summary. */
export function profileMarkdown(summary, top = 25) {
  const pct = (ms) => `${((100 * ms) / summary.totalMs).toFixed(1)} %`;
  const lines = [`Total sampled: ${(summary.totalMs / 1000).toFixed(2)} s`, ''];
  lines.push('| stage (by source file) | self ms | share |', '|---|---:|---:|');
  for (const [s, ms] of summary.stages) lines.push(`| ${s} | ${ms.toFixed(0)} | ${pct(ms)} |`);
  lines.push('', '| file | self ms | share |', '|---|---:|---:|');
  for (const [f, ms] of summary.files.slice(0, top)) lines.push(`| ${f} | ${ms.toFixed(0)} | ${pct(ms)} |`);
  lines.push('', '| function | at | self ms | share |', '|---|---|---:|---:|');
  for (const [key, ms] of summary.functions.slice(0, top)) {
    const [name, at] = key.split('\t');
    const short = name.length > 60 ? `${name.slice(0, 57)}…` : name;
    lines.push(`| \`${short.replaceAll('|', '\\|').replaceAll('`', "'")}\` | ${at} | ${ms.toFixed(0)} | ${pct(ms)} |`);
  }
  return lines.join('\n');
}

/**
 * Profiles one run; returns the summary (and the child's result line).
 *
 * @example profileRun({ size: 100_000, k: 20, lib: 'src' })
 */
export function profileRun({ size, k = 20, lib = 'src', timeoutS = 900, input, options }) {
  const dir = `${root}.bench-tmp/prof`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = input ?? ensureNotesFile(size);
  const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500'];
  if (lib === 'src') nodeArgs.push('--import', 'tsx');
  const childArgs = ['--input', file, '--k', String(k), '--lib', lib];
  if (options) childArgs.push('--options', JSON.stringify(options));
  const child = spawnSync(process.execPath, [...nodeArgs, `${root}bench/child.mjs`, ...childArgs], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    maxBuffer: 64 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`profiled run failed (${child.signal ?? child.status}): ${child.stderr.slice(-2000)}`);
  const prof = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const summary = summariseProfile(JSON.parse(readFileSync(`${dir}/${prof}`, 'utf8')));
  return { summary, result: JSON.parse(child.stdout.trim().split('\n').pop()), profile: `.bench-tmp/prof/${prof}` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const get = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  if (args.includes('--summarise')) {
    const file = get('--summarise');
    console.log(profileMarkdown(summariseProfile(JSON.parse(readFileSync(file, 'utf8'))), Number(get('--top', '25'))));
    process.exit(0);
  }
  const gnad = args.includes('--gnad');
  const size = parseSize(get('--size', '100k'));
  const { summary, result, profile } = profileRun({
    size,
    input: gnad ? ensureGnadFile() : undefined,
    options: gnad ? { maxNoteLength: 100_000 } : undefined,
    k: Number(get('--k', gnad ? '9' : '20')),
    lib: get('--lib', 'src'),
    timeoutS: Number(get('--timeout', '900')),
  });
  const what = gnad ? '10kGNAD whole articles' : `${sizeName(size)} notes`;
  console.log(`## CPU profile: ${what}, k=${result.k}, analyze ${(result.analyzeMs / 1000).toFixed(2)} s (${profile})\n`);
  console.log(profileMarkdown(summary, Number(get('--top', '25'))));
}
