import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~/db/schema/index";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { listAudit } from "~/platform/audit.server";
import { changeRole, ensurePersonWithRole, findPersonByEmail, setPersonDisabled } from "./people.server";
import { beginSecondFactorSetup, completeSecondFactor, confirmSecondFactor, currentTotp, verifySecondFactor } from "./second-factor.server";
import { findViewer, listOwnSessions } from "./sessions.server";
import { completeSignInWithCode, completeSignInWithLink, requestSignIn } from "./sign-in.server";

const codeIn = (text: string) =>
  text
    .match(/code on the sign-in page: (\d{3}) (\d{3})/)!
    .slice(1)
    .join("");
const tokenIn = (text: string) => new URL(text.match(/http:\/\/amg\.test\/sign-in\/verify\?token=\S+/)![0]).searchParams.get("token")!;

describe.each(testEngines())("sign-in and sessions on $name", (engine) => {
  let t: TestPlatform;
  const start = new Date("2026-11-24T15:00:00Z");
  beforeAll(async () => {
    t = await startTestPlatform(engine, { now: start });
    await ensurePersonWithRole(t.handle.db, "admin@example.org", "admin", null);
    await ensurePersonWithRole(t.handle.db, "member@example.org", "member", null);
  });
  afterAll(async () => t?.close());

  const completion = (browserNonce: string | null) => ({ ...t.services, browserNonce, ip: "203.0.113.5", userAgent: "vitest" });
  /** Asks for a sign-in link and waits for that (new) e-mail. */
  const ask = async (email: string, browserNonce: string) => {
    const before = t.sink.messages.length;
    expect(await requestSignIn({ ...t.services, email, browserNonce, ip: "203.0.113.5" })).toEqual({ ok: true });
    return t.sink.waitFor((m) => t.sink.messages.indexOf(m) >= before && m.to.includes(email) && m.subject.startsWith("Your sign-in link"));
  };

  it("signs in with the e-mailed link only in the browser that asked, once", async () => {
    const mail = await ask("admin@example.org", "browser-a-nonce-0000000000");
    const token = tokenIn(mail.text);
    expect(await completeSignInWithLink({ ...completion(null), token })).toEqual({ ok: false, reason: "other-browser" });
    expect(await completeSignInWithLink({ ...completion("a-mail-scanner-0000000000"), token })).toEqual({ ok: false, reason: "other-browser" });
    const done = await completeSignInWithLink({ ...completion("browser-a-nonce-0000000000"), token });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    const viewer = await findViewer(t.handle.db, done.sessionToken, start);
    expect(viewer).toMatchObject({ email: "admin@example.org", roles: ["admin"] });
    expect(await completeSignInWithLink({ ...completion("browser-a-nonce-0000000000"), token })).toEqual({ ok: false, reason: "expired" });
    expect((await listAudit(t.handle.db, { action: "session.sign-in" })).map((e) => e.actorEmail)).toContain("admin@example.org");
  });

  it("signs in with the typed code, and locks the request after five wrong codes", async () => {
    const mail = await ask("member@example.org", "browser-b-nonce-0000000000");
    const code = codeIn(mail.text);
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await completeSignInWithCode({ ...completion("browser-b-nonce-0000000000"), code: wrong })).toEqual({ ok: false, reason: "wrong-code" });
    expect(await completeSignInWithCode({ ...completion("browser-c-nonce-0000000000"), code })).toEqual({ ok: false, reason: "expired" });
    expect((await completeSignInWithCode({ ...completion("browser-b-nonce-0000000000"), code })).ok).toBe(true);

    const second = await ask("member@example.org", "browser-d-nonce-0000000000");
    for (let i = 0; i < 4; i++) await completeSignInWithCode({ ...completion("browser-d-nonce-0000000000"), code: wrong });
    expect(await completeSignInWithCode({ ...completion("browser-d-nonce-0000000000"), code: wrong })).toEqual({ ok: false, reason: "too-many-attempts" });
    expect(await completeSignInWithCode({ ...completion("browser-d-nonce-0000000000"), code: codeIn(second.text) })).toEqual({ ok: false, reason: "too-many-attempts" });
  });

  it("refuses a link after 15 minutes", async () => {
    const mail = await ask("admin@example.org", "browser-e-nonce-0000000000");
    t.setNow(new Date(start.getTime() + 15 * 60_000 + 1));
    try {
      expect(await completeSignInWithLink({ ...completion("browser-e-nonce-0000000000"), token: tokenIn(mail.text) })).toEqual({ ok: false, reason: "expired" });
    } finally {
      t.setNow(start);
    }
  });

  it("tells an unknown address by e-mail only, answering the page exactly as for a known one", async () => {
    expect(await requestSignIn({ ...t.services, email: "stranger@example.org", browserNonce: "browser-f-nonce-0000000000", ip: "203.0.113.6" })).toEqual({ ok: true });
    const mail = await t.sink.waitFor((m) => m.to.includes("stranger@example.org"));
    expect(mail.text).toContain("no account uses it");
    expect(await findPersonByEmail(t.handle.db, "stranger@example.org")).toBeNull();
  });

  it("ends a session after 12 idle hours for staff, and at once when the account is disabled", async () => {
    const mail = await ask("admin@example.org", "browser-g-nonce-0000000000");
    const done = await completeSignInWithLink({ ...completion("browser-g-nonce-0000000000"), token: tokenIn(mail.text) });
    if (!done.ok) throw new Error("sign-in failed");
    expect(await findViewer(t.handle.db, done.sessionToken, new Date(start.getTime() + 11 * 3_600_000))).not.toBeNull();
    expect(await findViewer(t.handle.db, done.sessionToken, new Date(start.getTime() + 11 * 3_600_000 + 12 * 3_600_000 + 1))).toBeNull();

    const memberMail = await ask("member@example.org", "browser-h-nonce-0000000000");
    const member = await completeSignInWithCode({ ...completion("browser-h-nonce-0000000000"), code: codeIn(memberMail.text) });
    if (!member.ok) throw new Error("sign-in failed");
    const admin = (await findPersonByEmail(t.handle.db, "admin@example.org"))!;
    const memberPerson = (await findPersonByEmail(t.handle.db, "member@example.org"))!;
    const actor = { personId: admin.id, email: admin.email, ip: "203.0.113.5" };
    await setPersonDisabled(t.handle.db, actor, { personPublicId: memberPerson.publicId, disabled: true }, start);
    expect(await findViewer(t.handle.db, member.sessionToken, start)).toBeNull();
    expect(await listOwnSessions(t.handle.db, memberPerson.id, start)).toEqual([]);
    await setPersonDisabled(t.handle.db, actor, { personPublicId: memberPerson.publicId, disabled: false }, start);
  });

  it("grants and revokes roles with an audit entry, and never removes the last admin", async () => {
    const admin = (await findPersonByEmail(t.handle.db, "admin@example.org"))!;
    const member = (await findPersonByEmail(t.handle.db, "member@example.org"))!;
    const actor = { personId: admin.id, email: admin.email, ip: "203.0.113.5" };
    await changeRole(t.handle.db, actor, { personPublicId: member.publicId, role: "staff", intent: "grant" });
    const entries = await listAudit(t.handle.db, { action: "role.grant", q: member.publicId });
    expect(entries[0]).toMatchObject({ actorEmail: "admin@example.org", subjectId: member.publicId, details: { role: "staff" } });
    await expect(changeRole(t.handle.db, actor, { personPublicId: admin.publicId, role: "admin", intent: "revoke" })).rejects.toThrow("last administrator");
  });

  it("keeps the audit log append-only, even for the application", async () => {
    await expect(t.handle.db.update(auditLog).set({ action: "forged" })).rejects.toThrow();
    await expect(t.handle.db.delete(auditLog)).rejects.toThrow();
    await expect(t.handle.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await listAudit(t.handle.db, { limit: 500 })).some((e) => e.action === "forged")).toBe(false);
  });
});

