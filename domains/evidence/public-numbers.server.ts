// What the public numbers page publishes: fixed tables only (no free-form filters), every count
// suppressed (suppression.ts) and read from one place table shared with letters. Computed from the
// exact figures membership keeps, then kept for five minutes per process (the page itself is cached
// as long, and cleared when staff change content), with the time it was computed for the page.
import type { Executor } from "~/db/client.server";
import { publishedMemberPlaces } from "~/domains/membership/member-counts.server";
import { type CycleStatistics, cycleStatistics, memberStatistics, type MemberStatistics, type StatisticsPlace } from "~/domains/membership/member-statistics.server";
import { stateNames } from "~/domains/advocacy/legislators/states";
import { type NrmpYear, nrmpFinding, nrmpSeries } from "./nrmp-match";
import { currentNrmpDataset } from "./nrmp-dataset.server";
import { refreshingCache } from "./refreshing-cache";
import { type PublishedCount, type PublishedPlaces, publishedShare, suppressCells, suppressLine, withheldLabel } from "./suppression";

export const waitingBuckets = [
  { label: "Under 2 years", min: 0, max: 1 },
  { label: "2 to 3 years", min: 2, max: 3 },
  { label: "4 to 5 years", min: 4, max: 5 },
  { label: "6 to 9 years", min: 6, max: 9 },
  { label: "10 years or more", min: 10, max: Number.POSITIVE_INFINITY },
] as const;

export const examLevelLabels = ["No licensing exam passed yet", "Step 1 or Level 1 passed", "Step 2 CK or Level 2-CE passed", "Step 3 or Level 3 passed"] as const;

export type PublishedRow = { label: string; count: PublishedCount };
export type PublishedBreakdown = { rows: PublishedRow[]; total: PublishedCount };

export type PublishedCycle = {
  year: number;
  applied: PublishedCount;
  matched: PublishedCount;
  notMatched: PublishedCount;
  /** Share of those who applied who matched; null when a count under it is withheld. */
  matchRate: number | null;
  /** Cost figures only when at least ten members logged what they spent that year. */
  medianCost: number | null;
  p90Cost: number | null;
};

export type PublicNumbers = {
  computedAt: string;
  places: PublishedPlaces;
  byState: { state: string; name: string; count: PublishedCount }[];
  byWaiting: PublishedBreakdown;
  byGraduationYear: PublishedBreakdown;
  byExamLevel: PublishedBreakdown;
  cycles: PublishedCycle[];
  nrmp: { series: NrmpYear[]; finding: string; uploadedAt: string | null };
};

/** A breakdown whose total is the place's published count: withheld entirely when that count is. */
export function publishBreakdown(labels: readonly string[], counts: readonly number[], placeCount: PublishedCount): PublishedBreakdown {
  if (placeCount.withheld !== false) return { rows: labels.map((label) => ({ label, count: { value: null, withheld: "complementary" } })), total: placeCount };
  const line = suppressLine(counts);
  return { rows: labels.map((label, i) => ({ label, count: line.cells[i] })), total: line.total };
}

/** Years since graduation, bucketed, counted from the graduation-year table. */
export function waitingCounts(byYear: MemberStatistics["byGraduationYear"], currentYear: number): number[] {
  return waitingBuckets.map((b) => byYear.filter((r) => currentYear - r.year >= b.min && currentYear - r.year <= b.max).reduce((a, r) => a + r.members, 0));
}

/** Graduation years shown one by one for the last ten years, and earlier ones together. */
export function graduationYearRows(byYear: MemberStatistics["byGraduationYear"], currentYear: number): { labels: string[]; counts: number[] } {
  const from = currentYear - 9;
  const labels = [`Before ${from}`];
  const counts = [byYear.filter((r) => r.year < from).reduce((a, r) => a + r.members, 0)];
  for (let y = from; y <= currentYear; y++) {
    labels.push(String(y));
    counts.push(byYear.filter((r) => r.year === y).reduce((a, r) => a + r.members, 0));
  }
  return { labels, counts };
}

/** Each logged cycle year: applied = matched + not matched, suppressed as one line. */
export function publishCycles(cycles: CycleStatistics[]): PublishedCycle[] {
  return cycles.map((c) => {
    const [matched, notMatched, applied] = suppressCells([c.matched, c.notMatched, c.applied], [{ parts: [0, 1], total: 2 }]);
    const enoughCosts = c.withCost >= 10;
    return {
      year: c.year,
      applied,
      matched,
      notMatched,
      matchRate: publishedShare(matched, applied),
      medianCost: enoughCosts ? c.medianCost : null,
      p90Cost: enoughCosts ? c.p90Cost : null,
    };
  });
}

/**
 * Graduation years and years waiting are two views of one table: each waiting bucket is a sum of
 * graduation-year rows. They are suppressed as one problem, so a bucket never gives away a withheld
 * year by subtraction (and "10 years or more" equals "Before …", withheld or shown alike).
 */
