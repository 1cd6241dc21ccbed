// The authenticator step of signing in (security audit, issue 9): secrets stored encrypted, and a
// limit on the codes tried for one person, whatever the IP.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { Secret } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secondFactors } from "~/db/schema/index";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { listAudit } from "~/platform/audit.server";
import { ensurePersonWithRole, findPersonByEmail } from "./people.server";
import { beginSecondFactorSetup, completeSecondFactor, confirmSecondFactor, currentTotp, secureSecondFactorSecrets, verifySecondFactor } from "./second-factor.server";
import { createSession, findViewer } from "./sessions.server";
import { completeSignInWithLink, requestSignIn } from "./sign-in.server";

describe.each(testEngines())("the authenticator step on $name", (engine) => {
  let t: TestPlatform;
  const start = new Date("2026-11-24T15:00:00Z");
  const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
  beforeAll(async () => {
    t = await startTestPlatform(engine, { now: start });
  });
  afterAll(async () => t?.close());

  /** A staff person with a confirmed authenticator; returns its secret and recovery codes. */
  async function personWithAuthenticator(email: string) {
    await ensurePersonWithRole(t.handle.db, email, "staff", null);
    const person = (await findPersonByEmail(t.handle.db, email))!;
    const actor = { personId: person.id, email: person.email, ip: "203.0.113.5" };
    const setup = (await beginSecondFactorSetup(t.services, { personId: person.id, email }, "AMG"))!;
    const recovery = (await confirmSecondFactor(t.services, actor, currentTotp(setup.secret, start), start))!;
    return { person, actor, secret: setup.secret, recovery };
  }
  const storedSecret = async (personId: number) => (await t.handle.db.select().from(secondFactors).where(eq(secondFactors.personId, personId)))[0].secret;
  /** A sign-in that passed the e-mail step and waits for the authenticator code. */
  async function pendingSession(personId: number, now: Date) {
    const session = await createSession(t.handle.db, { personId, ip: null, userAgent: null, now, secondFactorPending: true });
    return { token: session.token, sessionId: (await findViewer(t.handle.db, session.token, now))!.sessionId };
  }
  const wrongCode = (right: string, i = 0) => {
    const guess = String(100_000 + i);
    return guess === right ? "999999" : guess;
  };

  it("stores the authenticator secret encrypted, and the app's codes still sign in through the e-mailed link", async () => {
    const { person, secret } = await personWithAuthenticator("encrypted@example.org");
    const stored = await storedSecret(person.id);
    expect(stored).not.toContain(secret);
    expect(stored).toMatch(/^v1\./);

    await requestSignIn({ ...t.services, email: "encrypted@example.org", browserNonce: "browser-enc-nonce-00000000", ip: null });
    const mail = await t.sink.waitFor((m) => m.to.includes("encrypted@example.org") && m.subject.startsWith("Your sign-in link"));
    const token = new URL(mail.text.match(/http:\/\/amg\.test\/sign-in\/verify\?token=\S+/)![0]).searchParams.get("token")!;
    const done = await completeSignInWithLink({ ...t.services, token, browserNonce: "browser-enc-nonce-00000000", ip: null, userAgent: null });
    if (!done.ok) throw new Error("sign-in failed");
    expect(done.secondFactorDue).toBe(true);
    const pending = (await findViewer(t.handle.db, done.sessionToken, start))!;
    const actor = { personId: person.id, email: person.email, ip: null };
    expect(await completeSecondFactor(t.services, { actor, sessionId: pending.sessionId, code: currentTotp(secret, at(60)), now: at(60) })).toEqual({ ok: true });
    expect((await findViewer(t.handle.db, done.sessionToken, at(60)))!.secondFactorPending).toBe(false);
  });

  it("encrypts secrets stored in plain text by an older version, at start and on first use", async () => {
    const plain = async (email: string) => {
      await ensurePersonWithRole(t.handle.db, email, "staff", null);
      const person = (await findPersonByEmail(t.handle.db, email))!;
      const secret = new Secret({ size: 20 }).base32;
      await t.handle.db.insert(secondFactors).values({ personId: person.id, secret, confirmedAt: start });
      return { person, secret };
    };
    const onUse = await plain("old-on-use@example.org");
    expect(await verifySecondFactor(t.services, onUse.person.id, currentTotp(onUse.secret, at(90)), at(90))).toBe(true);
    expect(await storedSecret(onUse.person.id)).not.toContain(onUse.secret);

    const atStart = await plain("old-at-start@example.org");
    expect(await secureSecondFactorSecrets(t.services)).toEqual({ encrypted: 1, unreadable: 0 });
    expect(await storedSecret(atStart.person.id)).toMatch(/^v1\./);
    expect(await verifySecondFactor(t.services, atStart.person.id, currentTotp(atStart.secret, at(90)), at(90))).toBe(true);
    expect(await secureSecondFactorSecrets(t.services)).toEqual({ encrypted: 0, unreadable: 0 });
  });

  it("opens a secret only with its key and in its own row", async () => {
    const a = await personWithAuthenticator("row-a@example.org");
    const b = await personWithAuthenticator("row-b@example.org");
    // A's encrypted secret copied into B's row does not give B A's codes.
    await t.handle.db
      .update(secondFactors)
      .set({ secret: await storedSecret(a.person.id) })
      .where(eq(secondFactors.personId, b.person.id));
    expect(await verifySecondFactor(t.services, b.person.id, currentTotp(a.secret, at(120)), at(120))).toBe(false);
    // Another key (SECRET_KEY changed) opens nothing: codes do not match, nothing throws, start-up counts them.
    const otherKey = { ...t.services, secretKey: randomBytes(32) };
    expect(await verifySecondFactor(otherKey, a.person.id, currentTotp(a.secret, at(150)), at(150))).toBe(false);
    expect((await secureSecondFactorSecrets(otherKey)).unreadable).toBeGreaterThanOrEqual(2);
    expect(await verifySecondFactor(otherKey, a.person.id, a.recovery[0], at(150))).toBe(true);
  });

  it("stops the pending sign-in after five wrong codes for the person, whatever the IP, even for the right code after", async () => {
    const { person, secret } = await personWithAuthenticator("locked@example.org");
    const now = at(200);
    const right = currentTotp(secret, now);
    const first = await pendingSession(person.id, now);
    const outcomes = [];
    for (let i = 0; i < 5; i++) {
      const actor = { personId: person.id, email: person.email, ip: `198.51.100.${i}` }; // a new IP each time
      outcomes.push(await completeSecondFactor(t.services, { actor, sessionId: first.sessionId, code: wrongCode(right, i), now }));
    }
    expect(outcomes.slice(0, 4)).toEqual([4, 3, 2, 1].map((attemptsLeft) => ({ ok: false, reason: "wrong-code", attemptsLeft })));
    expect(outcomes[4]).toMatchObject({ ok: false, reason: "locked" });
    expect(await findViewer(t.handle.db, first.token, now)).toBeNull(); // the pending sign-in has ended
    expect((await listAudit(t.handle.db, { action: "second-factor.lock" }))[0]).toMatchObject({ actorId: person.id });

    // The audit's attack: a new e-mail sign-in, 85 codes from as many IPs, then the right one.
    const second = await pendingSession(person.id, now);
    for (let i = 0; i < 85; i++) {
      const actor = { personId: person.id, email: person.email, ip: `203.0.113.${i}` };
      await completeSecondFactor(t.services, { actor, sessionId: second.sessionId, code: wrongCode(right, 10 + i), now });
    }
    const actor = { personId: person.id, email: person.email, ip: "192.0.2.1" };
    const last = await completeSecondFactor(t.services, { actor, sessionId: second.sessionId, code: right, now });
    expect(last).toMatchObject({ ok: false, reason: "locked" });
    if (!last.ok && last.reason === "locked") expect(last.retryAfterSeconds).toBeGreaterThan(0);
    expect(await findViewer(t.handle.db, second.token, now)).toBeNull();

    // Not even once the 15 minutes have passed: 91 codes tried today is over the daily limit.
    const soon = at(200 + 15 * 60);
    const blocked = await pendingSession(person.id, soon);
    expect(await completeSecondFactor(t.services, { actor, sessionId: blocked.sessionId, code: currentTotp(secret, soon), now: soon })).toMatchObject({ reason: "locked" });
    // The next day, the person signs in again from the start.
    const later = at(24 * 3600);
    const third = await pendingSession(person.id, later);
    expect(await completeSecondFactor(t.services, { actor, sessionId: third.sessionId, code: currentTotp(secret, later), now: later })).toEqual({ ok: true });
  });

  it("counts recovery codes as attempts too, and forgets the count once the right code came", async () => {
    const { person, secret, recovery } = await personWithAuthenticator("recovery@example.org");
    const actor = { personId: person.id, email: person.email, ip: null };
    const now = at(300);
    const session = await pendingSession(person.id, now);
    for (let i = 0; i < 4; i++) await completeSecondFactor(t.services, { actor, sessionId: session.sessionId, code: `aaaaa-0000${i}`, now });
    expect(await completeSecondFactor(t.services, { actor, sessionId: session.sessionId, code: recovery[0], now })).toEqual({ ok: true });
    // The count started again: four wrong codes on the next sign-in do not stop it.
    const next = await pendingSession(person.id, now);
    for (let i = 0; i < 4; i++) {
      expect(await completeSecondFactor(t.services, { actor, sessionId: next.sessionId, code: recovery[0], now })).toMatchObject({ reason: "wrong-code" });
    }
    expect(await completeSecondFactor(t.services, { actor, sessionId: next.sessionId, code: currentTotp(secret, now), now })).toEqual({ ok: true });
  });
});
