// Splitting the stages by note (src/parallel/): every split is merged into
// exactly the sequential result. A runner that runs the worker tasks in this
// thread on structured clones of their inputs stands in for worker threads
// (those are tested on the build in parallel-node.test.ts).
import { describe, expect, it } from 'vitest';
import { generateNotes, loadSources } from '../bench/generate.mjs';
import { analyze, analyzeWith } from '../src/analyze';
import { sphericalKmeans } from '../src/cluster/kmeans';
import type { Claimed, Runner, TaskName, Tasks } from '../src/parallel/runner';
import { TASKS } from '../src/parallel/tasks';

/**
 * Runs the tasks here, at once, on copies (as a worker would get them). With
 * shared chunks ({@link Claimed}) each stand-in worker takes its share of the
 * chunks first (as a worker that happened to be faster), this thread the rest.
 */
function inThreadRunner(parts: number): Runner & { ran: Record<string, number> } {
  const ran: Record<string, number> = {};
  return {
    parts,
    warm: true,
    ran,
    post<K extends TaskName>(task: K, inputs: Array<Tasks[K]['input']>) {
      const outputs = inputs.map((input) => {
        const copy = structuredClone(input) as Tasks[K]['input'] & Partial<Claimed>; // the claim counter stays shared
        if (copy.claim) {
          const before = Atomics.load(copy.claim, 0);
          const out = (TASKS[task] as (i: unknown) => unknown)({ ...copy, chunks: Math.min(copy.chunks!, before + Math.ceil(copy.chunks! / parts)) });
          Atomics.sub(copy.claim, 0, 1); // the failed last take
          return structuredClone(out);
        }
        return structuredClone((TASKS[task] as (i: unknown) => unknown)(copy));
      });
      ran[task] = (ran[task] ?? 0) + inputs.length;
      return () => outputs as Array<Tasks[K]['output']>;
    },
  };
}

describe('analyze in parts', () => {
  const notes = generateNotes(7000, 5, loadSources()).map(({ id, text }) => ({ id, text }));

  it('gives the same report as analyze (3 parts: terms, projection, restarts)', () => {
    const options = { k: 12, seed: 7, stability: false } as const;
    const runner = inThreadRunner(3);
    const parted = analyzeWith(notes, options, runner);
    expect(JSON.stringify(parted)).toBe(JSON.stringify(analyze(notes, options)));
    expect(Object.keys(runner.ran).sort()).toEqual(['project', 'restarts', 'terms']);
  }, 120_000);

  it('gives the same report with Snowball and changed stopwords (2 parts)', () => {
    const options = { k: 6, seed: 3, stability: false, stemmer: 'snowball' as const, stopwords: { add: ['schule'], remove: ['zeit'] } };
    const subset = notes.slice(0, 4500);
    expect(JSON.stringify(analyzeWith(subset, options, inThreadRunner(2)))).toBe(JSON.stringify(analyze(subset, options)));
  }, 120_000);
});

describe('the merges', () => {
  it('k-means restarts in parts keep the first best restart (objectives compared in restart order)', () => {
    let s = 9;
    const random = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32 - 0.5;
    };
    const vectors = Array.from({ length: 900 }, () => {
      const v = Float64Array.from({ length: 6 }, random);
      const len = Math.hypot(...v);
      return v.map((x) => x / len);
    });
    for (const parts of [2, 3, 7]) {
      const options = { seed: 11, restarts: 7, typedOnly: true };
      const a = sphericalKmeans(vectors, 5, options);
      const b = sphericalKmeans(vectors, 5, { ...options, runner: inThreadRunner(parts) });
      expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
      expect(b.objective).toBe(a.objective);
    }
  });
});
