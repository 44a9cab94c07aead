// Clustering scores against gold labels, computed like scikit-learn 1.2:
// normalized_mutual_info_score (arithmetic mean normalisation) and
// adjusted_rand_score. Labels are any strings/numbers; one array entry a note.

function contingency(truth, pred) {
  if (truth.length !== pred.length) throw new Error(`label arrays differ in length: ${truth.length} vs ${pred.length}`);
  const ti = new Map();
  const pi = new Map();
  const t = new Int32Array(truth.length);
  const p = new Int32Array(pred.length);
  for (let i = 0; i < truth.length; i++) {
    if (!ti.has(truth[i])) ti.set(truth[i], ti.size);
    if (!pi.has(pred[i])) pi.set(pred[i], pi.size);
    t[i] = ti.get(truth[i]);
    p[i] = pi.get(pred[i]);
  }
  const R = ti.size;
  const C = pi.size;
  const table = new Float64Array(R * C);
  for (let i = 0; i < t.length; i++) table[t[i] * C + p[i]]++;
  const rows = new Float64Array(R);
  const cols = new Float64Array(C);
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) {
    rows[r] += table[r * C + c];
    cols[c] += table[r * C + c];
  }
  return { table, rows, cols, R, C, n: truth.length };
}

function entropy(counts, n) {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/**
 * Normalised mutual information, arithmetic normalisation (sklearn default).
 *
 * @example nmi(['a', 'a', 'b'], [1, 1, 2]) // 1
 */
export function nmi(truth, pred) {
  const { table, rows, cols, R, C, n } = contingency(truth, pred);
  if ((R === 1 && C === 1) || n === 0) return 1;
  let mi = 0;
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const x = table[r * C + c];
      if (x > 0) mi += (x / n) * Math.log((x * n) / (rows[r] * cols[c]));
    }
  }
  const norm = (entropy(rows, n) + entropy(cols, n)) / 2;
  if (mi <= 0 || norm <= 0) return 0;
  return Math.min(1, Math.max(0, mi / norm));
}

/**
 * Adjusted Rand index.
 *
 * @example ari(['a', 'a', 'b', 'b'], [0, 0, 1, 1]) // 1
 */
export function ari(truth, pred) {
  const { table, rows, cols, n } = contingency(truth, pred);
  const c2 = (x) => (x * (x - 1)) / 2;
  let sumCells = 0;
  for (const x of table) sumCells += c2(x);
  let sumRows = 0;
  for (const x of rows) sumRows += c2(x);
  let sumCols = 0;
  for (const x of cols) sumCols += c2(x);
  const expected = (sumRows * sumCols) / c2(n);
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return 1;
  return (sumCells - expected) / (max - expected);
}

/**
 * Share of notes in the largest cluster (degeneracy check).
 *
 * @example largestShare([0, 0, 1]) // 0.666…
 */
export function largestShare(pred) {
  const counts = new Map();
  for (const p of pred) counts.set(p, (counts.get(p) ?? 0) + 1);
  return Math.max(...counts.values()) / pred.length;
}
