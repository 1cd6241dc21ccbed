import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~/db/client.server";
import { fixtureReferenceFiles, referenceFixtureDir } from "~/tests/helpers/reference-fixture";
import { testEngines } from "~/tests/helpers/test-db";
import { findLegislatorsByZip, forgetLegislatorIndex } from "./legislator-directory.server";
import { ensureReferenceData, loadReferenceData, referenceChangedChannel, shippedReferenceFiles } from "./load-reference-data.server";
import { saveStateCorrection } from "./state-legislator-corrections.server";
import { findStateDistrictsByZip, findStateLegislatorsByZip, listStateLegislators } from "./state-legislators.server";
import { sql } from "drizzle-orm";
import { zipStateDistricts } from "~/db/schema/index";
import { planTargets } from "~/domains/advocacy/campaigns/campaign-targets.server";
import { districtChoiceValue } from "./state-chambers";

describe.each(testEngines())("legislator reference data on $name", (engine) => {
  let handle: DatabaseHandle;
  const dir = mkdtempSync(path.join(tmpdir(), "amg-ref-"));
  beforeAll(async () => {
    handle = await engine.open();
    forgetLegislatorIndex();
  });
  afterAll(async () => {
    forgetLegislatorIndex();
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The reference fixture (rows cut from the shipped files); loading data/ itself is checked in shipped-reference-data.test.ts.
  it("loads the reference files once, and finds legislators by ZIP from the tables", async () => {
    expect(await ensureReferenceData(handle.db, fixtureReferenceFiles())).toBe(true);
    expect(await ensureReferenceData(handle.db, fixtureReferenceFiles())).toBe(false);
    const result = await findLegislatorsByZip(handle.db, "13202");
    expect(result.ok && result.districts[0].representative?.name).toBe("John W. Mannion");
    const ny = await listStateLegislators(handle.db, "NY", "22");
    expect(ny.length).toBeGreaterThan(0);
    expect(ny.every((l) => l.state === "NY" && (l.district === "22" || l.name.includes("22")))).toBe(true);
  });

  it("reloads newer files, reporting added, changed and removed legislators, and tells every process", async () => {
    cpSync(referenceFixtureDir, dir, { recursive: true });
    const files = shippedReferenceFiles(dir);
    const members = readFileSync(files.congressMembers, "utf8").split("\n");
    const header = members[0].split(",");
    const phone = header.indexOf("phone");
    // remove the second member, change the first one's phone, add a made-up member
    const first = members[1].split(",");
    const removedId = members[2].split(",")[0];
    first[phone] = "202-555-0100";
    const added = [...first];
    added[0] = "Z999999";
    writeFileSync(files.congressMembers, [members[0], first.join(","), ...members.slice(3).filter(Boolean), added.join(",")].join("\n"));

    const heard: string[] = [];
    const stop = await handle.listen(referenceChangedChannel, (p) => heard.push(p));
    const report = await loadReferenceData(handle.db, files);
    expect(report.congressMembers).toEqual({ added: ["Z999999"], changed: [first[0]], removed: [removedId] });
    expect(report.stateLegislators).toEqual({ added: [], changed: [], removed: [] });
    expect(report.zipDistricts).toEqual({ added: 0, removed: 0 });
    expect(report.zipStateDistricts).toEqual({ added: 0, removed: 0 });
    await expect.poll(() => heard).toContain("legislators");
    await stop();
  });

  it("finds a ZIP's candidate state districts, and the whole state's list for a ZIP the table lacks, in natural order", async () => {
    expect(await findStateDistrictsByZip(handle.db, "13202", "NY")).toEqual({ upper: ["48"], lower: ["128", "129"] });
    expect(await findStateDistrictsByZip(handle.db, "99901", "AK")).toBeNull();
    expect((await findStateLegislatorsByZip(handle.db, "13202", "NY"))?.map((c) => [c.chamberName, c.districts.map((d) => d.members.map((m) => m.name).join() || "vacant")])).toEqual([
      ["Senate", ["Rachel May"]],
      ["Assembly", ["Pamela Hunter", "Bill Magnarelli"]],
    ]);
    expect((await findStateLegislatorsByZip(handle.db, "16024", "PA"))?.map((c) => [c.chamberName, c.districts.map((d) => d.members.length)])).toEqual([
      ["Senate", [1]],
      ["House of Representatives", [0]],
    ]);
    const ny = await listStateLegislators(handle.db, "NY");
    const assembly = ny.filter((l) => l.chamber === "lower").map((l) => l.district);
    expect(assembly).toEqual(["1", "2", "12", "22", "48", "50", "122", "128", "129"].filter((d) => assembly.includes(d)));
    expect(ny.findIndex((l) => l.chamber === "lower")).toBeGreaterThan(ny.findLastIndex((l) => l.chamber === "upper"));
  });

  it("plans a letter's state targets from the ZIP: given, chosen among a split ZIP's districts, vacant, or from the state's list", async () => {
    const campaign = { targets: ["state-upper", "state-lower"] };
    const plan = async (zip: string, choice: Partial<{ upperId: string; lowerId: string }> = {}) => {
      const lookup = await findLegislatorsByZip(handle.db, zip);
      if (!lookup.ok) throw new Error(lookup.message);
      return planTargets({ db: handle.db, campaign, lookup, choice: { district: "", upperId: "", lowerId: "", ...choice }, supporters: new Set() });
    };
    const southampton = await plan("11968");
    expect(southampton.missing).toEqual({});
    expect(southampton.chamberLists.map((c) => [c.chamberName, c.mode, c.district])).toEqual([
      ["Senate", "given", "1"],
      ["Assembly", "given", "1"],
    ]);
    expect(southampton.targets.map((t) => t.district)).toEqual(["New York Senate district 1", "New York Assembly district 1"]);
    expect(southampton.targets.map((t) => t.title)).toEqual(["Senator", "Assembly Member"]);

    const syracuse = await plan("13202");
    expect(syracuse.chamberLists.map((c) => [c.mode, c.options.map((o) => o.label)])).toEqual([
      ["given", ["Senator Rachel May (Democratic/Working Families)"]],
      ["choose", [expect.stringMatching(/^District 128: Pamela Hunter/), expect.stringMatching(/^District 129: Bill Magnarelli/)]],
    ]);
    expect(syracuse.chamberLists[1].finder).toEqual({ url: "https://nyassembly.gov/mem/search/", words: "the Assembly's “find my legislator” page" });
    expect(syracuse.missing).toEqual({ lowerId: "Please choose your Assembly district." });
    const chosen = await plan("13202", { lowerId: districtChoiceValue("129") });
    expect(chosen.missing).toEqual({});
    expect(chosen.targets.map((t) => t.name)).toEqual(["Rachel May", "Bill Magnarelli"]);
    // A member of another district is not a choice the ZIP offers.
    const [other] = (await listStateLegislators(handle.db, "NY", "22")).filter((l) => l.chamber === "lower");
    expect((await plan("13202", { lowerId: other.id })).missing).toHaveProperty("lowerId");

    const vacant = await plan("16024");
    expect(vacant.chamberLists.map((c) => [c.chamberName, c.mode, c.options.length])).toEqual([
      ["Senate", "given", 1],
      ["House of Representatives", "given", 0],
    ]);
    expect(vacant.missing).toEqual({});
    expect(vacant.targets.map((t) => t.name)).toEqual(["Elder Vogel"]);

    const alaska = await plan("99901");
    expect(alaska.chamberLists.map((c) => [c.mode, c.options.map((o) => o.label.split(":")[0])])).toEqual([
      ["state", ["District A", "District B"]],
      ["state", ["District 1", "District 2"]],
    ]);
  });

  it("fills the ZIP → state district table at start in a database loaded before it existed", async () => {
    await handle.db.delete(zipStateDistricts);
    expect(await ensureReferenceData(handle.db, fixtureReferenceFiles())).toBe(true);
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(zipStateDistricts);
    expect(row.n).toBe(7);
    expect(await ensureReferenceData(handle.db, fixtureReferenceFiles())).toBe(false);
  });

  it("reloads a changed ZIP → state district file, reporting the rows added and removed", async () => {
    const files = shippedReferenceFiles(dir);
    const lines = readFileSync(files.zipStateDistricts, "utf8").trim().split("\n");
    // 13202's Assembly district 129 removed, 11968 gains Assembly district 2
    writeFileSync(files.zipStateDistricts, [...lines.filter((l) => !l.startsWith("13202,NY,lower,129")), "11968,NY,lower,2,yes"].join("\n"));
    const report = await loadReferenceData(handle.db, files);
    expect(report.zipStateDistricts).toEqual({ added: 1, removed: 1 });
    expect(await findStateDistrictsByZip(handle.db, "13202", "NY")).toEqual({ upper: ["48"], lower: ["128"] });
    writeFileSync(files.zipStateDistricts, `${lines.join("\n")}\n`);
    expect((await loadReferenceData(handle.db, files)).zipStateDistricts).toEqual({ added: 1, removed: 1 });
  });

  it("changes nothing when a file is malformed", async () => {
    const files = shippedReferenceFiles(dir);
    writeFileSync(files.zipDistricts, "zcta,state,state_fips,district,candidates,multi_state\n1234,NY,36,22,1,0\n");
    await expect(loadReferenceData(handle.db, files)).rejects.toThrow(/not a 5-digit ZCTA/);
    forgetLegislatorIndex();
    const result = await findLegislatorsByZip(handle.db, "10001");
    expect(result.ok && result.isSplit).toBe(true);
  });

  it("announces a state legislator's correction to every process, as it does a member of Congress's", async () => {
    const [someone] = await listStateLegislators(handle.db, "NY", "22");
    const actor = { personId: 0, email: "staff@example.org", ip: null };
    const heard: string[] = [];
    const stop = await handle.listen(referenceChangedChannel, (p) => heard.push(p));
    await saveStateCorrection(handle.db, actor, someone.id, { email: "corrected@nysenate.gov", capitolPhone: "", website: "", note: "Checked by phone" }, new Date());
    await expect.poll(() => heard).toContain("correction");
    await stop();
    const [corrected] = (await listStateLegislators(handle.db, "NY", "22")).filter((l) => l.id === someone.id);
    expect(corrected.email).toBe("corrected@nysenate.gov");
  });
});
