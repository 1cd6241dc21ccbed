import highsLoader from "highs";
import { describe, expect, it } from "vitest";
import { type Assignment, assignExactly, assignGreedily, buildCandidates, type CandidateGraph, graphOf, type Objective } from "./assignment";
import { defaultMatchWeights, encodeMentee, encodeMentors, LanguageBits } from "./scoring";
import { seededRandom, syntheticMentees, syntheticMentors } from "./synthetic";

/** Checks the rules every assignment keeps, whatever the method. */
function expectValid(g: CandidateGraph, a: Assignment) {
  const load = new Int32Array(g.mentors);
  let total = 0;
  for (let i = 0; i < g.mentees; i++) {
    if (a.mentorOf[i] < 0) continue;
    const e = a.pairOf[i];
    expect(e).toBeGreaterThanOrEqual(g.start[i]);
    expect(e).toBeLessThan(g.start[i + 1]);
    expect(g.mentor[e]).toBe(a.mentorOf[i]);
    load[a.mentorOf[i]]++;
    total += g.score[e];
  }
  for (let j = 0; j < g.mentors; j++) expect(load[j]).toBeLessThanOrEqual(g.capacity[j]);
  expect(total).toBe(a.total);
}

/** Every assignment by enumeration: the best [count, total] for both objectives. */
function bruteForce(g: CandidateGraph) {
  const left = Array.from(g.capacity);
  let bestScore = 0;
  let bestCount: [number, number] = [0, 0];
  const walk = (i: number, count: number, total: number) => {
    if (i === g.mentees) {
      bestScore = Math.max(bestScore, total);
      if (count > bestCount[0] || (count === bestCount[0] && total > bestCount[1])) bestCount = [count, total];
      return;
    }
    walk(i + 1, count, total);
    for (let e = g.start[i]; e < g.start[i + 1]; e++) {
      const j = g.mentor[e];
      if (left[j] === 0) continue;
      left[j]--;
      walk(i + 1, count + 1, total + g.score[e]);
      left[j]++;
    }
  };
  walk(0, 0, 0);
  return { bestScore, bestCount };
}

function randomGraph(seed: number, mentees: number, mentors: number, density: number, maxScore = 20): CandidateGraph {
  const r = seededRandom(seed);
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < mentees; i++) for (let j = 0; j < mentors; j++) if (r() < density) pairs.push([i, j, 1 + Math.floor(r() * maxScore)]);
  const capacity = Array.from({ length: mentors }, () => Math.floor(r() * 3));
  const waiting = Array.from({ length: mentees }, () => Math.floor(r() * 1000));
  return graphOf(mentees, capacity, waiting, pairs);
}

describe("assignExactly on hand-made rounds", () => {
  it("takes the better total over the greedy first choice", () => {
    // Greedy gives mentee 0 the mentor both want (10) and leaves mentee 1 out; the best is 9 + 8.
    const g = graphOf(
      2,
      [1, 1],
      [0, 0],
      [
        [0, 0, 10],
        [0, 1, 9],
        [1, 0, 8],
      ],
    );
    expect(assignGreedily(g).total).toBe(10);
    const a = assignExactly(g);
    expect(a.total).toBe(17);
    expect(Array.from(a.mentorOf)).toEqual([1, 0]);
  });

  it("leaves a mentee out when every score is zero or there is no place", () => {
    const g = graphOf(
      3,
      [1, 0],
      [0, 0, 0],
      [
        [0, 0, 5],
        [1, 1, 9],
        [2, 0, 0],
      ],
    );
    const a = assignExactly(g);
    expect(Array.from(a.mentorOf)).toEqual([0, -1, -1]);
  });

  it("gives the one place to the longest-waiting of two equal mentees", () => {
    const g = graphOf(
      2,
      [1],
      [2000, 1000],
      [
        [0, 0, 7],
        [1, 0, 7],
      ],
    );
    expect(Array.from(assignExactly(g).mentorOf)).toEqual([-1, 0]);
    expect(Array.from(assignGreedily(g).mentorOf)).toEqual([-1, 0]);
  });

  it("fills a mentor up to their capacity and no further", () => {
    const g = graphOf(
      4,
      [2],
      [0, 1, 2, 3],
      [
        [0, 0, 1],
        [1, 0, 4],
        [2, 0, 3],
        [3, 0, 2],
      ],
    );
    const a = assignExactly(g);
    expect(Array.from(a.mentorOf)).toEqual([-1, 0, 0, -1]);
    expect(a.total).toBe(7);
  });

  it("matches more people under count-then-score, fewer points", () => {
    // Mentee 0 fits both mentors; mentee 1 only mentor 0. Score alone: 0→0 (10) + nothing (1→? taken) vs
    // 0→1 (1) + 1→0 (2) = 3: score prefers 10 with one match, count prefers two matches.
    const g = graphOf(
      2,
      [1, 1],
      [0, 0],
      [
        [0, 0, 10],
        [0, 1, 1],
        [1, 0, 2],
      ],
    );
    expect(assignExactly(g, "score")).toMatchObject({ total: 10, matched: 1 });
    expect(assignExactly(g, "count-then-score")).toMatchObject({ total: 3, matched: 2 });
  });
});

