// Who gets which mentor in a round: the exact assignment, a greedy baseline, and the candidate
// pairs both start from (pure, no I/O). Owns the algorithm; does not own the scores (scoring.ts)
// nor what a round stores (run-round.server.ts).
//
// The problem: mentees i, mentors j with free capacity c_j, candidate pairs with integer scores
// w_ij > 0 (avoided mentors and pairs below the minimum fit are never candidates). Choose pairs,
// at most one per mentee and at most c_j per mentor, maximising the total score. It is a
// transportation problem, so its linear relaxation has integral optima and a min-cost flow solves
// it exactly: source → mentor (capacity c_j) → mentee (cost W − w_ij) → sink (capacity 1).
//
// The method: successive shortest paths with Johnson potentials (reduced costs stay ≥ 0, so each
// search is a Dijkstra), in primal–dual phases: after each Dijkstra every augmenting path of that
// same shortest length is taken by depth-first search on the zero-reduced-cost edges (as
// Hopcroft–Karp does for the unweighted case). Each augmentation adds one matched mentee, and
// every path costs W − (gain), so the flow after k augmentations is the best k-matching.
//
// Two objectives, an explicit choice of the caller:
// - "score" (the default): maximise the total score. Stop when the next augmenting path gains
//   nothing (its cost reaches W). A mentee may stay unmatched even with a mentor free, when
//   matching them would cost a better pair elsewhere more than it adds.
// - "count-then-score": first match as many mentees as possible, then maximise the score among
//   those largest matchings (min-cost max-flow: run until no augmenting path is left).
//
// Ties: time waiting is part of the score (scoring.ts), so a longer wait is a higher score. Between
// pairs of exactly equal score the search looks at each mentor's candidates longest-waiting first,
// so the longest-waiting mentee is taken among equal options; this orders the search, it is not a
// second objective solved exactly.
//
// Pruning (`perMentee`): each mentee keeps only their K best-scoring mentors. This CAN change the
// optimum (a mentee whose K best mentors are all taken might have fitted an eleventh); the bench
// measures how much on 20,000 × 500. Without `perMentee` every pair with a positive score is kept
// and the result is exact for the full problem.

import type { EncodedMentee, EncodedMentors, MatchWeights } from "./scoring";
import { fitOf, scoreOf } from "./scoring";

export type Objective = "score" | "count-then-score";

/** Candidate pairs, grouped by mentee (compressed rows). */
export type CandidateGraph = {
  mentees: number;
  mentors: number;
  /** Free places of each mentor this round. */
  capacity: Int32Array;
  /** When each mentee joined the line (ms since epoch): smaller is longer waiting. */
  waitingSince: Float64Array;
  /** Pairs of mentee i are `start[i]` … `start[i+1]-1`. */
  start: Int32Array;
  mentor: Int32Array;
  score: Int32Array;
};

export type Assignment = {
  /** The chosen mentor of each mentee, or −1. */
  mentorOf: Int32Array;
  /** The pair index (into the graph's arrays) chosen for each mentee, or −1. */
  pairOf: Int32Array;
  total: number;
  matched: number;
  /** Dijkstra phases the exact method ran (0 for greedy). */
  phases: number;
};

export type CandidateOptions = {
  mentors: EncodedMentors;
  capacity: Int32Array;
  mentees: readonly EncodedMentee[];
  waitingSince: Float64Array;
  weights: MatchWeights;
  /** Mentors a mentee asked not to be matched with (indexes), if any. */
  avoided?: (mentee: number) => ReadonlySet<number> | undefined;
  /** Keep only each mentee's K best mentors; omit to keep every pair with a positive score. */
  perMentee?: number;
};