export function publishYearTables(stats: MemberStatistics, placeCount: PublishedCount, currentYear: number): { byGraduationYear: PublishedBreakdown; byWaiting: PublishedBreakdown } {
  const years = graduationYearRows(stats.byGraduationYear, currentYear);
  const buckets = waitingCounts(stats.byGraduationYear, currentYear);
  if (placeCount.withheld !== false) {
    return {
      byGraduationYear: publishBreakdown(years.labels, years.counts, placeCount),
      byWaiting: publishBreakdown(
        waitingBuckets.map((b) => b.label),
        buckets,
        placeCount,
      ),
    };
  }
  const g = years.counts.length;
  const total = g + buckets.length;
  const bucketOfRow = (i: number) =>
    i === 0 ? waitingBuckets.length - 1 : waitingBuckets.findIndex((b) => currentYear - Number(years.labels[i]) >= b.min && currentYear - Number(years.labels[i]) <= b.max);
  const relations = [
    { parts: years.counts.map((_, i) => i), total },
    { parts: buckets.map((_, b) => g + b), total },
    ...buckets.map((_, b) => ({ parts: years.counts.map((_, i) => i).filter((i) => bucketOfRow(i) === b), total: g + b })),
  ];
  const out = suppressCells([...years.counts, ...buckets, placeCount.value], relations);
  return {
    byGraduationYear: { rows: years.labels.map((label, i) => ({ label, count: out[i] })), total: out[total] },
    byWaiting: { rows: waitingBuckets.map((b, i) => ({ label: b.label, count: out[g + i] })), total: out[total] },
  };
}

/** The published figures of one place, read from exact statistics (pure; exported for tests). */
export function publishPlaceStatistics(stats: MemberStatistics, placeCount: PublishedCount, currentYear: number) {
  return {
    ...publishYearTables(stats, placeCount, currentYear),
    byExamLevel: publishBreakdown(
      examLevelLabels,
      stats.byExamLevel.map((r) => r.members),
      placeCount,
    ),
  };
}

const memo = refreshingCache<PublicNumbers>(5 * 60_000);

async function computePublicNumbers(db: Executor, now: Date): Promise<PublicNumbers> {
  const [places, stats, cycles, nrmp] = await Promise.all([publishedMemberPlaces(db), memberStatistics(db), cycleStatistics(db), currentNrmpDataset(db)]);
  const series = nrmpSeries(nrmp.rows);
  return {
    computedAt: now.toISOString(),
    places,
    byState: Object.keys(stateNames).map((state) => ({ state, name: stateNames[state], count: places.states[state] ?? { value: 0, withheld: false } })),
    ...publishPlaceStatistics(stats, places.total, now.getUTCFullYear()),
    cycles: publishCycles(cycles),
    nrmp: { series, finding: nrmpFinding(series), uploadedAt: nrmp.uploadedAt },
  };
}

/** The public numbers, kept five minutes per process (then served while refreshed in the background). */
export const publicNumbers = (db: Executor, now: Date) => memo.get(db, "all", now, () => computePublicNumbers(db, now));

/** After new data (a staff upload): the next page computes afresh. */
export const forgetPublicNumbers = (db: Executor) => memo.clear(db);

/** The published statistics of a state or district (for its page and brief). */
export async function placeStatistics(db: Executor, place: StatisticsPlace, placeCount: PublishedCount, now: Date) {
  const stats = await memberStatistics(db, place);
  const specialties = placeCount.withheld === false ? suppressLine(stats.bySpecialty.slice(0, 8).map((s) => s.members)).cells : [];
  return {
    ...publishPlaceStatistics(stats, placeCount, now.getUTCFullYear()),
    specialties: stats.bySpecialty.slice(0, 8).map((s, i) => ({ label: s.specialty, count: specialties[i] ?? { value: null, withheld: "complementary" as const } })),
  };
}

/** The fixed tables the public may download, by file name (exactly what the page shows). */
export const publicCsvTables = ["nrmp-match", "members-by-state", "members-by-years-waiting", "members-by-graduation-year", "members-by-exam", "match-cycles"] as const;
export type PublicCsvTable = (typeof publicCsvTables)[number];

const cell = (c: PublishedCount) => (c.withheld === false ? c.value : withheldLabel);

/** One public table as CSV rows (header first); suppressed counts read "fewer than 10". */
export async function publicCsvRows(db: Executor, now: Date, table: PublicCsvTable): Promise<(string | number | null)[][]> {
  if (table === "nrmp-match") {
    const { rows } = await currentNrmpDataset(db);
    return [
      ["year", "applicant_type", "applicants", "matched", "positions", "rate_pct", "basis", "source"],
      ...rows.map((r) => [r.year, r.applicantType, r.applicants, r.matched, r.positions, r.ratePct, r.basis, r.source]),
    ];
  }
  const n = await publicNumbers(db, now);
  const breakdown = (heading: string, b: PublishedBreakdown) => [[heading, "members"], ...b.rows.map((r) => [r.label, cell(r.count)]), ["Total", cell(b.total)]];
  if (table === "members-by-state") return [["state", "name", "members"], ...n.byState.map((s) => [s.state, s.name, cell(s.count)]), ["US", "All states and territories", cell(n.places.total)]];
  if (table === "members-by-years-waiting") return breakdown("years since graduation", n.byWaiting);
  if (table === "members-by-graduation-year") return breakdown("graduation year", n.byGraduationYear);
  if (table === "members-by-exam") return breakdown("furthest exam passed", n.byExamLevel);
  return [
    ["year", "members who applied", "matched", "did not match, withdrew or sent no rank list", "match rate (%)", "median cost (USD)", "90th percentile cost (USD)"],
    ...n.cycles.map((c) => [
      c.year,
      cell(c.applied),
      cell(c.matched),
      cell(c.notMatched),
      c.matchRate === null ? "not shown" : Math.round(c.matchRate * 1000) / 10,
      c.medianCost ?? "not shown",
      c.p90Cost ?? "not shown",
    ]),
  ];
}