describe("assignExactly against brute force", () => {
  const objectives: Objective[] = ["score", "count-then-score"];
  it.each(objectives)("finds the optimum of 300 small random rounds (%s)", (objective) => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = seededRandom(seed * 7919);
      const g = randomGraph(seed, 1 + Math.floor(r() * 7), 1 + Math.floor(r() * 4), 0.3 + r() * 0.6, seed % 3 === 0 ? 3 : 20);
      const a = assignExactly(g, objective);
      expectValid(g, a);
      const best = bruteForce(g);
      if (objective === "score") expect(a.total, `seed ${seed}`).toBe(best.bestScore);
      else expect([a.matched, a.total], `seed ${seed}`).toEqual(best.bestCount);
      expect(a.total).toBeGreaterThanOrEqual(assignGreedily(g).total * (objective === "score" ? 1 : 0));
    }
  });
});

describe("candidates and the whole round on synthetic people", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const build = (mentees: number, mentors: number, seed: number, perMentee?: number) => {
    const bits = new LanguageBits();
    const ms = syntheticMentors(mentors, seed);
    const es = syntheticMentees(mentees, seed + 1, now);
    const r = seededRandom(seed + 2);
    const avoided = es.map(() => new Set(r() < 0.3 ? [Math.floor(r() * mentors), Math.floor(r() * mentors)] : []));
    const g = buildCandidates({
      mentors: encodeMentors(ms, bits),
      capacity: Int32Array.from(ms.map((m) => m.capacity)),
      mentees: es.map((m) => encodeMentee(m, defaultMatchWeights, now, bits)),
      waitingSince: Float64Array.from(es.map((m) => m.waitingSince.getTime())),
      weights: defaultMatchWeights,
      avoided: (i) => avoided[i],
      perMentee,
    });
    return { g, avoided };
  };

  it("never proposes an avoided mentor and never exceeds a capacity", () => {
    for (const perMentee of [undefined, 3]) {
      const { g, avoided } = build(600, 60, 11, perMentee);
      const proposed: number[] = [];
      for (let i = 0; i < g.mentees; i++) for (let e = g.start[i]; e < g.start[i + 1]; e++) if (avoided[i].has(g.mentor[e])) proposed.push(i);
      expect(proposed).toEqual([]);
      for (const a of [assignExactly(g), assignGreedily(g), assignExactly(g, "count-then-score")]) {
        expectValid(g, a);
        const chosen: number[] = [];
        for (let i = 0; i < g.mentees; i++) if (a.mentorOf[i] >= 0 && avoided[i].has(a.mentorOf[i])) chosen.push(i);
        expect(chosen).toEqual([]);
      }
    }
  });

  it("keeps at most K mentors per mentee when pruned, and the exact total is never below greedy", () => {
    const { g } = build(400, 40, 5, 4);
    for (let i = 0; i < g.mentees; i++) expect(g.start[i + 1] - g.start[i]).toBeLessThanOrEqual(4);
    expect(assignExactly(g).total).toBeGreaterThanOrEqual(assignGreedily(g).total);
  });

  it("keeps exactly each mentee's K best scores, as a full scan would", () => {
    const full = build(500, 80, 31).g;
    const pruned = build(500, 80, 31, 5).g;
    for (let i = 0; i < full.mentees; i++) {
      const best = Array.from(full.score.subarray(full.start[i], full.start[i + 1]))
        .sort((a, b) => b - a)
        .slice(0, 5);
      const kept = Array.from(pruned.score.subarray(pruned.start[i], pruned.start[i + 1])).sort((a, b) => b - a);
      expect(kept, `mentee ${i}`).toEqual(best);
    }
  });

  it("pruning can change the optimum (the rule is not free)", () => {
    // Both mentees' single best mentor is mentor 0 (one place); mentee 1's second choice is mentor 1.
    const full = graphOf(
      2,
      [1, 1],
      [0, 1],
      [
        [0, 0, 10],
        [1, 0, 10],
        [1, 1, 9],
      ],
    );
    const pruned = graphOf(
      2,
      [1, 1],
      [0, 1],
      [
        [0, 0, 10],
        [1, 0, 10],
      ],
    );
    expect(assignExactly(full).total).toBe(19);
    expect(assignExactly(pruned).total).toBe(10);
  });

  it("agrees with the HiGHS linear-programming solver on a 300 × 40 round", async () => {
    const { g } = build(300, 40, 21);
    const highs = await highsLoader();
    const lines = ["Maximize", ` obj: ${Array.from(g.score, (s, e) => `${s} x${e}`).join(" + ")}`, "Subject To"];
    for (let i = 0; i < g.mentees; i++) {
      if (g.start[i + 1] === g.start[i]) continue;
      const xs = [];
      for (let e = g.start[i]; e < g.start[i + 1]; e++) xs.push(`x${e}`);
      lines.push(` m${i}: ${xs.join(" + ")} <= 1`);
    }
    const byMentor: string[][] = Array.from({ length: g.mentors }, () => []);
    g.mentor.forEach((j, e) => {
      byMentor[j].push(`x${e}`);
    });
    byMentor.forEach((xs, j) => {
      if (xs.length) lines.push(` c${j}: ${xs.join(" + ")} <= ${g.capacity[j]}`);
    });
    lines.push("Bounds", ...Array.from(g.score, (_, e) => ` 0 <= x${e} <= 1`), "End");
    const result = highs.solve(lines.join("\n"), { output_flag: false });
    expect(result.Status).toBe("Optimal");
    const exact = assignExactly(g);
    expectValid(g, exact);
    expect(exact.total).toBe(Math.round(result.ObjectiveValue));
    expect(exact.total).toBeGreaterThan(assignGreedily(g).total);
  });
});
