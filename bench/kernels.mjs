// The numeric kernels with WebAssembly SIMD against the same kernels in
// JavaScript, in one process, alternating (src/wasm/; docs/scaling.md,
// session 6). Both give the same results bit for bit (tests/kernels.test.ts);
// this only times them.
//
//   npx tsx bench/kernels.mjs [--runs 7]
//
// Cases: Lloyd runs of spherical k-means on 4,030 × 20 and 60,000 × 20 unit
// vectors with k = 20 (the sizes of the 100k notes' restarts and final run),
// a randomized SVD (rank 20, 5 power iterations) of a sparse 4,000 × 120,000
// matrix with ~100 entries per row, and the membership k-means of 400 items
// in 14 partitions (the corpus's consensus). Prints the first call and the
// median of the rest, in ms.
import { performance } from 'node:perf_hooks';
import { kmeansPlusPlusPacked, lloydCosine, pack } from '../src/cluster/kmeans.ts';
import { membershipKmeans } from '../src/cluster/membership-kmeans.ts';
import { createRandom } from '../src/cluster/random.ts';
import { randomizedSvdOfUsedColumns } from '../src/vectors/svd.ts';
import { useWasmKernels } from '../src/wasm/kernels.ts';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 7) || 7;

function unitVectors(n, dim, seed) {
  const random = createRandom(seed);
  const centres = Array.from({ length: 17 }, () => Float64Array.from({ length: dim }, () => random() - 0.5));
  return Array.from({ length: n }, (_, i) => {
    const v = Float64Array.from(centres[i % 17], (x) => x + 0.6 * (random() - 0.5));
    const len = Math.hypot(...v);
    return v.map((x) => x / len);
  });
}

function sparse(rows, cols, perRow, seed) {
  const random = createRandom(seed);
  const indptr = new Int32Array(rows + 1);
  const indices = [];
  const values = [];
  for (let i = 0; i < rows; i++) {
    const picked = new Set();
    // Zipf-like columns: a few frequent terms, a long tail.
    while (picked.size < perRow) picked.add(Math.floor(cols * random() ** 3));
    for (const c of [...picked].sort((a, b) => a - b)) {
      indices.push(c);
      values.push(0.05 + random());
    }
    indptr[i + 1] = indices.length;
  }
  return { rows, cols, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

const cases = [];
for (const n of [4030, 60000]) {
  const packed = pack(unitVectors(n, 20, n));
  const start = kmeansPlusPlusPacked(packed, 20, createRandom(3));
  cases.push({ name: `Lloyd run, ${n.toLocaleString('en')} × 20, k 20`, run: () => lloydCosine(packed, start, 100, 1e-9) });
}
const matrix = sparse(4000, 120000, 100, 5);
cases.push({ name: 'randomized SVD, 4,000 × 120,000 sparse, rank 20', run: () => randomizedSvdOfUsedColumns(matrix, 20, { seed: 1, powerIterations: 5 }) });
{
  const random = createRandom(9);
  const partitions = Array.from({ length: 14 }, (_, p) => Int32Array.from({ length: 400 }, (_, i) => (random() < 0.8 ? i % (p + 2) : Math.floor(random() * (p + 2)))));
  cases.push({ name: 'membership k-means, 400 items, 14 partitions, k 15', run: () => membershipKmeans({ n: 400, kb: 15, partitions }, 15, { seed: 1, restarts: 10 }) });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
console.log('| case | JavaScript: first / median ms | WebAssembly: first / median ms |');
console.log('|---|---:|---:|');
for (const c of cases) {
  const times = { js: [], wasm: [] };
  for (let r = 0; r < runs; r++) {
    for (const mode of r % 2 ? ['wasm', 'js'] : ['js', 'wasm']) {
      useWasmKernels(mode === 'wasm');
      const t0 = performance.now();
      c.run();
      times[mode].push(performance.now() - t0);
    }
  }
  const show = (xs) => `${xs[0].toFixed(1)} / ${median(xs.slice(1)).toFixed(1)}`;
  console.log(`| ${c.name} | ${show(times.js)} | ${show(times.wasm)} |`);
}
useWasmKernels(true);
