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
import { listStateLegislators } from "./state-legislators.server";

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
    await expect.poll(() => heard).toContain("legislators");
    await stop();
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
