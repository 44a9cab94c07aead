// With the automatic k, the consensus is built from the fits chooseK made for every k tried
// (docs/scaling.md, 27 Nov): these fits are exactly the scored ones, and the themes are their consensus.
import { describe, expect, it } from 'vitest';
import { chooseK, kRange, silhouette } from '../src/cluster/choose-k';
import { consensusOfFits } from '../src/cluster/consensus';
import { DEFAULT_FIT, fitThemes } from '../src/cluster/fit';
import { createRandom } from '../src/cluster/random';

/** Unit vectors around `groups` random directions in `dim` dimensions. */
function planted(n: number, groups: number, dim: number, seed: number): Float64Array[] {
  const random = createRandom(seed);
  const unit = (v: Float64Array) => {
    const len = Math.hypot(...v);
    return v.map((x) => x / len);
  };
  const centres = Array.from({ length: groups }, () => unit(Float64Array.from({ length: dim }, () => random() - 0.5)));
  return Array.from({ length: n }, (_, i) => unit(centres[i % groups]!.map((x) => x + 0.25 * (random() - 0.5))));
}

describe('consensus from the automatic k’s fits', () => {
  const vectors = planted(240, 5, 12, 7);

  it('chooseK keeps one fit per k tried, the one it scored, only when asked and without a sample', () => {
    const bounds = kRange(vectors.length);
    const choice = chooseK(vectors, bounds, { seed: 3, criterion: 'silhouette', keepFits: true });
    expect(choice.fits!.map((f) => f.k)).toEqual(choice.scores.map((s) => s.k));
    for (const f of choice.fits!) {
      expect(f.labels.length).toBe(vectors.length);
      const score = choice.scores.find((s) => s.k === f.k)!.score;
      expect(silhouette(vectors, f.labels, f.k, 3)).toBe(score);
    }
    const plain = chooseK(vectors, bounds, { seed: 3, criterion: 'silhouette' });
    expect(plain.fits).toBeUndefined();
    expect(plain.scores).toEqual(choice.scores);
    expect(chooseK(vectors, bounds, { seed: 3, criterion: 'silhouette', keepFits: true, sample: 200 }).fits).toBeUndefined();
  });

  it('fitThemes with k auto clusters the consensus of exactly those fits, deterministically', () => {
    // One distinct note per vector: stems that make each note its own bag.
    const choice = chooseK(vectors, kRange(vectors.length), { seed: 5, criterion: 'silhouette', keepFits: true });
    const direct = consensusOfFits(vectors, choice.k, choice.fits!, { seed: 5, restarts: 4 });
    expect(direct.partitions).toEqual(choice.fits!.map((f) => f.labels));
    const again = consensusOfFits(vectors, choice.k, choice.fits!, { seed: 5, restarts: 4 });
    expect(again.labels).toEqual(direct.labels);
    expect(new Set(direct.labels).size).toBe(choice.k);

    const stems = Array.from({ length: 150 }, (_, i) => [`t${i % 6}`, `u${i % 10}`, `v${i % 15}`, `w${i}`, `x${i % 4}`]);
    const options = { ...DEFAULT_FIT, k: 'auto' as const, seed: 2, restarts: 3, minDf: 1, maxDf: 1, outlierThreshold: 0 };
    const fit = fitThemes({ stems }, options);
    expect(fit.partitions).toBeUndefined();
    const inner = chooseK(fit.vectors, kRange(fit.vectors.length), { seed: 2, criterion: 'silhouette', keepFits: true });
    expect(fit.k).toBe(inner.k);
    expect(Array.from(fit.labels)).toEqual(Array.from(consensusOfFits(fit.vectors, inner.k, inner.fits!, { seed: 2, restarts: 3 }).labels));
    expect(Array.from(fitThemes({ stems }, options).labels)).toEqual(Array.from(fit.labels));
    // Fixed k: new partitions at k, returned for the stability.
    expect(fitThemes({ stems }, { ...options, k: fit.k }).partitions).toHaveLength(DEFAULT_FIT.consensus!.partitions);
  });
});
