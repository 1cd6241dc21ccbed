// Applicants have accounts (docs/decisions/0020): applying makes one (no role: not a member), the
// receipt carries the answers in words and a single-use link that signs in, the signed-in applicant
// corrects the application under review, approval makes a member (staff's note e-mailed with the
// welcome), and rejection keeps the account so the applicant can apply again.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, outboxMessages, people, personRoles } from "~/db/schema/index";
import { findEmailSignInLink, signInWithEmailLink } from "~/domains/accounts/sign-in.server";
import { application } from "~/tests/helpers/http-session";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { applicationInputSchema } from "./membership.schema";
import { reviewApplication } from "./review-application.server";
import { submitApplication } from "./submit-application.server";
import type { ApplicantProof } from "./submit-application.server";

const staff = { personId: 1, email: "staff@example.org", ip: null };
const anyone: ApplicantProof = { isSignedInAsEmail: false, updateToken: null };
const signedIn: ApplicantProof = { isSignedInAsEmail: true, updateToken: null };

describe.each(testEngines())("applicants' accounts on $name", (engine) => {
  let t: TestPlatform;
  let ip = 0;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
  });
  afterAll(async () => t?.close());

  const apply = (email: string, changes: Record<string, string> = {}, proof: ApplicantProof = anyone) =>
    submitApplication({ ...t.services, input: applicationInputSchema(t.services.clock()).parse(application(email, changes)), ip: `192.0.2.${++ip}`, proof });
  const stored = async (email: string) => (await t.handle.db.select().from(applications).where(eq(applications.email, email)))[0];
  const person = async (email: string) => (await t.handle.db.select().from(people).where(eq(people.email, email)))[0];
  const rolesOf = async (email: string) =>
    (
      await t.handle.db
        .select({ role: personRoles.role })
        .from(personRoles)
        .where(eq(personRoles.personId, (await person(email)).id))
    ).map((r) => r.role);
  const mails = async (email: string, template: string) => (await t.handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email))).filter((m) => m.template === template);
  const signInTokenOf = (text: string) => text.match(/\/join\/apply\/confirm\?signin=([\w-]+)/)?.[1] ?? null;
  const completion = { ip: "192.0.2.200", userAgent: "test" };

  it("makes the applicant's account with the name they gave and no role, and mails the answers in words with a link that signs in once", async () => {
    await apply("nina@example.org", { name: "Dr. Nina Okafor", degree: "DO", level1: "passed", level2ce: "passed", step1: "not-taken", step2ck: "not-taken" });
    expect(await person("nina@example.org")).toMatchObject({ name: "Dr. Nina Okafor", isDisabled: false });
    expect(await rolesOf("nina@example.org")).toEqual([]);
    const [receipt] = await mails("nina@example.org", "membership.application-received");
    expect(receipt.text).toContain("Your answers meet its membership rules.");
    expect(receipt.text).toContain("Citizenship: US citizen");
    expect(receipt.text).toContain("COMLEX Level 1: passed");
    expect(receipt.text).toContain("States where you would work: New York, Pennsylvania");
    expect(receipt.text).not.toMatch(/us-citizen|never-started|not-taken/);
    const token = signInTokenOf(receipt.text)!;
    expect(await findEmailSignInLink(t.handle.db, token, t.services.clock())).toEqual({ email: "nina@example.org" });
    const first = await signInWithEmailLink({ ...t.services, ...completion, token });
    expect(first).toMatchObject({ ok: true, secondFactorDue: false });
    expect(await signInWithEmailLink({ ...t.services, ...completion, token })).toEqual({ ok: false, reason: "expired" });
    expect(await findEmailSignInLink(t.handle.db, token, t.services.clock())).toBeNull();
  });

  it("applies a signed-in applicant's correction at once, under review, and keeps the account's name as last given", async () => {
    const before = await stored("nina@example.org");
    expect(await apply("nina@example.org", { name: "Dr. Nina A. Okafor", degree: "DO", level1: "passed", level2ce: "pending", step1: "not-taken", step2ck: "not-taken" }, signedIn)).toMatchObject({
      isProven: true,
      result: { decision: "needs-review" },
    });
    expect(await stored("nina@example.org")).toMatchObject({ publicId: before.publicId, status: "awaiting-review", decision: "needs-review", name: "Dr. Nina A. Okafor" });
    expect((await person("nina@example.org")).name).toBe("Dr. Nina A. Okafor");
    // Signed in already: the receipt needs no sign-in link.
    const receipts = await mails("nina@example.org", "membership.application-received");
    expect(signInTokenOf(receipts.at(-1)!.text)).toBeNull();
  });

  it("makes the applicant a member on approval and e-mails staff's note with what members do next", async () => {
    const { publicId } = await stored("nina@example.org");
    await reviewApplication({ ...t.services, actor: staff, publicId, input: { outcome: "approve", note: "Welcome aboard: your Level 2-CE result is confirmed." } });
    expect(await rolesOf("nina@example.org")).toEqual(["member"]);
    const [welcome] = await mails("nina@example.org", "membership.approve");
    expect(welcome.subject).toMatch(/^Welcome/);
    expect(welcome.text).toContain("Welcome aboard: your Level 2-CE result is confirmed.");
    for (const path of ["/account/profile", "/account/cycles", "/act", "/sign-in"]) expect(welcome.text).toContain(`${t.services.appUrl}${path}`);
    expect(welcome.text).toContain("mentor");
    expect(welcome.replyTo).toBeTruthy();
  });

  it("keeps a rejected applicant's account, who may apply again", async () => {
    await apply("omar@example.org", { name: "Dr. Omar Haddad" });
    const { publicId } = await stored("omar@example.org");
    await reviewApplication({ ...t.services, actor: staff, publicId, input: { outcome: "reject", note: "We could not confirm your exams." } });
    expect(await person("omar@example.org")).toBeTruthy();
    expect(await rolesOf("omar@example.org")).toEqual([]);
    const [rejected] = await mails("omar@example.org", "membership.reject");
    expect(rejected.text).toContain("We could not confirm your exams.");
    expect(rejected.text).toContain(`${t.services.appUrl}/account`);
    await apply("omar@example.org", { name: "Dr. Omar Haddad", step3: "passed" }, signedIn);
    expect(await stored("omar@example.org")).toMatchObject({ status: "awaiting-review", reviewNote: "We could not confirm your exams." });
  });
});
