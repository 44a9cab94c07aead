import fc from 'fast-check';

// Property tests explore new random inputs on every local run. In CI the seed
// is fixed so that a run is reproducible; a failure prints its seed and path
// either way (fast-check's report), to be replayed with `fc.assert(…, { seed, path })`.
if (process.env.CI) fc.configureGlobal({ seed: 20_261_126 });

// A deeper local search: FC_NUM_RUNS=1000 npx vitest run (every property that many runs).
if (process.env.FC_NUM_RUNS) fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: Number(process.env.FC_NUM_RUNS) });
