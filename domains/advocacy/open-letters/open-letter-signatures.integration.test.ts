import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, campaigns, signatures } from "~/db/schema/index";
import { eq } from "drizzle-orm";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { seedStarterCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { signatureFilterSchema } from "~/domains/advocacy/advocacy.schema";
import { deliveryPacket, exportSignaturesCsv, listOpenLettersForStaff, listSignatures, recordOpenLetterDelivery, signatureBreakdown, signatureTotals } from "./open-letter-signatures.server";
import { findOpenLetter, listOpenLetters } from "./open-letters.server";

const filter = (values: Record<string, string> = {}) => signatureFilterSchema.parse(values);
const day = (d: string) => new Date(`${d}T15:00:00Z`);

describe.each(testEngines())("open-letter signatures for staff on $name", (engine) => {
  let t: TestPlatform;
  let letterId: number;
  beforeAll(async () => {
    t = await startTestPlatform(engine, { now: day("2026-03-20") });
    await seedStarterCampaigns(t.handle.db);
    [{ id: letterId }] = await t.handle.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, "aamc"));
    const rows = [
      { email: "a@example.org", name: "Ana Ruiz", city: "Syracuse", zip: "13202", state: "NY", signerRole: "unmatched-graduate", showName: true, status: "confirmed", confirmedAt: day("2026-03-01") },
      { email: "b@example.org", name: "Ben Cho", city: "Buffalo", zip: "14201", state: "NY", signerRole: "unmatched-graduate", showName: false, status: "confirmed", confirmedAt: day("2026-03-01") },
      { email: "c@example.org", name: '=HYPERLINK("x")', city: "Austin", zip: "78701", state: "TX", signerRole: "physician", showName: true, status: "confirmed", confirmedAt: day("2026-03-02") },
      { email: "d@example.org", name: "Dee Park", city: "", zip: "78702", state: "TX", signerRole: null, showName: true, status: "confirmed", confirmedAt: day("2026-03-18") },
      { email: "e@example.org", name: "Eve Waiting", city: "Austin", zip: "78701", state: "TX", signerRole: "supporter", showName: true, status: "pending", confirmedAt: null },
    ] as const;
    await t.handle.db.insert(signatures).values(rows.map((r) => ({ ...r, campaignId: letterId, createdAt: r.confirmedAt ?? day("2026-03-19") })));
  });
  afterAll(async () => t?.close());

  it("counts confirmed signatures by credential, by state and per day, with a running total", async () => {
    const b = await signatureBreakdown(t.handle.db, letterId);
    expect(b.totals).toEqual({ confirmed: 4, listed: 3, unmatchedGraduates: 2, physicians: 1, supporters: 0, unstated: 1, waiting: 1 });
    expect(b.byState).toEqual([
      { state: "NY", n: 2 },
      { state: "TX", n: 2 },
    ]);
    expect(b.perDay).toEqual([
      { day: "2026-03-01", n: 2, total: 2 },
      { day: "2026-03-02", n: 1, total: 3 },
      { day: "2026-03-18", n: 1, total: 4 },
    ]);
    expect(await signatureTotals(t.handle.db, day("2026-03-13"))).toEqual({ confirmed: 4, confirmedSince: 1 });
  });

  it("searches and filters by state, by credential and by confirmation", async () => {
    const names = async (values: Record<string, string>) => (await listSignatures(t.handle.db, letterId, filter(values))).rows.map((r) => r.name).sort();
    expect(await names({ state: "TX" })).toEqual(['=HYPERLINK("x")', "Dee Park", "Eve Waiting"]);
    expect(await names({ role: "unmatched-graduate" })).toEqual(["Ana Ruiz", "Ben Cho"]);
    expect(await names({ role: "none" })).toEqual(["Dee Park"]);
    expect(await names({ status: "pending" })).toEqual(["Eve Waiting"]);
    expect(await names({ q: "buffalo" })).toEqual(["Ben Cho"]);
    expect(await names({ q: "100%_" })).toEqual([]);
    expect((await listSignatures(t.handle.db, letterId, filter({ state: "TX", status: "confirmed" }))).total).toBe(2);
    // A bad value is ignored, never an error.
    expect((await listSignatures(t.handle.db, letterId, filter({ state: "texas", role: "x", page: "-3" }))).total).toBe(5);
  });

  it("exports the filtered signatures as CSV, a name that looks like a formula neutralised", async () => {
    let csv = "";
    for await (const chunk of exportSignaturesCsv(t.handle.db, letterId, filter({ state: "TX", status: "confirmed" }))) csv += chunk;
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("signed_at,confirmed_at,status,name,email,city,state,zip,credential,listed_publicly");
    expect(lines).toHaveLength(3);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",c@example.org,Austin,TX,78701,physician,yes`);
    expect(csv).toContain("Dee Park,d@example.org,,TX,78702,not given,yes");
  });

  it("puts in the packet only confirmed signers who agreed to be named, with city and state and no address", async () => {
    const p = await deliveryPacket(t.handle.db, letterId);
    expect(p.totals.confirmed).toBe(4);
    expect(p.listed).toEqual([
      { name: "Ana Ruiz", city: "Syracuse", state: "NY", signerRole: "unmatched-graduate" },
      { name: '=HYPERLINK("x")', city: "Austin", state: "TX", signerRole: "physician" },
      { name: "Dee Park", city: "", state: "TX", signerRole: null },
    ]);
  });

  it("records a delivery with the count at that moment, audited, and the public pages show it", async () => {
    const actor = { personId: 1, email: "staff@example.org", ip: null };
    expect(await findOpenLetter(t.handle.db, "aamc")).toMatchObject({ delivery: null });
    await recordOpenLetterDelivery(t.handle.db, actor, letterId, "aamc", { recipient: "the AAMC", deliveredOn: "2026-03-12", method: "email", note: "" });
    await recordOpenLetterDelivery(t.handle.db, actor, letterId, "aamc", { recipient: "the AAMC", deliveredOn: "2026-03-19", method: "in-person", note: "At their annual meeting" });
    expect(await findOpenLetter(t.handle.db, "aamc")).toMatchObject({ delivery: { recipient: "the AAMC", deliveredOn: "2026-03-19" } });
    expect((await listOpenLetters(t.handle.db)).find((l) => l.slug === "aamc")?.delivery).toEqual({ recipient: "the AAMC", deliveredOn: "2026-03-19" });
    const staff = await listOpenLettersForStaff(t.handle.db);
    expect(staff.find((l) => l.slug === "aamc")).toMatchObject({ confirmed: 4, waiting: 1, delivery: { deliveredOn: "2026-03-19" } });
    expect(staff.find((l) => l.slug === "ecfmg")).toMatchObject({ delivery: null });
    const audit = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, "open-letter.delivery"));
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ subjectId: "aamc", details: expect.objectContaining({ signatures: 4, method: "email" }) });
  });
});
