import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../eval/data';
import { ari, largestShare, nmi, score, vMeasure } from '../eval/metrics';

// Values printed by scikit-learn 1.2.1 (normalized_mutual_info_score, adjusted_rand_score,
// homogeneity_score, completeness_score) for these label pairs.
const SKLEARN: Array<[number[], number[], number, number, number, number]> = [
  [[0, 0, 1, 1], [0, 0, 1, 2], 0.8, 0.5714285714285714, 1, 0.6666666666666666],
  [[0, 0, 0, 1, 1, 1], [0, 1, 1, 1, 2, 2], 0.4398695005110285, 0.11764705882352941, 0.5408520829727552, 0.370662957923173],
  [[0, 1, 2, 0, 1, 2, 0, 1, 2, 2], [1, 1, 0, 0, 2, 2, 2, 0, 1, 1], 0.012714017928048455, -0.25, 0.012714017928048455, 0.012714017928048455],
  [[0, 0, 1, 1], [0, 1, 0, 1], 0, -0.5, 0, 0],
];

describe('eval metrics', () => {
  it('match scikit-learn on small label pairs', () => {
    for (const [a, b, n, r, h, c] of SKLEARN) {
      expect(nmi(a, b)).toBeCloseTo(n, 10);
      expect(ari(a, b)).toBeCloseTo(r, 10);
      const v = vMeasure(a, b);
      expect(v.homogeneity).toBeCloseTo(h, 10);
      expect(v.completeness).toBeCloseTo(c, 10);
      expect(v.vMeasure).toBeCloseTo(n, 10); // arithmetic NMI = V-measure
    }
  });

  it('hand-computed case: a refinement of the truth', () => {
    // H(C) = ln 2, H(K) = 1.5 ln 2, I = ln 2 → NMI = 1 / 1.25; ARI = (1 - 1/3) / (3/2 - 1/3) = 4/7.
    expect(nmi(['a', 'a', 'b', 'b'], [0, 0, 1, 2])).toBeCloseTo(0.8, 12);
    expect(ari(['a', 'a', 'b', 'b'], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
    expect(largestShare([0, 0, 1, 2])).toBe(0.5);
  });

  it('is invariant to renaming clusters and 1 on identical partitions', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 60 }), (labels) => {
        const renamed = labels.map((l) => `c${(l * 7 + 3) % 11}`);
        const s = score(labels, renamed);
        if (new Set(labels).size > 1) {
          expect(s.nmi).toBeCloseTo(1, 10);
          expect(s.ari).toBeCloseTo(1, 10);
        }
        const t = score(labels, [...labels].reverse());
        expect(t.nmi).toBeGreaterThanOrEqual(0);
        expect(t.nmi).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('parses the 10kGNAD CSV dialect', () => {
    expect(parseDelimited("Web;'a;b ''c'''\r\nSport;plain\r\n", ';', "'")).toEqual([
      ['Web', "a;b 'c'"],
      ['Sport', 'plain'],
    ]);
  });
});
