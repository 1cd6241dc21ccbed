// The staff CSV import on a real database: dry run report, idempotent upsert by e-mail, review
// decisions kept, the eligibility rules applied, the audit trail, and the jobs that run it.
import { stringify } from "csv-stringify/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, auditLog, memberImports } from "~/db/schema/index";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { confirmMemberImport, findMemberImport, startMemberImport } from "./import-members.server";
import { membershipWorkers } from "./jobs.server";
import { memberCsvTemplate } from "./member-csv";

const header = memberCsvTemplate[0];
const example = Object.fromEntries(header.map((c, i) => [c, memberCsvTemplate[1][i]]));
const csvOf = (rows: Record<string, string>[]) => stringify([header, ...rows.map((r) => header.map((c) => ({ ...example, ...r })[c] ?? ""))]);
const person = (n: number, changes: Record<string, string> = {}) => ({ name: `Dr. Import ${n}`, email: `import${n}@example.org`, ...changes });

describe.each(testEngines())("CSV import of members on $name", (engine) => {
  let t: TestPlatform;
  const actor = { personId: 1, email: "staff@example.org", ip: "203.0.113.9" };
  beforeAll(async () => {
    t = await startTestPlatform(engine, { now: new Date("2026-11-24T15:00:00Z") });
    await t.queue.work(membershipWorkers({ db: t.handle.db, log: t.services.log, clock: t.services.clock }), { pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => t?.close());

  const waitFor = async (publicId: string, status: string) => {
    await expect.poll(async () => (await findMemberImport(t.handle.db, publicId))?.status).toBe(status);
    return (await findMemberImport(t.handle.db, publicId))!;
  };
  const importFile = async (csv: string) => {
    const started = await startMemberImport({ db: t.handle.db, jobs: t.queue, actor, fileName: "members.csv", csv, now: t.services.clock() });
    if (!started.ok) throw new Error("rate limited");
    const checked = await waitFor(started.publicId, "checked");
    return { publicId: started.publicId, checked };
  };

  it("reports bad rows by row and column in the dry run, writing nothing", async () => {
    const csv = csvOf([person(1), person(2, { zip: "12" }), person(3, { step2ck: "pased", graduation_year: "" }), person(1, { name: "Dr. Twice" })]);
    const { publicId, checked } = await importFile(csv);
    expect(checked).toMatchObject({ totalRows: 4, validRows: 1, errorRows: 3 });
    expect(checked.errors).toEqual([
      { row: 3, column: "zip", message: "A ZIP code has 5 digits, like 13202." },
      { row: 4, column: "step2ck", message: "Please use passed, failed, not-taken or pending (or leave it empty)." },
      { row: 4, column: "graduation_year", message: "Please enter a year from 1960 on." },
      { row: 5, column: "email", message: "The same e-mail is on row 2; each person may appear once per file." },
    ]);
    expect(await t.handle.db.select().from(applications)).toEqual([]);
    const [stored] = await t.handle.db.select({ csv: memberImports.csv }).from(memberImports).where(eq(memberImports.publicId, publicId));
    expect(stored.csv).toBe(csv);
  });

  it("refuses a file without the required columns, naming them", async () => {
    const started = await startMemberImport({ db: t.handle.db, jobs: t.queue, actor, fileName: "wrong.csv", csv: "name,email,phone\nAna,ana@example.org,555\n", now: t.services.clock() });
    if (!started.ok) throw new Error("rate limited");
    const failed = await waitFor(started.publicId, "failed");
    expect(failed.failure).toContain('The file has no "zip", "degree", "school", "country", "graduation_year", "training_status", "citizenship", "primary_care_underserved" columns.');
  });

  it("imports valid rows with the rules' decision, and updates them by e-mail on a second import, keeping staff decisions", async () => {
    const first = await importFile(csvOf([person(10), person(11, { citizenship: "other" }), person(12, { degree: "IMG", ecfmg_certified: "pending" }), person(13, { zip: "x" })]));
    await confirmMemberImport({ db: t.handle.db, jobs: t.queue, actor, publicId: first.publicId, now: t.services.clock() });
    await expect(confirmMemberImport({ db: t.handle.db, jobs: t.queue, actor, publicId: first.publicId, now: t.services.clock() })).rejects.toThrow("This import cannot run");
    const done = await waitFor(first.publicId, "done");
    expect(done).toMatchObject({ inserted: 3, updated: 0, processedRows: 4 });
    const rows = await t.handle.db.select().from(applications).orderBy(applications.email);
    expect(rows.map((r) => [r.email, r.decision, r.status, r.state])).toEqual([
      ["import10@example.org", "eligible", "awaiting-review", "NY"],
      ["import11@example.org", "ineligible", "ineligible", "NY"],
      ["import12@example.org", "needs-review", "awaiting-review", "NY"],
    ]);
    expect(rows[1].reasons.map((r) => r.code)).toEqual(["citizenship"]);
    const [{ csv }] = await t.handle.db.select({ csv: memberImports.csv }).from(memberImports).where(eq(memberImports.publicId, first.publicId));
    expect(csv).toBeNull(); // the file is not kept once imported

    await t.handle.db.update(applications).set({ status: "approved" }).where(eq(applications.email, "import10@example.org"));
    const second = await importFile(csvOf([person(10, { school: "Howard University College of Medicine" }), person(11), person(14)]));
    await confirmMemberImport({ db: t.handle.db, jobs: t.queue, actor, publicId: second.publicId, now: t.services.clock() });
    expect(await waitFor(second.publicId, "done")).toMatchObject({ inserted: 1, updated: 2 });
    const after = await t.handle.db.select().from(applications).orderBy(applications.email);
    expect(after.map((r) => [r.email, r.schoolName, r.status])).toEqual([
      ["import10@example.org", "Howard University College of Medicine", "approved"],
      ["import11@example.org", "SUNY Upstate Medical University", "awaiting-review"],
      ["import12@example.org", "SUNY Upstate Medical University", "awaiting-review"],
      ["import14@example.org", "SUNY Upstate Medical University", "awaiting-review"],
    ]);
    expect(after[0].publicId).toBe(rows[0].publicId);
    const audit = await t.handle.db.select({ action: auditLog.action, actor: auditLog.actorEmail, subject: auditLog.subjectId }).from(auditLog).where(eq(auditLog.subjectId, second.publicId));
    expect(audit.map((a) => a.action).sort()).toEqual(["application.import", "application.import-done", "application.import-upload"]);
  });

  it("imports a file of 3,000 rows in batches, with every row once", async () => {
    const many = Array.from({ length: 3000 }, (_, i) => person(1000 + i));
    const { publicId, checked } = await importFile(csvOf(many));
    expect(checked).toMatchObject({ totalRows: 3000, validRows: 3000, errorRows: 0 });
    await confirmMemberImport({ db: t.handle.db, jobs: t.queue, actor, publicId, now: t.services.clock() });
    expect(await waitFor(publicId, "done")).toMatchObject({ inserted: 3000, processedRows: 3000 });
    const emails = (await t.handle.db.select({ email: applications.email }).from(applications)).map((r) => r.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.filter((e) => /^import\d{4}@/.test(e))).toHaveLength(3000);
  });
});
