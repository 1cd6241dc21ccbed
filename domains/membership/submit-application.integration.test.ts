// Applying again for an address that already has an application (docs/decisions/0012): from a
// browser that has not proven the address nothing changes until the e-mailed link is opened; the
// applicant's own proven change clears a staff verification and goes back to review.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, outboxMessages, pendingApplicationChanges } from "~/db/schema/index";
import { application } from "~/tests/helpers/http-session";
import { findLink } from "~/tests/helpers/smtp-sink";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { confirmApplicationChange, findHeldAnswers } from "./confirm-application-change.server";
import { applicationInputSchema } from "./membership.schema";
import { reviewApplication, setVerified } from "./review-application.server";
import { applicantMailsPerAddress, submitApplication } from "./submit-application.server";
import type { ApplicantProof } from "./submit-application.server";
import { updateOwnProfile } from "./update-profile.server";

const staff = { personId: 1, email: "staff@example.org", ip: null };
const anyone: ApplicantProof = { isSignedInAsEmail: false, updateToken: null };

describe.each(testEngines())("applying again on $name", (engine) => {
  let t: TestPlatform;
  let ip = 0;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
  });
  afterAll(async () => t?.close());

  const apply = (email: string, changes: Record<string, string> = {}, proof: ApplicantProof = anyone) =>
    submitApplication({ ...t.services, input: applicationInputSchema(t.services.clock()).parse(application(email, changes)), ip: `192.0.2.${++ip}`, proof });
  const stored = async (email: string) => (await t.handle.db.select().from(applications).where(eq(applications.email, email)))[0];
  const mailsTo = async (email: string, template: string) => (await t.handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email))).filter((m) => m.template === template);
  const linkIn = async (email: string, subject: string, nth = 0) => {
    await expect.poll(() => t.sink.messages.filter((m) => m.to.includes(email) && m.subject.startsWith(subject)).length).toBeGreaterThan(nth);
    return t.sink.messages.filter((m) => m.to.includes(email) && m.subject.startsWith(subject))[nth];
  };
  const tokenIn = (mail: Parameters<typeof findLink>[0], prefix: string) => new URL(findLink(mail, prefix)).searchParams.get(prefix.endsWith("update=") ? "update" : "token")!;

  it("keeps a reviewed application as it was when its address applies again from a browser that has not proven it, answering as for a new address", async () => {
    const first = await apply("ana@example.org");
    expect(first).toMatchObject({ ok: true, isProven: false, isMember: false });
    const { publicId } = await stored("ana@example.org");
    await setVerified(t.handle.db, staff, publicId, true, t.services.clock());
    await reviewApplication({ ...t.services, actor: staff, publicId, input: { outcome: "reject", note: "We could not confirm your exams." } });
    const before = await stored("ana@example.org");
    expect(before).toMatchObject({ status: "rejected", verifiedBy: "staff@example.org" });

    const again = await apply("ana@example.org", { name: "Mallory Mask", schoolName: "Nowhere School", step2ck: "failed" });
    const fresh = await apply("brand-new@example.org", { name: "Mallory Mask", schoolName: "Nowhere School", step2ck: "failed" });
    expect(again).toEqual(fresh); // the answer never tells whether the address applied before
    expect(await stored("ana@example.org")).toEqual(before);
    const mail = await linkIn("ana@example.org", "Please confirm the changes to your application");
    expect(mail.text).not.toContain("Nowhere School"); // the address is not proven: the mail repeats nothing typed, the link shows the answers
    expect(mail.text).toContain("Your application already with us has not changed.");
  });

  it("applies held answers only through the e-mailed link: the verification is cleared and the application goes back to review", async () => {
    const mail = await linkIn("ana@example.org", "Please confirm the changes to your application");
    const token = tokenIn(mail, "http://amg.test/join/apply/confirm?token=");
    expect((await findHeldAnswers(t.handle.db, token, t.services.clock()))!.summary).toContain("Name: Mallory Mask, ZIP code 13202");
    // A corrected form sent after it: each link applies the answers it was sent with.
    await apply("ana@example.org", { name: "Dr. Ana Reyes", schoolName: "SUNY Upstate Medical University (corrected)" });
    const corrected = tokenIn(await linkIn("ana@example.org", "Please confirm the changes to your application", 1), "http://amg.test/join/apply/confirm?token=");
    const outcome = await confirmApplicationChange({ ...t.services, token: corrected });
    expect(outcome).toMatchObject({ ok: true, isMember: false, result: { decision: "eligible" } });
    expect(await stored("ana@example.org")).toMatchObject({ schoolName: "SUNY Upstate Medical University (corrected)", status: "awaiting-review", verifiedAt: null, verifiedBy: null });
    // Used once; the other held answers for the address are gone with it.
    expect(await confirmApplicationChange({ ...t.services, token: corrected })).toEqual({ ok: false });
    expect(await confirmApplicationChange({ ...t.services, token })).toEqual({ ok: false });
    expect(await t.handle.db.select().from(pendingApplicationChanges).where(eq(pendingApplicationChanges.email, "ana@example.org"))).toEqual([]);
  });

  it("applies the answers at once for the applicant signed in as the address, or sending the form from the more-information link", async () => {
    await apply("ben@example.org", { name: "Dr. Ben Ito", degree: "IMG", ecfmgCertified: "pending" });
    const { publicId } = await stored("ben@example.org");
    await setVerified(t.handle.db, staff, publicId, true, t.services.clock());
    await reviewApplication({ ...t.services, actor: staff, publicId, input: { outcome: "more-info", note: "When does your ECFMG certificate arrive?" } });
    const link = await linkIn("ben@example.org", "We need a little more information");
    const updateToken = tokenIn(link, "http://amg.test/join/apply?update=");
    // A wrong token proves nothing: held.
    expect(await apply("ben@example.org", { name: "Dr. Ben Ito", degree: "IMG", ecfmgCertified: "yes" }, { isSignedInAsEmail: false, updateToken: "not-the-token" })).toMatchObject({
      isProven: false,
    });
    expect(await stored("ben@example.org")).toMatchObject({ ecfmgCertified: "pending", status: "more-info-requested" });
    expect(await apply("ben@example.org", { name: "Dr. Ben Ito", degree: "IMG", ecfmgCertified: "yes" }, { isSignedInAsEmail: false, updateToken })).toMatchObject({ isProven: true });
    expect(await stored("ben@example.org")).toMatchObject({ ecfmgCertified: "yes", status: "awaiting-review", verifiedBy: null, updateTokenHash: null });
    // Rejected, then the applicant, signed in, sends the same answers: back to review, verification kept (nothing changed).
    await setVerified(t.handle.db, staff, publicId, true, t.services.clock());
    await reviewApplication({ ...t.services, actor: staff, publicId, input: { outcome: "reject", note: "Not this year." } });
    expect(await apply("ben@example.org", { name: "Dr. Ben Ito", degree: "IMG", ecfmgCertified: "yes" }, { isSignedInAsEmail: true, updateToken: null })).toMatchObject({ isProven: true });
    expect(await stored("ben@example.org")).toMatchObject({ status: "awaiting-review", verifiedBy: "staff@example.org" });
  });

  it("changes nothing for a member, proven or not, and keeps the mails to one address to three an hour", async () => {
    await apply("carla@example.org", { name: "Dr. Carla Mendez" });
    const { publicId } = await stored("carla@example.org");
    await reviewApplication({ ...t.services, actor: staff, publicId, input: { outcome: "approve", note: "" } });
    const member = await stored("carla@example.org");
    expect(await apply("carla@example.org", { schoolName: "Elsewhere" })).toMatchObject({ isProven: false, isMember: false });
    expect(await apply("carla@example.org", { schoolName: "Elsewhere" }, { isSignedInAsEmail: true, updateToken: null })).toMatchObject({ isProven: true, isMember: true });
    expect(await stored("carla@example.org")).toEqual(member);
    for (let i = 0; i < 5; i++) await apply("flood@example.org");
    const toFlood = (await t.handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "flood@example.org"))).length;
    expect(toFlood).toBe(applicantMailsPerAddress.limit);
    expect(await mailsTo("carla@example.org", "membership.already-member")).toHaveLength(2);
  });

  it("clears the staff verification when a member changes answers on their profile, and keeps the approval", async () => {
    const { publicId } = await stored("carla@example.org");
    await setVerified(t.handle.db, staff, publicId, true, t.services.clock());
    const actor = { personId: 2, email: "carla@example.org", ip: null };
    const same = applicationInputSchema(t.services.clock()).parse(application("carla@example.org", { name: "Dr. Carla Mendez" }));
    expect(await updateOwnProfile({ db: t.handle.db, actor, input: same, now: t.services.clock() })).toEqual({ ok: true, changed: [] });
    expect(await stored("carla@example.org")).toMatchObject({ verifiedBy: "staff@example.org", status: "approved" });
    const moved = applicationInputSchema(t.services.clock()).parse(application("carla@example.org", { name: "Dr. Carla Mendez", step3: "passed", step3Date: "2020-01-10" }));
    expect(await updateOwnProfile({ db: t.handle.db, actor, input: moved, now: t.services.clock() })).toMatchObject({ ok: true, changed: ["step3", "step3Date"] });
    expect(await stored("carla@example.org")).toMatchObject({ verifiedAt: null, verifiedBy: null, status: "approved" });
  });
});
