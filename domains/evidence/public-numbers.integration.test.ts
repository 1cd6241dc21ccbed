// Every published aggregate against a small membership worked out by hand (tests/helpers/evidence-fixture.ts):
// 37 counted members (NY 15: NY-22 12, NY-21 3; CA 20: CA-12; WY 2: WY-0), one approved member who
// did not consent and one applicant still in review, not counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~/db/client.server";
import { testEngines } from "~/tests/helpers/test-db";
import { insertEvidenceFixture } from "~/tests/helpers/evidence-fixture";
import { countMembersByPlace } from "~/domains/membership/member-counts.server";
import { cycleStatistics, memberStatistics } from "~/domains/membership/member-statistics.server";
import { publicCsvRows, publicNumbers, placeStatistics } from "./public-numbers.server";
import { formatPublished, type PublishedCount } from "./suppression";

const now = new Date("2026-11-30T12:00:00Z");
const shown = (c: PublishedCount) => (c.withheld === false ? c.value : "x");

describe.each(testEngines())("published evidence on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
    await insertEvidenceFixture(handle.db);
  });
  afterAll(async () => handle?.close());

  it("counts only approved members who allowed statistics, exactly, by place", async () => {
    expect(await countMembersByPlace(handle.db)).toEqual({ total: 37, states: { NY: 15, CA: 20, WY: 2 }, districts: { "NY-22": 12, "NY-21": 3, "CA-12": 20, "WY-0": 2 } });
  });

  it("gives exact breakdowns and cycle statistics to staff", async () => {
    const stats = await memberStatistics(handle.db);
    expect(stats.total).toBe(37);
    expect(stats.byGraduationYear).toEqual([
      { year: 2015, members: 20 },
      { year: 2020, members: 12 },
      { year: 2024, members: 3 },
      { year: 2026, members: 2 },
    ]);
    expect(stats.byExamLevel.map((r) => r.members)).toEqual([22, 3, 12, 0]);
    expect(stats.bySpecialty).toEqual([
      { specialty: "Internal medicine", members: 20 },
      { specialty: "Family medicine", members: 14 },
      { specialty: "Pediatrics", members: 3 },
    ]);
    expect(await cycleStatistics(handle.db)).toEqual([
      { year: 2024, applied: 12, matched: 0, notMatched: 12, withCost: 0, medianCost: null, p90Cost: null },
      { year: 2025, applied: 20, matched: 5, notMatched: 15, withCost: 20, medianCost: 10500, p90Cost: 18100 },
    ]);
  });

  it("publishes the place table with small counts and their complements withheld", async () => {
    const n = await publicNumbers(handle.db, now);
    expect(shown(n.places.total)).toBe(37);
    expect([shown(n.places.states.NY), shown(n.places.states.CA), shown(n.places.states.WY)]).toEqual(["x", 20, "x"]);
    expect(n.places.states.NY.withheld).toBe("complementary");
    // NY-22 stays: New York's own count is withheld, so NY = NY-21 + NY-22 already hides two entries,
    // and the national sum (37 = NY + 20 + WY) leaves NY-21 + WY = 5 with no single answer.
    expect([shown(n.places.districts["NY-21"]), shown(n.places.districts["NY-22"]), shown(n.places.districts["CA-12"])]).toEqual(["x", 12, 20]);
    expect(n.byState.find((s) => s.state === "TX")?.count).toEqual({ value: 0, withheld: false });
  });

  it("publishes graduation years and years waiting as one table", async () => {
    const n = await publicNumbers(handle.db, now);
    const grad = Object.fromEntries(n.byGraduationYear.rows.map((r) => [r.label, shown(r.count)]));
    expect(grad).toMatchObject({ "Before 2017": 20, "2020": 12, "2024": "x", "2026": "x", "2025": 0 });
    expect(n.byWaiting.rows.map((r) => shown(r.count))).toEqual(["x", "x", 0, 12, 20]);
    expect(shown(n.byWaiting.total)).toBe(37);
    expect(n.byExamLevel.rows.map((r) => shown(r.count))).toEqual([22, "x", "x", 0]);
  });

  it("publishes the members' match rate and costs only from counts that may be shown", async () => {
    const n = await publicNumbers(handle.db, now);
    const [y2024, y2025] = n.cycles;
    expect([shown(y2024.applied), shown(y2024.matched), shown(y2024.notMatched), y2024.matchRate, y2024.medianCost]).toEqual([12, 0, 12, 0, null]);
    expect([shown(y2025.applied), shown(y2025.matched), shown(y2025.notMatched), y2025.matchRate]).toEqual([20, "x", "x", null]);
    expect([y2025.medianCost, y2025.p90Cost]).toEqual([10500, 18100]);
  });

  it("shows no breakdown for a place whose own count is withheld", async () => {
    const n = await publicNumbers(handle.db, now);
    const ny = await placeStatistics(handle.db, { kind: "state", state: "NY" }, n.places.states.NY, now);
    expect(ny.byWaiting.rows.every((r) => r.count.withheld)).toBe(true);
    const ca = await placeStatistics(handle.db, { kind: "state", state: "CA" }, n.places.states.CA, now);
    expect(ca.byGraduationYear.rows.map((r) => shown(r.count))[0]).toBe(20);
    expect(ca.specialties.map((s) => [s.label, shown(s.count)])).toEqual([["Internal medicine", 20]]);
  });

  it("writes the public CSV files with the withheld counts in words", async () => {
    const states = await publicCsvRows(handle.db, now, "members-by-state");
    expect(states[0]).toEqual(["state", "name", "members"]);
    expect(states.find((r) => r[0] === "NY")?.[2]).toBe(formatPublished({ value: null, withheld: "primary" }));
    expect(states.find((r) => r[0] === "CA")?.[2]).toBe(20);
    const nrmp = await publicCsvRows(handle.db, now, "nrmp-match");
    expect(nrmp.find((r) => r[0] === 2025 && r[1] === "us_citizen_img")?.[5]).toBe(67.8);
  });
});