/**
 * Every candidate pair (score > 0, mentor with free capacity, not avoided), pruned if asked.
 * With pruning the mentors are visited in groups of falling best possible score: a specialty the
 * mentee aims for and licensed in a preferred state, that specialty elsewhere, a related specialty
 * in a preferred state, and so on; a group is skipped once the mentee's K kept pairs all score at
 * least the best that group could reach. The kept pairs are the K best either way (ties aside); the
 * skip only saves time (most of 360 million pairs need not be scored).
 */
export function buildCandidates(o: CandidateOptions): CandidateGraph {
  const N = o.mentees.length;
  const M = o.mentors.count;
  const w = o.weights;
  const K = o.perMentee ?? 0;
  const e = o.mentors;
  const specialtyGroup = (j: number) => (e.specialty[j] < 0 ? 32 : e.specialty[j]);
  // Open mentors by specialty, by state, and by both (the last specialty group: none known).
  const bySpecialty: number[][] = Array.from({ length: 33 }, () => []);
  const byState: number[][] = Array.from({ length: 62 }, () => []);
  const bySpecialtyState: number[][][] = Array.from({ length: 33 }, () => Array.from({ length: 62 }, () => []));
  const open: number[] = [];
  for (let j = 0; j < M; j++) {
    if (o.capacity[j] <= 0) continue;
    open.push(j);
    bySpecialty[specialtyGroup(j)].push(j);
    for (let st = 0; st < 62; st++) {
      if (!(st < 31 ? (e.statesLo[j] >>> st) & 1 : (e.statesHi[j] >>> (st - 31)) & 1)) continue;
      byState[st].push(j);
      bySpecialtyState[specialtyGroup(j)][st].push(j);
    }
  }
  const toArrays = (xs: number[][]) => xs.map((x) => Int32Array.from(x));
  const specialtyLists = toArrays(bySpecialty);
  const stateLists = toArrays(byState);
  const specialtyStateLists = bySpecialtyState.map(toArrays);
  const allOpen = Int32Array.from(open);

  const start = new Int32Array(N + 1);
  let mentorOut = new Int32Array(Math.max(16, K > 0 ? N * Math.min(K, allOpen.length) : 1024));
  let scoreOut = new Int32Array(mentorOut.length);
  let size = 0;
  const push = (j: number, s: number) => {
    if (size === mentorOut.length) {
      const m2 = new Int32Array(mentorOut.length * 2);
      m2.set(mentorOut);
      mentorOut = m2;
      const s2 = new Int32Array(scoreOut.length * 2);
      s2.set(scoreOut);
      scoreOut = s2;
    }
    mentorOut[size] = j;
    scoreOut[size++] = s;
  };
  const topJ = new Int32Array(Math.max(1, K));
  const topS = new Int32Array(Math.max(1, K));
  const stamp = new Int32Array(M);
  let kept = 0;
  let minAt = 0;
  const offer = (i: number, m: EncodedMentee, list: Int32Array, avoid: ReadonlySet<number> | undefined) => {
    const L = list.length;
    if (L === 0) return;
    // A rotating start spreads equal scores over all mentors instead of the first ones listed.
    const offset = (Math.imul(i + 1, 2654435761) >>> 0) % L;
    const mark = i + 1;
    for (let r = 0; r < L; r++) {
      const at = r + offset;
      const j = list[at < L ? at : at - L];
      if (stamp[j] === mark) continue;
      stamp[j] = mark;
      const s = scoreOf(fitOf(e, j, m, w), m, w);
      if (s <= 0) continue;
      if (K === 0) {
        if (!avoid?.has(j)) push(j, s);
        continue;
      }
      if (kept === K && s <= topS[minAt]) continue;
      if (avoid?.has(j)) continue;
      if (kept < K) {
        topJ[kept] = j;
        topS[kept++] = s;
      } else {
        topJ[minAt] = j;
        topS[minAt] = s;
      }
      if (kept === K) {
        minAt = 0;
        for (let k = 1; k < K; k++) if (topS[k] < topS[minAt]) minAt = k;
      }
    }
  };
  for (let i = 0; i < N; i++) {
    start[i] = size;
    const m = o.mentees[i];
    const avoid = o.avoided?.(i);
    if (K === 0) {
      offer(i, m, allOpen, avoid);
      continue;
    }
    kept = 0;
    minAt = 0;
    // The most any mentor could add besides the specialty and state points.
    const rest =
      (m.topics ? w.topics : 0) +
      (m.language || m.languageName ? w.language : 0) +
      (m.availability ? w.availability : 0) +
      (m.settings ? w.practiceSetting : 0) +
      (m.wantsCommittee ? w.selectionCommittee : 0);
    const states: number[] = [];
    for (let st = 0; st < 62; st++) if (st < 31 ? (m.statesLo >>> st) & 1 : (m.statesHi >>> (st - 31)) & 1) states.push(st);
    const target: number[] = [];
    const related: number[] = [];
    for (let s = 0; s < 32; s++) {
      if ((m.targets >>> s) & 1) target.push(s);
      else if ((m.family >>> s) & 1) related.push(s);
    }
    const inStates = (groups: number[]) => groups.flatMap((s) => states.map((st) => specialtyStateLists[s][st]));
    const stateBonus = states.length ? w.state : 0;
    const classes: { bound: number; lists: Int32Array[] }[] = [
      { bound: w.sameSpecialty + stateBonus + rest, lists: inStates(target) },
      { bound: w.sameSpecialty + rest, lists: target.map((s) => specialtyLists[s]) },
      { bound: w.relatedSpecialty + stateBonus + rest, lists: inStates(related) },
      { bound: w.relatedSpecialty + rest, lists: related.map((s) => specialtyLists[s]) },
      { bound: stateBonus + rest, lists: states.map((st) => stateLists[st]) },
      { bound: rest, lists: [allOpen] },
    ];
    classes.sort((a, b) => b.bound - a.bound);
    for (const c of classes) {
      if (c.bound < w.minimumFit) break;
      if (kept === K && topS[minAt] >= c.bound + m.waiting) break;
      for (const list of c.lists) offer(i, m, list, avoid);
    }
    for (let k = 0; k < kept; k++) push(topJ[k], topS[k]);
  }
  start[N] = size;
  return {
    mentees: N,
    mentors: M,
    capacity: o.capacity,
    waitingSince: o.waitingSince,
    start,
    mentor: mentorOut.subarray(0, size),
    score: scoreOut.subarray(0, size),
  };
}

