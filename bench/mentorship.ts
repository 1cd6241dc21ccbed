// Mentorship matching figures (issue 15), on synthetic people from the generator
// (domains/mentorship/synthetic.ts). Prints a table:
//  - a round of 120,000 waiting mentees × 3,000 mentors with capacity 1–5: scoring every pair,
//    keeping each mentee's best K mentors, the exact assignment; seconds (target < 30 s) and the
//    process's peak memory (target < 1 GB); the exact total next to the greedy baseline's;
//  - 20,000 × 500: the exact total with pruning next to the total without it (every positive pair),
//    so what pruning costs is a measured number.
// Run: npm run bench:mentorship   (BENCH_MENTEES, BENCH_MENTORS, BENCH_K to change the big round)
import { readFileSync } from "node:fs";
import { assignExactly, assignGreedily, buildCandidates, type CandidateGraph } from "~/domains/mentorship/assignment";
import { defaultMatchWeights, encodeMentee, encodeMentors, LanguageBits } from "~/domains/mentorship/scoring";
import { syntheticMentees, syntheticMentors } from "~/domains/mentorship/synthetic";

const now = new Date("2026-06-01T12:00:00Z");
const peakRssMb = () => Number(readFileSync("/proc/self/status", "utf8").match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0) / 1024;
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(2);
const fmt = (n: number) => n.toLocaleString("en-US");

function round(mentees: number, mentors: number, perMentee: number | undefined, seed: number) {
  const generated = performance.now();
  const ms = syntheticMentors(mentors, seed);
  const es = syntheticMentees(mentees, seed + 1, now);
  const generateSeconds = seconds(generated);
  const t0 = performance.now();
  const bits = new LanguageBits();
  const g: CandidateGraph = buildCandidates({
    mentors: encodeMentors(ms, bits),
    capacity: Int32Array.from(ms.map((m) => m.capacity)),
    mentees: es.map((m) => encodeMentee(m, defaultMatchWeights, now, bits)),
    waitingSince: Float64Array.from(es.map((m) => m.waitingSince.getTime())),
    weights: defaultMatchWeights,
    perMentee,
  });
  const scoredSeconds = seconds(t0);
  const t1 = performance.now();
  const exact = assignExactly(g);
  const exactSeconds = seconds(t1);
  const roundSeconds = seconds(t0);
  const t2 = performance.now();
  const greedy = assignGreedily(g);
  const greedySeconds = seconds(t2);
  const places = ms.reduce((s, m) => s + m.capacity, 0);
  return { g, exact, greedy, generateSeconds, scoredSeconds, exactSeconds, roundSeconds, greedySeconds, places };
}

const bigMentees = Number(process.env.BENCH_MENTEES ?? 120_000);
const bigMentors = Number(process.env.BENCH_MENTORS ?? 3_000);
const K = Number(process.env.BENCH_K ?? 20);

const rows: [string, string, string][] = [];
const big = round(bigMentees, bigMentors, K, 15);
rows.push([`Round ${fmt(bigMentees)} × ${fmt(bigMentors)} (K = ${K}): seconds (score + assign)`, `${big.roundSeconds} (${big.scoredSeconds} + ${big.exactSeconds})`, "< 30 s"]);
rows.push(["  candidate pairs kept / mentor places", `${fmt(big.g.mentor.length)} / ${fmt(big.places)}`, ""]);
rows.push(["  Dijkstra phases of the exact method", fmt(big.exact.phases), ""]);
rows.push(["  peak memory of the process (MB)", peakRssMb().toFixed(0), "< 1,024"]);
rows.push(["  exact total (matched)", `${fmt(big.exact.total)} (${fmt(big.exact.matched)})`, "≥ greedy"]);
rows.push([`  greedy total (matched), ${big.greedySeconds} s`, `${fmt(big.greedy.total)} (${fmt(big.greedy.matched)})`, ""]);

const pruned = round(20_000, 500, K, 25);
const full = round(20_000, 500, undefined, 25);
rows.push([`Round 20,000 × 500 with pruning (K = ${K}): total (seconds)`, `${fmt(pruned.exact.total)} (${pruned.roundSeconds})`, ""]);
rows.push(["  without pruning (every positive pair): total (seconds)", `${fmt(full.exact.total)} (${full.roundSeconds})`, ""]);
rows.push(["  pairs kept with / without pruning", `${fmt(pruned.g.mentor.length)} / ${fmt(full.g.mentor.length)}`, ""]);
rows.push([
  "  what pruning cost (points, share of the total)",
  `${fmt(full.exact.total - pruned.exact.total)} (${((100 * (full.exact.total - pruned.exact.total)) / full.exact.total).toFixed(3)} %)`,
  "",
]);
rows.push(["  greedy total without pruning", fmt(full.greedy.total), ""]);
rows.push(["Peak memory after everything (MB)", peakRssMb().toFixed(0), ""]);

const width = Math.max(...rows.map((r) => r[0].length));
const width2 = Math.max(...rows.map((r) => r[1].length));
console.log(`${"Figure".padEnd(width)}  ${"Measured".padEnd(width2)}  Target`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(width)}  ${b.padEnd(width2)}  ${c}`);
