import { defineConfig } from 'tsup';

// Public entry points. `cli` is the binary; `english` carries the wink model;
// `node` reads files. The core (`index`) imports no Node built-ins.
const entry = {
  index: 'src/index.ts',
  english: 'src/english.ts',
  node: 'src/node/index.ts',
  cli: 'src/cli/main.ts',
};
// The worker thread of analyzeParallel (themenfinder/node): loaded by path, not exported.
const worker = { worker: 'src/node/worker.ts' };

/**
 * ml-kmeans imports ml-matrix (~70 KB minified, 8,000 lines) only for its own
 * k-means++ start, which themenfinder never asks for (it always passes the
 * start): every build takes a stub instead (src/browser/no-ml-matrix.ts), so
 * browsers download less and Node parses less at every start
 * (tests/build.test.ts checks the builds and compares their reports).
 */
function withoutMlMatrix(options: { alias?: Record<string, string> }): void {
  options.alias = { ...options.alias, 'ml-matrix': './src/browser/no-ml-matrix.ts' };
}

export default defineConfig([
  {
    // ESM: dependencies stay external so bundlers can dedupe and tree-shake
    // them, except the ml-kmeans family: its ~250 small modules (ml-matrix,
    // ml-spectra-processing, …) cost Node ~0.3 s to resolve and load at every
    // start, bundled they load in ~10 ms (docs/scaling.md).
    entry: { ...entry, ...worker },
    format: ['esm'],
    dts: { entry },
    sourcemap: false,
    clean: false, // the build script empties dist/ first (configs run in parallel)
    target: 'node20',
    platform: 'node',
    splitting: true,
    treeshake: true,
    noExternal: [/^ml-/, /^is-any-array$/],
    esbuildOptions: withoutMlMatrix,
  },
  {
    // CJS: ml-kmeans and its ml-* helpers ship ESM only, which require() on
    // Node 20 cannot load, so they are bundled into the CommonJS build.
    entry: { index: entry.index, english: entry.english, node: entry.node, ...worker },
    format: ['cjs'],
    dts: { entry: { index: entry.index, english: entry.english, node: entry.node } },
    // import.meta.url in CommonJS (the worker's path next to node.cjs).
    shims: true,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    noExternal: [/^ml-/, /^is-any-array$/],
    esbuildOptions: withoutMlMatrix,
  },
  {
    // ESM for bundlers that target browsers (the `browser` export condition):
    // the same modules as the ESM build, with the ml-kmeans family bundled in
    // and ml-matrix replaced by a stub (withoutMlMatrix below).
    entry: { index: entry.index, english: entry.english },
    noExternal: [/^ml-/, /^is-any-array$/],
    esbuildOptions: withoutMlMatrix,
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    treeshake: true,
    dts: false,
    sourcemap: false,
    clean: false,
  },
  {
    // One self-contained ES module for pages without a bundler
    // (examples/browser.html): every dependency inlined, minified.
    entry: { 'themenfinder.browser': 'src/index.ts' },
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    noExternal: [/.*/],
    esbuildOptions: withoutMlMatrix,
    splitting: false,
    minify: true,
    dts: false,
    clean: false,
  },
]);