/** Mentees in line order: longest waiting first, then by index. */
export function lineOrder(g: CandidateGraph): Int32Array {
  const order = Int32Array.from({ length: g.mentees }, (_, i) => i);
  order.sort((a, b) => g.waitingSince[a] - g.waitingSince[b] || a - b);
  return order;
}

/** A binary min-heap of (key, node) on typed arrays, with lazy deletion by the caller. */
class MinHeap {
  keys = new Float64Array(1024);
  nodes = new Int32Array(1024);
  size = 0;
  clear() {
    this.size = 0;
  }
  push(key: number, node: number) {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.nodes = n;
    }
    let at = this.size++;
    while (at > 0) {
      const up = (at - 1) >> 1;
      if (this.keys[up] <= key) break;
      this.keys[at] = this.keys[up];
      this.nodes[at] = this.nodes[up];
      at = up;
    }
    this.keys[at] = key;
    this.nodes[at] = node;
  }
  /** Removes the smallest; read `topKey`/`topNode` first. */
  pop() {
    const last = --this.size;
    const key = this.keys[last];
    const node = this.nodes[last];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= last) break;
      if (child + 1 < last && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= key) break;
      this.keys[at] = this.keys[child];
      this.nodes[at] = this.nodes[child];
      at = child;
    }
    this.keys[at] = key;
    this.nodes[at] = node;
  }
}

