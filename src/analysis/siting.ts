/**
 * Siting (maximal covering location): where to put K new facilities among candidates so that
 * the most people live within T minutes of one, on top of the places that already cover some.
 *
 * Each candidate covers a set of cells (those within T minutes of it: `withinOf`, one search per
 * candidate bounded at T, each cell's ways onto the network found once). Covered persons are a
 * monotone submodular function of the chosen set, so the greedy choice (each step the candidate
 * that adds the most persons) adds at least (1 − 1/e) ≈ 63 % of what the best choice adds
 * (Nemhauser, Wolsey and Fisher 1978). For small cases (K ≤ 3, at most 200 candidates) every
 * combination is tried instead, by branch and bound (a candidate's persons alone bound what it
 * can add), which gives the best choice itself.
 */

/** The chosen candidates in the order they are reported, with the persons each adds. */
export interface Cover {
  /** Candidate indices, in order (greedy order; for the exact choice, its sites in greedy order). */
  picks: number[];
  /** Persons each adds, in that order. */
  gains: number[];
  /** Persons covered by the picks and the places already there. */
  covered: number;
}

/** What a set adds to the cells covered so far (`count[i] > 0`). */
function gainOf(set: Int32Array, weights: Float64Array, count: Int32Array): number {
  let g = 0;
  for (let k = 0; k < set.length; k++) {
    const i = set[k]!;
    if (count[i] === 0) g += weights[i]!;
  }
  return g;
}

const addSet = (set: Int32Array, count: Int32Array, by: number): void => {
  for (let k = 0; k < set.length; k++) count[set[k]!]! += by;
};

/** The persons of the covered cells. */
function coveredOf(weights: Float64Array, count: Int32Array): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) if (count[i]! > 0) s += weights[i]!;
  return s;
}

/** Cells' weights with no figure (NaN) counted as none. */
const cleanWeights = (w: Float64Array): Float64Array => w.map((x) => (x === x && x > 0 ? x : 0));

/**
 * The greedy choice, lazily evaluated (a candidate's last gain bounds its next: gains only
 * shrink as more is covered). Ties go to the lower index. Stops early when nothing adds anyone.
 * @param sets - per candidate, the cells it covers
 * @param weights - persons per cell
 * @param already - cells the existing places cover (1), or none
 * @example greedyCover([Int32Array.of(0, 1), Int32Array.of(1, 2)], Float64Array.of(5, 1, 3), 1).picks // [0]
 */
export function greedyCover(sets: readonly Int32Array[], weights: Float64Array, k: number, already?: Uint8Array): Cover {
  const w = cleanWeights(weights);
  const count = new Int32Array(w.length);
  if (already) for (let i = 0; i < w.length; i++) count[i] = already[i]!;
  // A max-heap of (bound, candidate) as sorted arrays would be simplest; a binary heap keeps it fast.
  const bound = sets.map((s) => gainOf(s, w, count));
  const heap = sets.map((_, i) => i);
  const better = (a: number, b: number): boolean => bound[a]! > bound[b]! || (bound[a] === bound[b] && a < b);
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && better(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && better(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  // Each bound was last worked out at this many picks (all of them now, before the first).
  const fresh = new Int32Array(sets.length);
  const picks: number[] = [];
  const gains: number[] = [];
  while (picks.length < k && heap.length) {
    const top = heap[0]!;
    if (fresh[top] !== picks.length) {
      // Its bound is stale: recompute and sift it back.
      bound[top] = gainOf(sets[top]!, w, count);
      fresh[top] = picks.length;
      down(0);
      continue;
    }
    if (!(bound[top]! > 0)) break;
    picks.push(top);
    gains.push(bound[top]!);
    addSet(sets[top]!, count, 1);
    heap[0] = heap[heap.length - 1]!;
    heap.pop();
    down(0);
  }
  return { picks, gains, covered: coveredOf(w, count) };
}

/**
 * The best choice of `k` candidates, by trying every combination (branch and bound on the
 * candidates' persons alone, in decreasing order). Its sites are then put in greedy order for the
 * report. Meant for small cases (k ≤ 3 and a few hundred candidates).
 * @example exactCover(sets, persons, 2).covered >= greedyCover(sets, persons, 2).covered // true
 */
export function exactCover(sets: readonly Int32Array[], weights: Float64Array, k: number, already?: Uint8Array): Cover {
  const w = cleanWeights(weights);
  const count = new Int32Array(w.length);
  if (already) for (let i = 0; i < w.length; i++) count[i] = already[i]!;
  const base = coveredOf(w, count);
  const single = sets.map((s) => gainOf(s, w, count));
  const order = sets.map((_, i) => i).sort((a, b) => single[b]! - single[a]! || a - b);
  const depth = Math.min(k, sets.length);
  let best = -1;
  let bestSet: number[] = [];
  const chosen: number[] = [];
  const search = (from: number, have: number): void => {
    if (chosen.length === depth) {
      if (have > best) {
        best = have;
        bestSet = [...chosen];
      }
      return;
    }
    const left = depth - chosen.length;
    for (let p = from; p <= order.length - left; p++) {
      // The best this branch can reach: what it has, plus the largest singles still open.
      let bound = have;
      for (let q = p; q < p + left; q++) bound += single[order[q]!]!;
      if (bound <= best) return;
      const c = order[p]!;
      const g = gainOf(sets[c]!, w, count);
      addSet(sets[c]!, count, 1);
      chosen.push(c);
      search(p + 1, have + g);
      chosen.pop();
      addSet(sets[c]!, count, -1);
    }
  };
  search(0, base);
  // The chosen sites in greedy order (the one that adds most first).
  const sub = greedyCover(
    bestSet.map((c) => sets[c]!),
    weights,
    bestSet.length,
    already,
  );
  const picks = sub.picks.map((i) => bestSet[i]!);
  const gains = [...sub.gains];
  // A site that adds no one after the others still belongs to the best set: report it with 0.
  for (const c of bestSet)
    if (!picks.includes(c)) {
      picks.push(c);
      gains.push(0);
    }
  return { picks, gains, covered: Math.max(best, base) };
}

/** Whether a case is small enough to be solved exactly here (K ≤ 3, at most 200 candidates). */
export const exactFits = (k: number, candidates: number): boolean => k <= 3 && candidates <= 200;
