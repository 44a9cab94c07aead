// analyzeParallel (themenfinder/node) on the build: worker threads give the
// same report as analyze, and errors come out as the same typed errors.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateNotes, loadSources } from '../bench/generate.mjs';
import { ThemenfinderError } from '../src/errors';
import { WorkerPool } from '../src/node/pool';
import { repoPath } from './helpers/corpus';

const core = await import(repoPath('dist/index.js'));
const node = await import(repoPath('dist/node.js'));
const notes = generateNotes(5000, 2, loadSources()).map(({ id, text }) => ({ id, text }));

describe('analyzeParallel (dist, worker threads)', () => {
  it('gives the same report as analyze with the same seed', async () => {
    const options = { k: 10, seed: 5, stability: false };
    const parallel = await node.analyzeParallel(notes, { ...options, workers: 2, parallelFrom: 0 });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(core.analyze(notes, options)));
  }, 120_000);

  it('a pool kept for several runs (warm workers also take the terms): the same reports', async () => {
    const pool = new node.WorkerPool(2);
    try {
      const options = { k: 8, seed: 2, stability: false };
      const first = await node.analyzeParallel(notes, { ...options, pool, parallelFrom: 0 });
      expect(pool.warm).toBe(true);
      const second = await node.analyzeParallel(notes, { ...options, pool, parallelFrom: 0 });
      const expected = JSON.stringify(core.analyze(notes, options));
      expect(JSON.stringify(first)).toBe(expected);
      expect(JSON.stringify(second)).toBe(expected);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('CommonJS build: the same report, with worker.cjs', async () => {
    const cjs = createRequire(import.meta.url)(repoPath('dist/node.cjs'));
    const small = notes.slice(0, 4200);
    const options = { k: 5, seed: 1, stability: false };
    const parallel = await cjs.analyzeParallel(small, { ...options, workers: 2, parallelFrom: 0 });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(core.analyze(small, options)));
  }, 120_000);

  it('below parallelFrom (default PARALLEL_MIN_NOTES) it is analyze', async () => {
    expect(node.PARALLEL_MIN_NOTES).toBeGreaterThan(1000);
    const few = ['Schule digital gestalten', 'Netzwerke stärken', 'Schulen digital vernetzen'];
    expect(await node.analyzeParallel(few, { k: 2 })).toEqual(core.analyze(few, { k: 2 }));
  });

  it('throws the same typed errors as analyze', async () => {
    const codeOf = async (run: () => unknown) => {
      try {
        await run();
      } catch (error) {
        return [(error as { name: string }).name, (error as { code: string }).code];
      }
      return 'no error';
    };
    for (const [input, options] of [
      [[], {}],
      [[42], {}],
      [notes, { k: 0 }],
      [notes, { bogus: 1 }],
    ] as const) {
      const expected = await codeOf(() => core.analyze(input, options));
      expect(expected).not.toBe('no error');
      expect(await codeOf(() => node.analyzeParallel(input, { ...options, workers: 2, parallelFrom: 0 }))).toEqual(expected);
    }
    for (const bad of [0, 1.5, '2']) {
      await expect(node.analyzeParallel(notes, { workers: bad })).rejects.toMatchObject({ code: 'BAD_OPTION', details: { option: 'workers' } });
    }
  });
});

describe('WorkerPool', () => {
  const pool = new WorkerPool(2, pathToFileURL(repoPath('dist/worker.js')));
  afterAll(() => pool.close());

  it('an error thrown in a worker is thrown here: ThemenfinderError with its code and details, others by name', () => {
    const input = { texts: ['Schule digital'], stemmer: 'cistem', stopwords: { add: [], remove: [] }, chunks: 1, size: 1 };
    const claim = () => new Int32Array(new SharedArrayBuffer(4));
    const wait = pool.post('terms', [{ ...input, claim: claim(), language: 'en' as 'de' }]);
    let error: unknown;
    try {
      wait();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ThemenfinderError);
    expect(error).toMatchObject({ code: 'BAD_OPTION', details: { option: 'language', value: 'en' } });
    expect(() => pool.post('terms', [{ ...input, claim: claim(), language: 'de', texts: [null as unknown as string] }])()).toThrow(TypeError);
    // The pool still works after errors.
    const [out] = pool.post('terms', [{ ...input, claim: claim(), language: 'de' }])();
    expect(out!.counts[0]).toBe(2);
    expect(out!.taken).toEqual([0]);
  });

  it('answers belong to their task even when an earlier one was never waited for', () => {
    const terms = (texts: string[]) => ({ texts, language: 'de' as const, stemmer: 'cistem', stopwords: { add: [], remove: [] }, chunks: 1, size: texts.length, claim: new Int32Array(new SharedArrayBuffer(4)) });
    pool.post('terms', [terms(['Schule digital gestalten'])]); // abandoned, e.g. after an error on this thread
    const [out] = pool.post('terms', [terms(['Netzwerke'])])();
    expect(out!.text).toBe('netzwerkNetzwerke');
  });
});