/** The exact assignment (see the head of this file). */
export function assignExactly(g: CandidateGraph, objective: Objective = "score"): Assignment {
  const N = g.mentees;
  const M = g.mentors;
  const E = g.mentor.length;
  const T = M + N;
  let wmax = 0;
  for (let e = 0; e < E; e++) if (g.score[e] > wmax) wmax = g.score[e];

  // The pairs again, grouped by mentor, each mentor's list longest-waiting first.
  const mStart = new Int32Array(M + 1);
  for (let e = 0; e < E; e++) mStart[g.mentor[e] + 1]++;
  for (let j = 0; j < M; j++) mStart[j + 1] += mStart[j];
  const fill = mStart.slice(0, M);
  const adj = new Int32Array(E);
  const cost = new Int32Array(E);
  const pairAt = new Int32Array(E);
  for (const i of lineOrder(g)) {
    for (let e = g.start[i]; e < g.start[i + 1]; e++) {
      const k = fill[g.mentor[e]]++;
      adj[k] = i;
      cost[k] = wmax - g.score[e];
      pairAt[k] = e;
    }
  }

  const matchOf = new Int32Array(N).fill(-1);
  const matchK = new Int32Array(N).fill(-1);
  const used = new Int32Array(M);
  const piM = new Float64Array(M);
  const piN = new Float64Array(N);
  let piT = 0;
  const distM = new Float64Array(M);
  const distN = new Float64Array(N);
  const heap = new MinHeap();
  const seen = new Int32Array(N);
  const ptr = new Int32Array(M);
  const stackM = new Int32Array(N + 2);
  const stackK = new Int32Array(N + 2);
  let phase = 0;

  const augmentFrom = (j0: number): boolean => {
    let depth = 0;
    stackM[0] = j0;
    while (depth >= 0) {
      const j = stackM[depth];
      let advanced = false;
      const end = mStart[j + 1];
      while (ptr[j] < end) {
        const k = ptr[j];
        const i = adj[k];
        if (seen[i] === phase || matchOf[i] === j || cost[k] + piM[j] - piN[i] !== 0) {
          ptr[j]++;
          continue;
        }
        seen[i] = phase;
        ptr[j]++;
        const owner = matchOf[i];
        if (owner < 0) {
          if (piN[i] !== piT) continue;
          stackK[depth] = k;
          for (let d = 0; d <= depth; d++) {
            const kk = stackK[d];
            matchOf[adj[kk]] = stackM[d];
            matchK[adj[kk]] = kk;
          }
          used[j0]++;
          return true;
        }
        if (-cost[matchK[i]] + piN[i] - piM[owner] !== 0) continue;
        stackK[depth] = k;
        stackM[++depth] = owner;
        advanced = true;
        break;
      }
      if (!advanced) depth--;
    }
    return false;
  };

  for (;;) {
    distM.fill(Number.POSITIVE_INFINITY);
    distN.fill(Number.POSITIVE_INFINITY);
    let distT = Number.POSITIVE_INFINITY;
    heap.clear();
    for (let j = 0; j < M; j++) {
      if (used[j] < g.capacity[j]) {
        distM[j] = -piM[j];
        heap.push(distM[j], j);
      }
    }
    while (heap.size > 0) {
      const d = heap.keys[0];
      const v = heap.nodes[0];
      heap.pop();
      if (v === T) break;
      if (v < M) {
        if (d > distM[v]) continue;
        const base = d + piM[v];
        for (let k = mStart[v], end = mStart[v + 1]; k < end; k++) {
          const i = adj[k];
          if (matchOf[i] === v) continue;
          const nd = base + cost[k] - piN[i];
          if (nd < distN[i]) {
            distN[i] = nd;
            heap.push(nd, M + i);
          }
        }
      } else {
        const i = v - M;
        if (d > distN[i]) continue;
        const owner = matchOf[i];
        if (owner < 0) {
          const nd = d + piN[i] - piT;
          if (nd < distT) {
            distT = nd;
            heap.push(nd, T);
          }
        } else {
          const nd = d - cost[matchK[i]] + piN[i] - piM[owner];
          if (nd < distM[owner]) {
            distM[owner] = nd;
            heap.push(nd, owner);
          }
        }
      }
    }
    if (distT === Number.POSITIVE_INFINITY) break;
    for (let j = 0; j < M; j++) piM[j] += Math.min(distM[j], distT);
    for (let i = 0; i < N; i++) piN[i] += Math.min(distN[i], distT);
    piT += distT;
    // Every shortest augmenting path now costs piT = W − gain.
    if (objective === "score" && piT >= wmax) break;
    phase++;
    ptr.set(mStart.subarray(0, M));
    let augmented = 0;
    for (let j = 0; j < M; j++) {
      while (used[j] < g.capacity[j] && augmentFrom(j)) augmented++;
    }
    if (augmented === 0) throw new Error("assignment: a shortest path was found but not followed (a bug)");
  }

  const mentorOf = new Int32Array(N).fill(-1);
  const pairOf = new Int32Array(N).fill(-1);
  let total = 0;
  let matched = 0;
  for (let i = 0; i < N; i++) {
    if (matchOf[i] < 0) continue;
    mentorOf[i] = matchOf[i];
    pairOf[i] = pairAt[matchK[i]];
    total += g.score[pairOf[i]];
    matched++;
  }
  return { mentorOf, pairOf, total, matched, phases: phase };
}

