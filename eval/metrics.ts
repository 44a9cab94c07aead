/**
 * External clustering scores against gold labels, computed as scikit-learn
 * does: NMI with arithmetic normalisation (= V-measure with beta 1),
 * adjusted Rand index, homogeneity, completeness, largest-cluster share.
 * Predicted label -1 (unassigned) counts as a cluster of its own.
 */

/** The contingency table of two labelings. */
interface Contingency {
  n: number;
  /** cell counts keyed `${a}\u0000${b}` */
  cells: Map<string, number>;
  rows: Map<string, number>;
  cols: Map<string, number>;
}

function contingency(truth: ArrayLike<string | number>, pred: ArrayLike<string | number>): Contingency {
  if (truth.length !== pred.length) throw new Error(`labelings differ in length: ${truth.length} vs ${pred.length}`);
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < truth.length; i++) {
    const a = String(truth[i]);
    const b = String(pred[i]);
    const key = `${a}\u0000${b}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(a, (rows.get(a) ?? 0) + 1);
    cols.set(b, (cols.get(b) ?? 0) + 1);
  }
  return { n: truth.length, cells, rows, cols };
}

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

function mutualInformation(t: Contingency): number {
  let mi = 0;
  for (const [key, c] of t.cells) {
    const [a, b] = key.split('\u0000') as [string, string];
    mi += (c / t.n) * Math.log((c * t.n) / (t.rows.get(a)! * t.cols.get(b)!));
  }
  return Math.max(0, mi);
}

/** All scores of one clustering against gold labels. */
export interface Scores {
  nmi: number;
  ari: number;
  vMeasure: number;
  homogeneity: number;
  completeness: number;
  /** Share of items in the biggest predicted cluster. */
  largest: number;
}

/**
 * Normalised mutual information, arithmetic mean of the entropies
 * (scikit-learn's default). 1 when both labelings have a single class.
 *
 * @example
 * ```ts
 * nmi([0, 0, 1, 1], [1, 1, 0, 0]); // 1
 * ```
 */
export function nmi(truth: ArrayLike<string | number>, pred: ArrayLike<string | number>): number {
  const t = contingency(truth, pred);
  if (t.rows.size === 1 && t.cols.size === 1) return 1;
  if (t.rows.size === 1 || t.cols.size === 1) return 0;
  const hA = entropy(t.rows.values(), t.n);
  const hB = entropy(t.cols.values(), t.n);
  const denom = (hA + hB) / 2;
  return denom > 0 ? mutualInformation(t) / denom : 0;
}

/**
 * Homogeneity, completeness and V-measure (beta = 1).
 *
 * @example
 * ```ts
 * vMeasure([0, 0, 1, 1], [0, 0, 0, 0]).homogeneity; // 0
 * ```
 */
export function vMeasure(
  truth: ArrayLike<string | number>,
  pred: ArrayLike<string | number>,
): { homogeneity: number; completeness: number; vMeasure: number } {
  const t = contingency(truth, pred);
  const hC = entropy(t.rows.values(), t.n);
  const hK = entropy(t.cols.values(), t.n);
  const mi = mutualInformation(t);
  const homogeneity = hC === 0 ? 1 : mi / hC;
  const completeness = hK === 0 ? 1 : mi / hK;
  const v = homogeneity + completeness === 0 ? 0 : (2 * homogeneity * completeness) / (homogeneity + completeness);
  return { homogeneity, completeness, vMeasure: v };
}

const comb2 = (x: number): number => (x * (x - 1)) / 2;

/**
 * Adjusted Rand index (Hubert & Arabie 1985), as scikit-learn.
 *
 * @example
 * ```ts
 * ari([0, 0, 1, 1], [0, 0, 1, 1]); // 1
 * ```
 */
export function ari(truth: ArrayLike<string | number>, pred: ArrayLike<string | number>): number {
  const t = contingency(truth, pred);
  if (t.n < 2) return 1;
  // sklearn special cases: both single-cluster or both all-singletons -> 1
  if ((t.rows.size === 1 && t.cols.size === 1) || (t.rows.size === t.n && t.cols.size === t.n) ||
      (t.rows.size === t.cols.size && t.cells.size === t.rows.size && (t.rows.size === 1 || t.rows.size === t.n))) {
    return 1;
  }
  let sumCells = 0;
  for (const c of t.cells.values()) sumCells += comb2(c);
  let sumRows = 0;
  for (const c of t.rows.values()) sumRows += comb2(c);
  let sumCols = 0;
  for (const c of t.cols.values()) sumCols += comb2(c);
  const expected = (sumRows * sumCols) / comb2(t.n);
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return 1;
  return (sumCells - expected) / (max - expected);
}

/** Share of items in the largest predicted cluster. */
export function largestShare(pred: ArrayLike<string | number>): number {
  const counts = new Map<string, number>();
  let best = 0;
  for (let i = 0; i < pred.length; i++) {
    const key = String(pred[i]);
    const c = (counts.get(key) ?? 0) + 1;
    counts.set(key, c);
    if (c > best) best = c;
  }
  return pred.length ? best / pred.length : 0;
}

/**
 * Every score at once.
 *
 * @example
 * ```ts
 * score(['a', 'a', 'b'], [0, 0, 1]).nmi; // 1
 * ```
 */
export function score(truth: ArrayLike<string | number>, pred: ArrayLike<string | number>): Scores {
  const v = vMeasure(truth, pred);
  return {
    nmi: nmi(truth, pred),
    ari: ari(truth, pred),
    vMeasure: v.vMeasure,
    homogeneity: v.homogeneity,
    completeness: v.completeness,
    largest: largestShare(pred),
  };
}