describe.each(testEngines())("second factor on $name", (engine) => {
  let t: TestPlatform;
  const start = new Date("2026-11-24T15:00:00Z");
  beforeAll(async () => {
    t = await startTestPlatform(engine, { now: start });
    await ensurePersonWithRole(t.handle.db, "staff@example.org", "staff", null);
  });
  afterAll(async () => t?.close());

  it("asks for an authenticator code after the e-mail, accepts each code once, and recovery codes once", async () => {
    const person = (await findPersonByEmail(t.handle.db, "staff@example.org"))!;
    const actor = { personId: person.id, email: person.email, ip: null };
    const setup = (await beginSecondFactorSetup(t.services, { personId: person.id, email: person.email }, "AMG"))!;
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/AMG:staff%40example\.org\?/);
    expect(setup.qrSvg).toContain("<svg");
    expect(await confirmSecondFactor(t.services, actor, "000000" === currentTotp(setup.secret, start) ? "111111" : "000000", start)).toBeNull();
    const recovery = (await confirmSecondFactor(t.services, actor, currentTotp(setup.secret, start), start))!;
    expect(recovery).toHaveLength(10);

    await requestSignIn({ ...t.services, email: "staff@example.org", browserNonce: "browser-2fa-nonce-00000000", ip: null });
    const mail = await t.sink.waitFor((m) => m.to.includes("staff@example.org") && m.subject.startsWith("Your sign-in link"));
    const done = await completeSignInWithLink({ ...t.services, token: tokenIn(mail.text), browserNonce: "browser-2fa-nonce-00000000", ip: null, userAgent: null });
    if (!done.ok) throw new Error("sign-in failed");
    expect(done.secondFactorDue).toBe(true);
    const pending = (await findViewer(t.handle.db, done.sessionToken, start))!;
    expect(pending.secondFactorPending).toBe(true);

    const later = new Date(start.getTime() + 60_000);
    const code = currentTotp(setup.secret, later);
    expect(await completeSecondFactor(t.services, { actor, sessionId: pending.sessionId, code, now: later })).toEqual({ ok: true });
    expect((await findViewer(t.handle.db, done.sessionToken, later))!.secondFactorPending).toBe(false);
    expect(await verifySecondFactor(t.services, person.id, code, later)).toBe(false); // replay refused
    expect(await verifySecondFactor(t.services, person.id, recovery[0], later)).toBe(true);
    expect(await verifySecondFactor(t.services, person.id, recovery[0], later)).toBe(false);
  });
});
