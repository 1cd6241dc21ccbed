import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLink } from "../../tests/helpers/smtp-sink";
import { testEngines } from "../../tests/helpers/test-db";
import { startTestPlatform } from "../../tests/helpers/test-platform";
import type { TestPlatform } from "../../tests/helpers/test-platform";
import { seedStarterCampaigns } from "./campaigns.server";
import { confirmSignature, findOpenLetter, listOpenLetters, signOpenLetter } from "./open-letters.server";

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;
const signer = (email: string, extra: Partial<{ name: string; zip: string; showName: boolean }> = {}) => ({
  name: extra.name ?? "Maria Lopez",
  email,
  zip: extra.zip ?? "13202",
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

  const sign = (email: string, extra = {}, ip = "203.0.113.20") => signOpenLetter({ ...t.services, slug: "aamc", input: signer(email, extra), ip });
  const count = async () => (await findOpenLetter(t.handle.db, "aamc"))!.signatures;

  it("ships the three starter letters", async () => {
    expect((await listOpenLetters(t.handle.db)).map((l) => l.slug)).toEqual(["aamc", "ecfmg", "congress"]);
  });

  it("counts a signature only once it is confirmed by e-mail, and the link works once", async () => {
    expect(await sign("maria@example.org")).toEqual({ ok: true });
    expect(await count()).toBe(0);
    const mail = await t.sink.waitFor((m) => m.to.includes("maria@example.org"));
    expect(mail.subject).toContain("Please confirm your signature");
    const token = tokenOf(findLink(mail, "http://amg.test/letters/confirm?token="));
    expect(await confirmSignature(t.handle.db, token, t.services.clock())).toBe("aamc");
    expect(await count()).toBe(1);
    expect(await confirmSignature(t.handle.db, token, t.services.clock())).toBeNull();
    expect((await findOpenLetter(t.handle.db, "aamc"))!.recentSigners).toEqual([{ firstName: "Maria", state: "NY" }]);
  });

  it("updates a signature when the same e-mail signs again, never counting it twice", async () => {
    expect(await sign("maria@example.org", { name: "Maria L. Lopez", zip: "10001", showName: false })).toEqual({ ok: true });
    expect(await count()).toBe(1);
    expect((await findOpenLetter(t.handle.db, "aamc"))!.recentSigners).toEqual([]);
    expect(t.sink.messages.filter((m) => m.to.includes("maria@example.org"))).toHaveLength(1);
  });

  it("limits signatures from one IP address", async () => {
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await sign(`person${i}@example.org`, {}, "198.51.100.99"));
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(results[10]).toMatchObject({ ok: false, reason: "rate-limited" });
  });

  it("answers not-found for an unknown letter", async () => {
    expect(await signOpenLetter({ ...t.services, slug: "nope", input: signer("x@example.org"), ip: "203.0.113.21" })).toEqual({ ok: false, reason: "not-found" });
  });
});
