import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kneeScores } from '../src/cluster/knee';

const argmax = (xs: number[]) => xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);

describe('kneeScores', () => {
  it('finds the elbow of a hand-made curve', () => {
    // Steep fall to k = 4, then nearly flat: the knee is k = 4.
    const ks = [2, 3, 4, 5, 6, 7, 8];
    const curve = [100, 70, 40, 37, 35, 33, 31];
    const scores = kneeScores(ks, curve);
    expect(ks[argmax(scores)]).toBe(4);
    expect(scores[0]).toBeCloseTo(0, 12);
    expect(scores[6]).toBeCloseTo(0, 12);
  });

  it('is 0 everywhere for a straight line and for too few points', () => {
    expect(kneeScores([2, 3, 4, 5], [8, 6, 4, 2]).every((s) => Math.abs(s) < 1e-12)).toBe(true);
    expect(kneeScores([2, 3], [5, 1])).toEqual([0, 0]);
    expect(kneeScores([2, 3, 4], [5, 5, 5])).toEqual([0, 0, 0]);
  });

  it('names the mismatch when the lengths differ', () => {
    expect(() => kneeScores([2, 3, 4], [1, 2])).toThrow('3 x values but 2 curve values');
  });

  it('does not depend on the scale or offset of the curve', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 1, noNaN: true }), { minLength: 3, maxLength: 20 }),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (steps, scale, offset) => {
          // A falling curve from cumulative steps.
          let v = 0;
          const curve = steps.map((s) => (v -= s));
          const ks = curve.map((_, i) => i + 2);
          const a = kneeScores(ks, curve);
          const b = kneeScores(ks, curve.map((c) => c * scale + offset));
          a.forEach((s, i) => {
            expect(b[i]).toBeCloseTo(s, 6);
          });
        },
      ),
    );
  });

  it('picks the corner of an L-shaped curve wherever it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 18 }), (corner) => {
        const ks = Array.from({ length: 19 }, (_, i) => i + 2);
        const curve = ks.map((k) => (k <= corner ? 100 - (k - 2) * (90 / (corner - 2)) : 10 - (k - corner) * 0.01));
        expect(ks[argmax(kneeScores(ks, curve))]).toBe(corner);
      }),
    );
  });
});
