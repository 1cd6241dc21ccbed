// Sign-in limits that an attacker cannot turn against the person (security audit, issue 9):
// requests for someone's address from many IPs cap the e-mails sent, never the person.
// docs/decisions/0013-sign-in-limits.md says why.
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages } from "~/db/schema/index";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { ensurePersonWithRole } from "./people.server";
import { findViewer } from "./sessions.server";
import { completeSignInWithCode, completeSignInWithLink, requestSignIn } from "./sign-in.server";

const codeIn = (text: string) =>
  text
    .match(/code on the sign-in page: (\d{3}) (\d{3})/)!
    .slice(1)
    .join("");
const tokenIn = (text: string) => new URL(text.match(/http:\/\/amg\.test\/sign-in\/verify\?token=\S+/)![0]).searchParams.get("token")!;

describe.each(testEngines())("sign-in limits on $name", (engine) => {
  let t: TestPlatform;
  const start = new Date("2026-11-24T15:00:00Z");
  beforeAll(async () => {
    t = await startTestPlatform(engine, { now: start });
    for (const email of ["victim@example.org", "known@example.org", "neighbour@example.org"]) await ensurePersonWithRole(t.handle.db, email, "member", null);
  });
  afterAll(async () => t?.close());

  const ask = (email: string, browserNonce: string, ip: string, knownDevice: string | null = null) => requestSignIn({ ...t.services, email, browserNonce, ip, knownDevice });
  /** Sign-in mails queued for `email` (read from the outbox, so a mail not sent is seen not to be). */
  const signInMailsTo = (email: string) =>
    t.handle.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.toAddress, email), like(outboxMessages.template, "accounts.%")))
      .orderBy(outboxMessages.id);
  const completion = (browserNonce: string) => ({ ...t.services, browserNonce, ip: "192.0.2.10", userAgent: "vitest" });
  /** Thirty requests for `email`, each from another IP and browser, as an attacker would send them. */
  const flood = async (email: string) => {
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await ask(email, `attacker-nonce-${String(i).padStart(12, "0")}`, `198.51.100.${i}`));
    return answers;
  };

  it("keeps the person's delivered code and link working, and answers them as usual, however many requests others send for the address", async () => {
    expect(await ask("victim@example.org", "victim-browser-nonce-000000", "192.0.2.10")).toEqual({ ok: true });
    const [first] = await signInMailsTo("victim@example.org");

    expect(await flood("victim@example.org")).toEqual(Array(30).fill({ ok: true })); // the same answer as ever, never "wait"
    // Asking again from the same browser is answered as usual too (nothing new is sent: the cap is reached).
    expect(await ask("victim@example.org", "victim-browser-nonce-000000", "192.0.2.10")).toEqual({ ok: true });
    // At most five sign-in mails reached the mailbox in the quarter hour, however many were asked for.
    expect((await signInMailsTo("victim@example.org")).length).toBe(5);

    const byCode = await completeSignInWithCode({ ...completion("victim-browser-nonce-000000"), code: codeIn(first.text) });
    expect(byCode.ok).toBe(true);
    if (byCode.ok) expect(await findViewer(t.handle.db, byCode.sessionToken, start)).toMatchObject({ email: "victim@example.org" });
  });

  it("lets a browser that signed in as the person before get a new e-mail during such a flood", async () => {
    await ask("known@example.org", "known-browser-nonce-0000000", "192.0.2.20");
    const [earlier] = await signInMailsTo("known@example.org");
    const signedIn = await completeSignInWithLink({ ...completion("known-browser-nonce-0000000"), token: tokenIn(earlier.text) });
    if (!signedIn.ok) throw new Error("sign-in failed");
    expect(signedIn.knownDevice).toMatch(/\S{20,}/);

    await flood("known@example.org");
    const mailsBefore = (await signInMailsTo("known@example.org")).length;
    // A browser with no proof, or with the proof of another address, gets nothing new.
    await ask("known@example.org", "stranger-browser-nonce-0000", "192.0.2.21");
    await ask("known@example.org", "stranger-browser-nonce-0001", "192.0.2.21", `${signedIn.knownDevice}x`);
    expect((await signInMailsTo("known@example.org")).length).toBe(mailsBefore);
    expect(await ask("neighbour@example.org", "neighbour-nonce-00000000000", "192.0.2.22", signedIn.knownDevice)).toEqual({ ok: true });
    await flood("neighbour@example.org");
    const neighbourMails = (await signInMailsTo("neighbour@example.org")).length;
    await ask("neighbour@example.org", "neighbour-nonce-00000000001", "192.0.2.22", signedIn.knownDevice);
    expect((await signInMailsTo("neighbour@example.org")).length).toBe(neighbourMails);

    // The person's own browser gets a new mail, and its code signs them in.
    expect(await ask("known@example.org", "known-browser-nonce-0000001", "192.0.2.20", signedIn.knownDevice)).toEqual({ ok: true });
    const mails = await signInMailsTo("known@example.org");
    expect(mails.length).toBe(mailsBefore + 1);
    const again = await completeSignInWithCode({ ...completion("known-browser-nonce-0000001"), code: codeIn(mails.at(-1)!.text) });
    expect(again.ok).toBe(true);
  });

  it("answers an unknown address exactly as a known one, flood or not", async () => {
    expect(await flood("nobody@example.org")).toEqual(Array(30).fill({ ok: true }));
    expect((await signInMailsTo("nobody@example.org")).length).toBe(5);
  });

  it("still limits one IP asking for many addresses", async () => {
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await ask(`person${i}@example.org`, `one-ip-nonce-${String(i).padStart(14, "0")}`, "203.0.113.99"));
    expect(answers.slice(0, 10)).toEqual(Array(10).fill({ ok: true }));
    expect(answers[10]).toMatchObject({ ok: false, reason: "rate-limited" });
  });
});
