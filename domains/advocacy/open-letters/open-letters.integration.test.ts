import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signatures } from "~/db/schema/index";
import { findLink } from "~/tests/helpers/smtp-sink";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { seedStarterCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { confirmSignature, findOpenLetter, findSignatureByToken, listOpenLetters, signOpenLetter } from "./open-letters.server";

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;
const signer = (email: string, extra: Partial<{ name: string; zip: string; showName: boolean }> = {}) => ({
  name: extra.name ?? "Maria Lopez",
  email,
  city: "Syracuse",
  zip: extra.zip ?? "13202",
  keepUpdated: false,
  signerRole: "unmatched-graduate" as const,
  showName: extra.showName ?? true,
});

describe.each(testEngines())("open letters on $name", (engine) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
    expect(await seedStarterCampaigns(t.handle.db)).toBe(5);
    expect(await seedStarterCampaigns(t.handle.db)).toBe(0);
  });
  afterAll(async () => t?.close());

  const sign = (email: string, extra = {}, ip = "203.0.113.20", isProven = false) => signOpenLetter({ ...t.services, slug: "aamc", input: signer(email, extra), ip, isProven });
  const count = async () => (await findOpenLetter(t.handle.db, "aamc"))!.signatures;

  it("ships the three starter letters", async () => {
    expect((await listOpenLetters(t.handle.db)).map((l) => l.slug)).toEqual(["aamc", "ecfmg", "congress"]);
  });

  it("counts a signature only once it is confirmed by e-mail, and the link works once", async () => {
    expect(await sign("maria@example.org")).toEqual({ ok: true, isConfirmed: false });
    expect(await count()).toBe(0);
    const mail = await t.sink.waitFor((m) => m.to.includes("maria@example.org"));
    expect(mail.subject).toContain("Please confirm your signature");
    const token = tokenOf(findLink(mail, "http://amg.test/letters/confirm?token="));
    expect(await confirmSignature(t.handle.db, token, t.services.clock())).toBe("aamc");
    expect(await count()).toBe(1);
    expect(await confirmSignature(t.handle.db, token, t.services.clock())).toBeNull();
    expect((await findOpenLetter(t.handle.db, "aamc"))!.recentSigners).toEqual([{ firstName: "Maria", state: "NY" }]);
  });

  it("holds new details for a confirmed signature until the address confirms them, counting it once throughout", async () => {
    expect(await sign("maria@example.org", { name: "Mallory Mask", zip: "10001", showName: true })).toEqual({ ok: true, isConfirmed: false });
    // The confirmed signature is untouched: same name and state shown, counted once.
    expect(await count()).toBe(1);
    expect((await findOpenLetter(t.handle.db, "aamc"))!.recentSigners).toEqual([{ firstName: "Maria", state: "NY" }]);
    const mail = await t.sink.waitFor((m) => m.to.includes("maria@example.org") && m.subject.startsWith("Please confirm the change to your signature"));
    expect(mail.text).toContain("Until then your signature stays as it was");
    const token = tokenOf(findLink(mail, "http://amg.test/letters/confirm?token="));
    expect(await findSignatureByToken(t.handle.db, token, t.services.clock())).toMatchObject({ isChange: true, details: { name: "Mallory Mask", zip: "10001" } });
    // A second unproven change replaces the held one and its link.
    expect(await sign("maria@example.org", { name: "Maria L. Lopez", zip: "10001", showName: false })).toEqual({ ok: true, isConfirmed: false });
    expect(await confirmSignature(t.handle.db, token, t.services.clock())).toBeNull();
    expect((await findOpenLetter(t.handle.db, "aamc"))!.recentSigners).toEqual([{ firstName: "Maria", state: "NY" }]);
    // The second change's mail (the mails repeat nothing typed: told apart by their links).
    const second = await t.sink.waitFor((m) => m.to.includes("maria@example.org") && m.subject.startsWith("Please confirm the change") && !m.text.includes(token));
    expect(await confirmSignature(t.handle.db, tokenOf(findLink(second, "http://amg.test/letters/confirm?token=")), t.services.clock())).toBe("aamc");
    expect(await count()).toBe(1);
    expect((await findOpenLetter(t.handle.db, "aamc"))!.recentSigners).toEqual([]); // now hidden, as asked
    const [row] = await t.handle.db.select().from(signatures).where(eq(signatures.email, "maria@example.org"));
    expect(row).toMatchObject({ name: "Maria L. Lopez", zip: "10001", state: "NY", showName: false, status: "confirmed", pendingChanges: null });
  });

  it("confirms at once, and updates without a link, for a person signed in as the address", async () => {
    expect(await sign("signed-in@example.org", { name: "Sam Signed" }, "203.0.113.22", true)).toEqual({ ok: true, isConfirmed: true });
    expect(await count()).toBe(2);
    expect(await sign("signed-in@example.org", { name: "Sam Signed-In" }, "203.0.113.22", true)).toEqual({ ok: true, isConfirmed: true });
    expect(await count()).toBe(2);
    expect((await findOpenLetter(t.handle.db, "aamc"))!.recentSigners[0]).toEqual({ firstName: "Sam", state: "NY" });
    expect(t.sink.messages.filter((m) => m.to.includes("signed-in@example.org"))).toHaveLength(0);
  });

  it("limits signatures from one IP address", async () => {
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await sign(`person${i}@example.org`, {}, "198.51.100.99"));
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(results[10]).toMatchObject({ ok: false, reason: "rate-limited" });
  });

  it("answers not-found for an unknown letter", async () => {
    expect(await signOpenLetter({ ...t.services, slug: "nope", input: signer("x@example.org"), ip: "203.0.113.21", isProven: false })).toEqual({ ok: false, reason: "not-found" });
  });
});
