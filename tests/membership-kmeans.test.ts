// Correctness of the consensus's k-means on membership rows: it must give
// exactly what sphericalKmeans gives on the dense one-hot rows (no timings here).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sphericalKmeans } from '../src/cluster/kmeans';
import { membershipKmeans } from '../src/cluster/membership-kmeans';
import { createRandom } from '../src/cluster/random';

/** R partitions of n items into kb clusters, with some structure (groups) and noise. */
function partitions(n: number, r: number, kb: number, seed: number): Int32Array[] {
  const random = createRandom(seed);
  const group = Int32Array.from({ length: n }, () => Math.floor(random() * kb));
  return Array.from({ length: r }, () => Int32Array.from(group, (g) => (random() < 0.3 ? Math.floor(random() * kb) : g)));
}

function denseRows(n: number, kb: number, parts: Int32Array[]): Float64Array[] {
  const scale = 1 / Math.sqrt(parts.length);
  return Array.from({ length: n }, (_, i) => {
    const v = new Float64Array(parts.length * kb);
    parts.forEach((p, q) => {
      v[q * kb + p[i]!] = scale;
    });
    return v;
  });
}

describe('membershipKmeans (k-means on the set positions of one-hot membership rows)', () => {
  it('gives the labels, centroids and objective of sphericalKmeans on the dense rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (n, r, kb, kWanted, restarts, seed) => {
          const k = Math.min(kWanted, n);
          const parts = partitions(n, r, kb, seed);
          const dense = sphericalKmeans(denseRows(n, kb, parts), k, { seed, restarts });
          const sparse = membershipKmeans({ n, kb, partitions: parts }, k, { seed, restarts });
          expect(sparse.labels).toEqual(dense.labels);
          expect(sparse.centroids).toEqual(dense.centroids);
          expect(sparse.objective).toBe(dense.objective);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same result on the sampled path (more items than the sample limit)', () => {
    for (const seed of [1, 2, 3]) {
      const n = 700;
      const parts = partitions(n, 6, 5, seed);
      const options = { seed, restarts: 2, sampleLimit: 250 };
      const dense = sphericalKmeans(denseRows(n, 5, parts), 5, options);
      const sparse = membershipKmeans({ n, kb: 5, partitions: parts }, 5, options);
      expect(sparse.labels).toEqual(dense.labels);
      expect(sparse.objective).toBe(dense.objective);
    }
  });
});
