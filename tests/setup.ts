import fc from 'fast-check';

// Property tests explore new random inputs on every local run. In CI the seed
// is fixed so that a run is reproducible; a failure prints its seed and path
// either way (fast-check's report), to be replayed with `fc.assert(…, { seed, path })`.
if (process.env.CI) fc.configureGlobal({ seed: 20_261_126 });
