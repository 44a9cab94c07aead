import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze';
import { sphericalKmeans } from '../src/cluster/kmeans';
import { createRandom } from '../src/cluster/random';
import { parseBoard } from '../src/import/board';
import { bestJaccard, clusterStability, partitionStability, stabilityRuns } from '../src/describe/stability';
import { corpusText } from './helpers/corpus';

const cluster = (v: Float64Array[], k: number, seed: number) => sphericalKmeans(v, k, { seed, restarts: 1 }).labels;

function unit(v: number[]): Float64Array {
  const norm = Math.hypot(...v);
  return Float64Array.from(v, (x) => x / norm);
}

/** 20 points tight around one axis (a clean cluster) and 20 uniform noise points split in two. */
function planted(): { vectors: Float64Array[]; labels: Int32Array } {
  const random = createRandom(3);
  const vectors: Float64Array[] = [];
  for (let i = 0; i < 20; i++) vectors.push(unit([1, 0.05 * random(), 0.05 * random(), 0.05 * random()]));
  for (let i = 0; i < 20; i++) vectors.push(unit([0.02 * random(), random(), random(), random()]));
  const labels = cluster(vectors, 3, 1);
  return { vectors, labels: Int32Array.from(labels) };
}

describe('stability', () => {
  it('bestJaccard matches clusters regardless of their numbers', () => {
    expect(bestJaccard([0, 0, 1, 1], [1, 1, 0, 0], 2, 2)).toEqual([1, 1]);
    expect(bestJaccard([0, 0, 0, 0], [0, 0, 1, 1], 1, 2)).toEqual([0.5]);
    expect(bestJaccard([0, 0], [0, 0], 2, 1)[1]).toBeNaN();
  });

  it('is in [0, 1], higher for a planted clean cluster than for clusters cut out of noise', () => {
    const { vectors, labels } = planted();
    const clean = labels[0]!;
    for (let i = 1; i < 20; i++) expect(labels[i]).toBe(clean); // the clean cluster was found
    const stability = clusterStability(vectors, labels, 3, { runs: 10, seed: 42, cluster });
    for (const s of stability) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    const noise = stability.filter((_, c) => c !== clean);
    expect(stability[clean]).toBeGreaterThan(0.95);
    for (const s of noise) expect(stability[clean]!).toBeGreaterThan(s);
  });

  it('is deterministic for a seed', () => {
    const { vectors, labels } = planted();
    const a = clusterStability(vectors, labels, 3, { runs: 5, seed: 9, cluster });
    const b = clusterStability(vectors, labels, 3, { runs: 5, seed: 9, cluster });
    expect(a).toEqual(b);
  });

  it('partitionStability: mean best Jaccard over given partitions, NaN for an empty cluster', () => {
    expect(partitionStability([0, 0, 1, 1], 2, [[1, 1, 0, 0]])).toEqual([1, 1]);
    const [a, b] = partitionStability([0, 0, 1, 1], 2, [
      [1, 1, 0, 0],
      [0, 1, 1, 1],
    ]);
    expect(a).toBeCloseTo(0.75, 12);
    expect(b).toBeCloseTo((1 + 2 / 3) / 2, 12);
    // Items outside a partition (label -1) do not count.
    expect(partitionStability([0, 0, 1, 1], 2, [[0, -1, 1, 1]])).toEqual([1, 1]);
    expect(partitionStability([0, 0], 2, [[0, 0]])[1]).toBeNaN();
  });

  it('with the consensus, analyze takes the stability from its base partitions (deterministic; runs given: resampling)', () => {
    const notes = parseBoard(corpusText())
      .filter((u) => u.kind === 'note')
      .map((u) => u.text);
    const report = analyze(notes, { k: 8, seed: 5 });
    expect(analyze(notes, { k: 8, seed: 5 })).toEqual(report);
    const stabilities = report.themes.map((t) => t.stability!);
    for (const s of stabilities) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    // A number of runs asks for the resampling: other figures, the same themes.
    const resampled = analyze(notes, { k: 8, seed: 5, stability: 8 });
    expect(resampled.themes.map((t) => t.size)).toEqual(report.themes.map((t) => t.size));
    expect(resampled.themes.map((t) => t.stability)).not.toEqual(stabilities);
  });

  it('runs by default up to 5,000 notes, never when off, as many as asked', () => {
    expect(stabilityRuns(true, 5000)).toBeGreaterThan(0);
    expect(stabilityRuns(true, 5001)).toBe(0);
    expect(stabilityRuns(false, 10)).toBe(0);
    expect(stabilityRuns(4, 100_000)).toBe(4);
  });

  it('analyze reports a stability in [0, 1] for every theme, guided ones included', () => {
    const notes = [
      'Digitalisierung der Schulen',
      'Digitalisierung und Tablets',
      'Tablets und WLAN für Schulen',
      'Netzwerke stärken',
      'Netzwerke und Kooperation',
      'Kooperation der Träger',
      'Mensa Essen',
      'Sporthalle sanieren',
      'Mensa und Sporthalle',
    ];
    const report = analyze(notes, { k: 2, themes: [{ label: 'Vernetzung', terms: ['Netzwerk', 'Kooperation'] }] });
    for (const theme of report.themes) {
      expect(theme.stability, theme.label).toBeGreaterThanOrEqual(0);
      expect(theme.stability, theme.label).toBeLessThanOrEqual(1);
    }
    expect(analyze(notes, { k: 2, stability: false }).themes.every((t) => t.stability === undefined)).toBe(true);
    expect(analyze(notes, { k: 2 })).toEqual(analyze(notes, { k: 2 }));
  });
});