/** The greedy baseline: best-scoring pairs first (longest-waiting first among equals), while places last. */
export function assignGreedily(g: CandidateGraph): Assignment {
  const N = g.mentees;
  const E = g.mentor.length;
  let wmax = 0;
  for (let e = 0; e < E; e++) if (g.score[e] > wmax) wmax = g.score[e];
  // Counting sort by score, descending; within a score the line order.
  const bucketStart = new Int32Array(wmax + 2);
  for (let e = 0; e < E; e++) bucketStart[wmax - g.score[e] + 1]++;
  for (let s = 0; s <= wmax; s++) bucketStart[s + 1] += bucketStart[s];
  const sorted = new Int32Array(E);
  for (const i of lineOrder(g)) for (let e = g.start[i]; e < g.start[i + 1]; e++) sorted[bucketStart[wmax - g.score[e]]++] = e;
  const menteeOf = new Int32Array(E);
  for (let i = 0; i < N; i++) for (let e = g.start[i]; e < g.start[i + 1]; e++) menteeOf[e] = i;
  const left = Int32Array.from(g.capacity);
  const mentorOf = new Int32Array(N).fill(-1);
  const pairOf = new Int32Array(N).fill(-1);
  let total = 0;
  let matched = 0;
  for (let r = 0; r < E; r++) {
    const e = sorted[r];
    const i = menteeOf[e];
    const j = g.mentor[e];
    if (mentorOf[i] >= 0 || left[j] <= 0) continue;
    mentorOf[i] = j;
    pairOf[i] = e;
    left[j]--;
    total += g.score[e];
    matched++;
  }
  return { mentorOf, pairOf, total, matched, phases: 0 };
}

/** A graph from explicit pairs (tests, the CLI's check): pairs [mentee, mentor, score]. */
export function graphOf(mentees: number, capacity: readonly number[], waitingSince: readonly number[], pairs: readonly (readonly [number, number, number])[]): CandidateGraph {
  const sorted = [...pairs].filter((p) => p[2] > 0).sort((a, b) => a[0] - b[0]);
  const start = new Int32Array(mentees + 1);
  for (const [i] of sorted) start[i + 1]++;
  for (let i = 0; i < mentees; i++) start[i + 1] += start[i];
  return {
    mentees,
    mentors: capacity.length,
    capacity: Int32Array.from(capacity),
    waitingSince: Float64Array.from(waitingSince),
    start,
    mentor: Int32Array.from(sorted.map((p) => p[1])),
    score: Int32Array.from(sorted.map((p) => p[2])),
  };
}
